// Reads the single-value fields of a row: identifiers, names, dates, NC year and pathway. Each
// reader returns null for an empty or rejected value and records why on the row.

import { parseCalendarDate } from '../../domain/dates.js'
import { classifyPathway } from '../../domain/pathway.js'
import { parseUln } from '../../domain/uln.js'
import { parseUpn } from '../../domain/upn.js'
import type { ColumnTarget } from './headers.js'
import { isBlank, type Cell, type RowCells } from './row-cells.js'

type NameTarget = 'legalSurname' | 'legalForename' | 'preferredSurname' | 'preferredForename'
type DateTarget = 'dateOfBirth' | 'ehcPlanStartDate' | 'ehcPlanReviewDate'

const SCIENTIFIC_NOTATION = /^\d+(\.\d+)?e[+-]?\d+$/i
const NC_YEAR = /^(R|X|[1-9]|1[0-4])$/
// "Year 9", "Y9" and "NC 9" name NC year 9; a leading zero ("09") is dropped.
const NC_YEAR_PREFIX = /^(YEAR|YR|Y|NC)\s*/

// Characters that take no space, so a person cannot see them in the cell: zero-width space,
// non-joiner and joiner, word joiner, soft hyphen, and the byte-order mark.
const INVISIBLE_CHARACTERS = /[\u200b-\u200d\u2060\u00ad\ufeff]/gu
const INVISIBLE_NAMES: Record<string, string> = {
  '\u200b': 'a zero-width space',
  '\u200c': 'a zero-width non-joiner',
  '\u200d': 'a zero-width joiner',
  '\u2060': 'a word joiner',
  '\u00ad': 'a soft hyphen',
  '\ufeff': 'a byte-order mark',
}

/**
 * Removes invisible characters from an identifier, with a warning that names them, so they are
 * not reported as spaces or as a wrong length.
 */
function removeInvisible(row: RowCells, cell: Cell): string {
  const found = cell.text.match(INVISIBLE_CHARACTERS)
  if (!found) return cell.text

  const first = found[0]!
  const code = `U+${first.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  const count =
    found.length === 1 ? 'an invisible character' : `${found.length} invisible characters`
  const cleaned = cell.text.replace(INVISIBLE_CHARACTERS, '')
  row.warn(
    cell,
    `${cell.column} "${cell.text}" contains ${count} (${INVISIBLE_NAMES[first]}, ${code}), ` +
      `so it was read as "${cleaned}". Retype the value in the MIS to remove it.`,
  )
  return cleaned
}

export function readUpn(row: RowCells, target: 'upn' | 'formerUpn'): string | null {
  const cell = row.read(target)
  if (cell === null || isBlank(cell)) return null

  const parsed = parseUpn(removeInvisible(row, cell))
  if (!parsed.ok) {
    // A damaged former UPN only loses the link to an earlier record, so it does not reject the row.
    if (target === 'formerUpn') row.warn(cell, `${parsed.error} The former UPN was not imported.`)
    else row.error(cell, parsed.error)
    return null
  }
  const { upn } = parsed.value
  // The domain message names a temporary UPN unquoted. Quoted, a stray space would show.
  const unquoted = `UPN ${upn} is a temporary UPN`
  parsed.warnings.forEach((warning) =>
    row.warn(cell, warning.replace(unquoted, `UPN "${upn}" is a temporary UPN`)),
  )
  return upn
}

export function readUln(row: RowCells): string | null {
  const cell = row.read('uln')
  if (cell === null || isBlank(cell)) return null

  const parsed = parseUln(removeInvisible(row, cell))
  if (!parsed.ok) {
    row.error(cell, parsed.error)
    return null
  }
  parsed.warnings.forEach((warning) => row.warn(cell, warning))
  return parsed.value
}

/** Reads the MIS id (such as the admission number) as text, so leading zeros are kept. */
export function readMisId(row: RowCells): string | null {
  const cell = row.read('misId')
  if (cell === null || isBlank(cell)) return null

  const text = removeInvisible(row, cell).trim()
  if (text === '') return null
  if (SCIENTIFIC_NOTATION.test(text)) {
    row.error(
      cell,
      `${cell.column} "${cell.text}" is in scientific notation, so a spreadsheet has damaged it. ` +
        'Format the column as text in the MIS export and export it again.',
    )
    return null
  }
  return text
}

/** Reads a name trimmed and in Unicode NFC, keeping apostrophes, hyphens and accents as written. */
export function readName(row: RowCells, target: NameTarget, required: boolean): string | null {
  const cell = row.read(target)
  const name = cell === null ? '' : cell.text.trim().normalize('NFC')
  if (name !== '') return name

  if (required && !row.isRejected(target)) {
    const column = row.columnName(target) ?? target
    row.error(cell, `${column} is empty. Enter the student's ${describeName(target)}.`)
  }
  return null
}

function describeName(target: NameTarget): string {
  if (target === 'legalSurname') return 'legal surname'
  if (target === 'legalForename') return 'legal forename'
  return target === 'preferredSurname' ? 'preferred surname' : 'preferred forename'
}

/**
 * Reads a calendar date. XLSX date cells are taken as they are. Text must be `dd/mm/yyyy`,
 * `d/m/yyyy` or `yyyy-mm-dd`, so two-digit years, month-first dates and bare numbers are rejected.
 */
export function readDate(row: RowCells, target: DateTarget, required: boolean): string | null {
  const cell = row.read(target)
  if (cell !== null && cell.kind === 'date') return cell.text
  if (cell === null || isBlank(cell)) {
    if (required && !row.isRejected(target)) {
      const column = row.columnName(target) ?? target
      row.error(cell, `${column} is empty. Enter the date of birth as dd/mm/yyyy.`)
    }
    return null
  }

  const parsed = parseCalendarDate(cell.text)
  if (!parsed.ok) {
    row.error(cell, parsed.error)
    return null
  }
  return parsed.value
}

/**
 * Reads the NC year as R, 1 to 14 or X. Any other value is a warning and the year is left empty,
 * because eligibility is decided by age, so a wrong year should not drop the student from planning.
 */
export function readNcYear(row: RowCells): string | null {
  const cell = row.read('ncYear')
  if (cell === null || isBlank(cell)) return null

  const text = cell.text
    .trim()
    .toUpperCase()
    .replace(NC_YEAR_PREFIX, '')
    .replace(/^0+(?=\d)/, '')
  if (NC_YEAR.test(text)) return text
  row.warn(
    cell,
    `${cell.column} "${cell.text}" is not a National Curriculum year, so it was left empty. ` +
      'Enter R, a year from 1 to 14, or X for a student not following the National Curriculum.',
  )
  return null
}

/** Reads the pathway as written; a value the rules cannot map is kept, with a warning. */
export function readPathway(row: RowCells): string | null {
  const cell = row.read('pathway')
  if (cell === null || isBlank(cell)) return null

  const pathway = cell.text.trim().replace(/\s+/g, ' ')
  const classified = classifyPathway(pathway)
  if (!classified.recognised && classified.message) row.warn(cell, classified.message)
  return pathway
}

/** Tells whether the cell has a value, counting a cell rejected as too long or damaged. */
export function hasValue(row: RowCells, target: ColumnTarget): boolean {
  return row.isRejected(target) || !isBlank(row.read(target))
}
