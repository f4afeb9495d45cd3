// Turns one data row into a ValidatedRow. Every problem of the row is collected, so staff can fix
// them all in one pass. A wrong value rejects the row. A missing, legacy or odd value that can
// still be used is imported with a warning.

import { ageOn } from '../../domain/age.js'
import type { NeedCodeList } from '../../domain/census.js'
import type { StudentInput } from '../students/student.js'
import type { HeaderRow } from './headers.js'
import type { StudentKey, ValidatedRow } from './import.types.js'
import type { RawRecord } from './read-file.js'
import { RowCells } from './row-cells.js'
import { checkCells } from './validate-cells.js'
import { readSen } from './validate-sen.js'
import {
  hasValue,
  readDate,
  readMisId,
  readName,
  readNcYear,
  readPathway,
  readUln,
  readUpn,
} from './validate-values.js'

export interface RowContext {
  header: HeaderRow
  needCodes: NeedCodeList
  /** Today's calendar date as `yyyy-mm-dd`, for the check of a date of birth. */
  today: string
}

export function validateRow(record: RawRecord, context: RowContext): ValidatedRow {
  const row = new RowCells(record, context.header)
  checkCells(row)
  const identifiers = readIdentifiers(row)
  const names = {
    legalSurname: readName(row, 'legalSurname', true),
    legalForename: readName(row, 'legalForename', true),
    preferredSurname: readName(row, 'preferredSurname', false),
    preferredForename: readName(row, 'preferredForename', false),
  }
  const dateOfBirth = readDate(row, 'dateOfBirth', true)
  if (dateOfBirth !== null) checkAge(row, dateOfBirth, context.today)
  const rest = {
    ncYear: readNcYear(row),
    ...readSen(row, context.needCodes),
    ehcPlanStartDate: readDate(row, 'ehcPlanStartDate', false),
    ehcPlanReviewDate: readDate(row, 'ehcPlanReviewDate', false),
    pathway: readPathway(row),
  }

  const key = keyOf(identifiers)
  const { legalSurname, legalForename } = names
  const complete = legalSurname !== null && legalForename !== null && dateOfBirth !== null
  const input: StudentInput | null =
    row.errors.length === 0 && complete
      ? { ...identifiers, ...names, legalSurname, legalForename, dateOfBirth, ...rest }
      : null

  return { line: row.line, key, input, errors: row.errors, warnings: row.warnings }
}

type Identifiers = Pick<StudentInput, 'upn' | 'uln' | 'misId' | 'formerUpn'>

function readIdentifiers(row: RowCells): Identifiers {
  const identifiers = {
    upn: readUpn(row, 'upn'),
    uln: readUln(row),
    misId: readMisId(row),
    formerUpn: readUpn(row, 'formerUpn'),
  }

  const written = (['upn', 'uln', 'misId'] as const).some((target) => hasValue(row, target))
  if (!written) row.error(null, missingIdentifierMessage(row))
  return identifiers
}

/** Names the identifier columns the file has, and requests the first of them, the best key. */
function missingIdentifierMessage(row: RowCells): string {
  const columns = (['upn', 'uln', 'misId'] as const)
    .map((target) => row.columnName(target))
    .filter((column) => column !== null)
  const [first, ...others] = columns
  const listed = columns.length <= 2 ? columns.join(' or ') : joinWithOr(columns)
  const fallback = others.length > 0 ? `, or the ${joinWithOr(others)} if it has none` : ''
  return (
    `The row has no ${listed}, so the student cannot be matched to a record. ` +
    `Enter the student's ${first ?? 'UPN'}${fallback}.`
  )
}

function joinWithOr(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`
}

/** Oldest age, in whole years, at which a date of birth passes without a warning. */
const MAX_PLAUSIBLE_AGE = 30

/** Rejects a date of birth in the future, and warns about one more than 30 years ago. */
function checkAge(row: RowCells, dateOfBirth: string, today: string): void {
  const cell = row.read('dateOfBirth')
  if (cell === null) return
  const written = cell.kind === 'date' ? dateOfBirth : cell.text

  if (dateOfBirth > today) {
    row.error(
      cell,
      `${cell.column} "${written}" is in the future, so the student would not be born yet. ` +
        'Check the date of birth in the MIS.',
    )
    return
  }
  const age = ageOn(dateOfBirth, today)
  if (age > MAX_PLAUSIBLE_AGE) {
    row.warn(
      cell,
      `${cell.column} "${written}" makes the student ${age} years old, older than a school or ` +
        'college student usually is. Check the date of birth in the MIS.',
    )
  }
}

/** Chooses the key that matches a row to a stored student: the UPN, else the ULN, else the MIS id. */
export function keyOf(identifiers: Identifiers): StudentKey | null {
  if (identifiers.upn !== null) return { kind: 'upn', value: identifiers.upn }
  if (identifiers.uln !== null) return { kind: 'uln', value: identifiers.uln }
  if (identifiers.misId !== null) return { kind: 'mis', value: identifiers.misId }
  return null
}
