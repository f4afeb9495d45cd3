import type { Student, StudentField, StudentInput } from '../students/student.js'
import type {
  ImportIssue,
  ImportPreview,
  PreviewRow,
  StudentKey,
  ValidatedFile,
  ValidatedRow,
} from './import.types.js'

// Compares a validated file with the students stored for its school. Pure, so the rules for
// new, updated, unchanged and rejected rows are tested without a database.

export interface ComparedFile {
  preview: ImportPreview
  /** The stored student each row matched, by position in `preview.rows`, or null. */
  matchedIds: (number | null)[]
}

type Identifier = `${StudentKey['kind']}:${string}`

function identifiersOf(input: StudentInput): Identifier[] {
  const identifiers: Identifier[] = []
  if (input.upn) identifiers.push(`upn:${input.upn}`)
  if (input.uln) identifiers.push(`uln:${input.uln}`)
  if (input.misId) identifiers.push(`mis:${input.misId}`)
  return identifiers
}

function indexStudents(stored: Student[]): Map<Identifier, Student> {
  const index = new Map<Identifier, Student>()
  for (const student of stored) {
    for (const identifier of identifiersOf(student)) index.set(identifier, student)
  }
  return index
}

/**
 * Lists the fields whose stored value the row would change. Only fields the file has a column
 * for are compared, so a column the file lacks never erases a stored value.
 */
export function changedFields(
  stored: StudentInput,
  input: StudentInput,
  fields: readonly StudentField[],
): StudentField[] {
  // A blank cell in a present column overwrites the stored value with null, because the MIS is
  // the source of those fields. The pathway is the exception. Staff often record it on screen,
  // so a blank pathway cell never erases a stored pathway.
  return fields.filter(
    (field) => !(field === 'pathway' && input.pathway === null) && input[field] !== stored[field],
  )
}

function rejectRow(row: ValidatedRow, message: string | null): PreviewRow {
  const issue: ImportIssue[] = message ? [{ column: null, value: null, message }] : []
  return { ...row, errors: [...row.errors, ...issue], status: 'rejected', changedFields: [] }
}

export function compareWithStored(
  schoolId: number,
  fileName: string,
  file: ValidatedFile,
  stored: Student[],
): ComparedFile {
  const index = indexStudents(stored)
  const claimedBy = new Map<Identifier | number, number>()
  const matchedIds: (number | null)[] = []

  const rows = file.rows.map((row): PreviewRow => {
    const keyMatch = row.key ? (index.get(`${row.key.kind}:${row.key.value}`) ?? null) : null
    if (row.input === null || row.errors.length > 0) {
      // The file still lists this student, so a rejected row does not mark them not in the file.
      matchedIds.push(keyMatch?.id ?? null)
      return rejectRow(row, null)
    }

    const identifiers = identifiersOf(row.input)
    const matches = [...new Set(identifiers.flatMap((id) => index.get(id) ?? []))]
    const student = matches.length === 1 ? matches[0]! : null
    const claims: (Identifier | number)[] = student ? [...identifiers, student.id] : identifiers
    const earlierLine = claims
      .map((claim) => claimedBy.get(claim))
      .find((line) => line !== undefined)
    matchedIds.push(student?.id ?? keyMatch?.id ?? null)

    if (matches.length > 1) {
      return rejectRow(
        row,
        'The UPN, ULN and MIS id of this row belong to different stored students: ' +
          'check them in the MIS.',
      )
    }
    if (earlierLine !== undefined) {
      return rejectRow(
        row,
        `This row describes the same student as row ${earlierLine}: keep one of the two rows.`,
      )
    }

    for (const claim of claims) claimedBy.set(claim, row.line)
    if (!student) {
      return { ...row, status: 'new', changedFields: [] }
    }
    const changed = changedFields(student, row.input, file.fields)
    return { ...row, status: changed.length > 0 ? 'updated' : 'unchanged', changedFields: changed }
  })

  const listed = new Set(matchedIds)
  const notInFile = stored
    .filter((student) => !listed.has(student.id))
    .map((student) => ({
      id: student.id,
      key: student.upn ?? student.uln ?? student.misId ?? `#${student.id}`,
    }))

  return { preview: toPreview(schoolId, fileName, file, rows, notInFile), matchedIds }
}

function toPreview(
  schoolId: number,
  fileName: string,
  file: ValidatedFile,
  rows: PreviewRow[],
  notInFile: ImportPreview['notInFile'],
): ImportPreview {
  const count = (status: PreviewRow['status']) => rows.filter((row) => row.status === status).length

  return {
    schoolId,
    fileName,
    format: file.format,
    unknownColumns: file.unknownColumns,
    fileWarnings: file.warnings,
    rows,
    summary: {
      new: count('new'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      rejected: count('rejected'),
      // Accepted rows that carry at least one warning; rejected rows are counted as rejected.
      warnings: rows.filter((row) => row.status !== 'rejected' && row.warnings.length > 0).length,
    },
    notInFile,
  }
}
