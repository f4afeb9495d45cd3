// Turns one data row into a ValidatedRow. Every problem of the row is collected, so staff can fix
// them all in one pass. A wrong value rejects the row. A missing, legacy or odd value that can
// still be used is imported with a warning.

import type { NeedCodeList } from '../../domain/census.js'
import type { StudentInput } from '../students/student.js'
import type { HeaderRow } from './headers.js'
import type { StudentKey, ValidatedRow } from './import.types.js'
import type { RawRecord } from './read-file.js'
import { RowCells } from './row-cells.js'
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
}

export function validateRow(record: RawRecord, context: RowContext): ValidatedRow {
  const row = new RowCells(record, context.header)
  const identifiers = readIdentifiers(row)
  const names = {
    legalSurname: readName(row, 'legalSurname', true),
    legalForename: readName(row, 'legalForename', true),
    preferredSurname: readName(row, 'preferredSurname', false),
    preferredForename: readName(row, 'preferredForename', false),
  }
  const dateOfBirth = readDate(row, 'dateOfBirth', true)
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
  if (!written) {
    const columns = (['upn', 'uln', 'misId'] as const)
      .map((target) => row.columnName(target))
      .filter((column) => column !== null)
    row.error(
      null,
      `The row has no ${columns.join(' or ')}, so the student cannot be matched to a record. ` +
        'Enter at least one of them.',
    )
  }
  return identifiers
}

/** Chooses the key that matches a row to a stored student: the UPN, else the ULN, else the MIS id. */
export function keyOf(identifiers: Identifiers): StudentKey | null {
  if (identifiers.upn !== null) return { kind: 'upn', value: identifiers.upn }
  if (identifiers.uln !== null) return { kind: 'uln', value: identifiers.uln }
  if (identifiers.misId !== null) return { kind: 'mis', value: identifiers.misId }
  return null
}
