import type { Student, StudentField, StudentInput } from '../students/student.js'
import type { ImportIssue, PreviewRow, StudentKey, ValidatedRow } from './import.types.js'

// Compares validated rows with the students stored for their school. Pure, so the rules for
// new, updated, unchanged and rejected rows are tested without a database.

/** A row after comparison, with the stored student it matched. */
export interface ComparedRow {
  row: PreviewRow
  /** The stored student the row matched, or null. A rejected row matches by its key alone. */
  matched: { id: number; version: number } | null
}

export type Identifier = `${StudentKey['kind']}:${string}`

export interface RowComparer {
  /**
   * Compares one row with the stored students that share an identifier with it. Rows must come
   * in file order, because a row that claims a student an earlier row claimed is rejected.
   */
  compare(row: ValidatedRow, index: StudentIndex, staffPathways?: StaffPathways): ComparedRow
}

const RECORDED_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

/**
 * Returns the warning for a pathway cell that differs from the pathway staff recorded, which the
 * import keeps.
 */
export function keptPathwayWarning(
  column: string,
  written: string,
  kept: string | null,
  setAt: string | null,
): ImportIssue {
  const when = setAt ? ` on ${RECORDED_DATE.format(new Date(setAt))}` : ''
  const keptText = kept === null ? 'no pathway' : `"${kept}"`
  return {
    column,
    value: written,
    message:
      `${column} "${written}": kept ${keptText}, which staff recorded${when}. ` +
      'Change it on the student page if the register is right.',
  }
}

export type StudentIndex = Map<Identifier, Student & { version: number }>

/** When staff recorded the pathway of a stored student on screen or at the command line. */
export type StaffPathways = Map<number, { setAt: string | null }>

export function identifiersOf(input: Pick<StudentInput, 'upn' | 'uln' | 'misId'>): Identifier[] {
  const identifiers: Identifier[] = []
  if (input.upn) identifiers.push(`upn:${input.upn}`)
  if (input.uln) identifiers.push(`uln:${input.uln}`)
  if (input.misId) identifiers.push(`mis:${input.misId}`)
  return identifiers
}

/** Indexes students by each identifier. When two students share one, the later one wins. */
export function indexStudents(stored: (Student & { version: number })[]): StudentIndex {
  const index: StudentIndex = new Map()
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

const versionOf = (student: { id: number; version: number } | null | undefined) =>
  student ? { id: student.id, version: student.version } : null

/** The line of the row that claimed each identifier value, by kind, and each stored student. */
interface Claims {
  byKind: Record<StudentKey['kind'], Map<string, number>>
  byStudent: Map<number, number>
}

/** Lists a row's identifiers as kind and value, in the order UPN, ULN, MIS id. */
function keysOf(input: StudentInput): StudentKey[] {
  const keys: StudentKey[] = []
  if (input.upn) keys.push({ kind: 'upn', value: input.upn })
  if (input.uln) keys.push({ kind: 'uln', value: input.uln })
  if (input.misId) keys.push({ kind: 'mis', value: input.misId })
  return keys
}

function earlierClaim(claims: Claims, keys: StudentKey[], studentId: number | undefined) {
  const byKey = keys
    .map((key) => claims.byKind[key.kind].get(key.value))
    .find((line) => line !== undefined)
  return byKey ?? (studentId === undefined ? undefined : claims.byStudent.get(studentId))
}

/** Creates a comparer for the rows of one file. It remembers what earlier rows claimed. */
export function createRowComparer(
  fields: readonly StudentField[],
  pathwayColumn = 'Qualification Pathway',
): RowComparer {
  // Keyed by the row's own identifier strings, so a claim costs a map entry and no new string.
  // NOTE: a streamed row that a later row with the same key rejects keeps its claims, so a third
  // row sharing only its ULN or MIS id is rejected as the same student. Checking the whole file
  // before comparing would accept that third row.
  const claims: Claims = {
    byKind: { upn: new Map(), uln: new Map(), mis: new Map() },
    byStudent: new Map(),
  }

  function compare(
    row: ValidatedRow,
    index: StudentIndex,
    staffPathways: StaffPathways = new Map(),
  ): ComparedRow {
    const keyMatch = row.key ? index.get(`${row.key.kind}:${row.key.value}`) : undefined
    if (row.input === null || row.errors.length > 0) {
      // The file still lists this student, so a rejected row does not mark them not in the file.
      return { row: rejectRow(row, null), matched: versionOf(keyMatch) }
    }

    const matches = [...new Set(identifiersOf(row.input).flatMap((id) => index.get(id) ?? []))]
    const student = matches.length === 1 ? matches[0]! : null
    const keys = keysOf(row.input)
    const earlierLine = earlierClaim(claims, keys, student?.id)
    const matched = versionOf(student ?? keyMatch)

    if (matches.length > 1) {
      const message =
        'The UPN, ULN and MIS id of this row belong to different stored students: ' +
        'check them in the MIS.'
      return { row: rejectRow(row, message), matched }
    }
    if (earlierLine !== undefined) {
      const message =
        `This row describes the same student as row ${earlierLine}: ` + 'keep one of the two rows.'
      return { row: rejectRow(row, message), matched }
    }

    for (const key of keys) claims.byKind[key.kind].set(key.value, row.line)
    if (student) claims.byStudent.set(student.id, row.line)
    if (!student) return { row: { ...row, status: 'new', changedFields: [] }, matched }
    let changed = changedFields(student, row.input, fields)
    const staff = staffPathways.get(student.id)
    let warnings = row.warnings
    // A pathway staff recorded wins over the register, so the stored value stays.
    if (staff && changed.includes('pathway')) {
      changed = changed.filter((field) => field !== 'pathway')
      const written = row.input.pathway ?? ''
      const kept = keptPathwayWarning(pathwayColumn, written, student.pathway, staff.setAt)
      warnings = [...row.warnings, kept]
    }
    const status = changed.length > 0 ? 'updated' : 'unchanged'
    return { row: { ...row, warnings, status, changedFields: changed }, matched }
  }

  return { compare }
}
