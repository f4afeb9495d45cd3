// Finds the header row of a register and maps its columns to student fields. Headers match
// whatever their case, spacing and punctuation: "Legal Surname", "LEGAL_SURNAME" and "legalsurname"
// are the same column.

import type { StudentField } from '../students/student.js'
import { ImportFileError } from './import.types.js'
import type { RawRecord } from './read-file.js'

/** A student field, or the rank column that goes with a census SEN type column. */
export type ColumnTarget = StudentField | 'primaryNeedRank' | 'secondaryNeedRank'

export interface Column {
  index: number
  /** The header as written in the file, trimmed. */
  header: string
}

export interface HeaderRow {
  line: number
  sheet: number
  columns: Partial<Record<ColumnTarget, Column>>
  unknownColumns: string[]
  warnings: string[]
}

/** How many rows from the top of a file or worksheet may be titles above the header row. */
export const HEADER_SEARCH_ROWS = 10

// Keys are headers in lower case with everything but letters and digits removed. The need columns
// hold the first and second census SEN type, and their rank columns (when present) decide which
// one is primary.
const ALIASES: Record<ColumnTarget, readonly string[]> = {
  upn: ['upn', 'uniquepupilnumber', 'pupilupn'],
  formerUpn: ['formerupn', 'previousupn', 'oldupn'],
  uln: ['uln', 'uniquelearnernumber'],
  misId: ['adno', 'admno', 'admissionnumber', 'admissionno', 'misid', 'pupilid', 'studentid'],
  legalSurname: ['legalsurname', 'surname', 'legallastname', 'lastname', 'familyname'],
  legalForename: ['legalforename', 'forename', 'legalfirstname', 'firstname', 'givenname'],
  preferredSurname: ['preferredsurname', 'preferredlastname'],
  preferredForename: ['preferredforename', 'preferredfirstname', 'preferredname', 'knownas'],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate'],
  ncYear: [
    'year',
    'ncyear',
    'ncyearactual',
    'yeargroup',
    'nationalcurriculumyear',
    'curriculumyear',
  ],
  provisionCode: ['senstatus', 'senprovision', 'sen', 'senstage', 'senprovisioncode'],
  primaryNeed: ['primaryneed', 'senprimaryneed', 'sentype1', 'primarysenneed', 'primarysentype'],
  primaryNeedRank: ['sentyperank1'],
  secondaryNeed: ['secondaryneed', 'sensecondaryneed', 'sentype2', 'secondarysenneed'],
  secondaryNeedRank: ['sentyperank2'],
  ehcPlanStartDate: ['ehcpstartdate', 'ehcplanstartdate', 'ehcstartdate'],
  ehcPlanReviewDate: [
    'ehcpreviewdate',
    'ehcplanreviewdate',
    'lastannualreview',
    'ehcplastreviewdate',
    'annualreviewdate',
    'lastannualreviewdate',
  ],
  pathway: ['qualificationpathway', 'pathway', 'curriculumpathway'],
}

const TARGET_BY_KEY = new Map<string, ColumnTarget>(
  Object.entries(ALIASES).flatMap(([target, keys]) =>
    keys.map((key) => [key, target as ColumnTarget] as const),
  ),
)

// A header row names at least two known columns, one of which identifies the student.
const IDENTIFYING: readonly ColumnTarget[] = ['upn', 'uln', 'misId', 'legalSurname']
const MIN_KNOWN_COLUMNS = 2

export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
}

/** Reads a record as a header row, or returns null when it does not look like one. */
export function matchHeader(record: RawRecord): HeaderRow | null {
  const header: HeaderRow = {
    line: record.line,
    sheet: record.sheet,
    columns: {},
    unknownColumns: [],
    warnings: [],
  }

  record.cells.forEach((cell, index) => {
    const text = typeof cell === 'string' ? cell.trim() : String(cell)
    if (text === '') return
    const target = TARGET_BY_KEY.get(headerKey(text))
    const existing = target ? header.columns[target] : undefined
    if (target && existing) {
      header.unknownColumns.push(text)
      header.warnings.push(
        `The column "${text}" was not used, because "${existing.header}" already gives the ` +
          'same information.',
      )
    } else if (target) {
      header.columns[target] = { index, header: text }
    } else {
      header.unknownColumns.push(text)
    }
  })

  const known = Object.keys(header.columns) as ColumnTarget[]
  const identifies = IDENTIFYING.some((target) => header.columns[target])
  return known.length >= MIN_KNOWN_COLUMNS && identifies ? header : null
}

/** Returns the student fields the header row has a column for. */
export function fieldsOf(header: HeaderRow): StudentField[] {
  return (Object.keys(header.columns) as ColumnTarget[]).filter(
    (target): target is StudentField =>
      target !== 'primaryNeedRank' && target !== 'secondaryNeedRank',
  )
}

/** Rejects a header row that lacks a column every student needs. */
export function checkRequiredColumns(header: HeaderRow): void {
  const missing: string[] = []
  const { columns } = header
  if (!columns.upn && !columns.uln && !columns.misId) missing.push('UPN, ULN or Adno')
  if (!columns.legalSurname) missing.push('Legal Surname')
  if (!columns.legalForename) missing.push('Legal Forename')
  if (!columns.dateOfBirth) missing.push('DOB')
  if (missing.length === 0) return

  throw new ImportFileError(
    `The header row on line ${header.line} has no column for ${joinWithAnd(missing)}. ` +
      'Add the missing columns to the export and upload it again.',
  )
}

export function noHeaderError(): ImportFileError {
  return new ImportFileError(
    `No header row was found in the first ${HEADER_SEARCH_ROWS} rows. The header row names ` +
      'the columns, for example UPN, Legal Surname, Legal Forename and DOB. Add one above the ' +
      'first student and upload the file again.',
  )
}

function joinWithAnd(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
