// Reads a destinations file (CSV or XLSX) with the register import's readers, finds its header
// row and returns each data row's cells by column. Headers match whatever their case, spacing and
// punctuation, as register headers do.
import { headerKey, HEADER_SEARCH_ROWS } from '../../import/headers.js'
import { ImportFileError } from '../../import/import.types.js'
import { readRegister } from '../../import/read-file.js'
import type { CellValue, ReadOptions, RegisterSource } from '../../import/read-file.js'
import { toCalendarDate } from '../../import/row-cells.js'

export type DestinationColumn =
  | 'upn'
  | 'type'
  | 'nccisCode'
  | 'startDate'
  | 'endDate'
  | 'hoursPerWeek'
  | 'paid'
  | 'provider'
  | 'checkedOn'
  | 'intent'
  | 'reason'

// Keys are headers in lower case with everything but letters and digits removed.
const ALIASES: Record<DestinationColumn, readonly string[]> = {
  upn: ['upn', 'uniquepupilnumber', 'pupilupn'],
  type: ['destinationtype', 'destinationtypeid', 'type', 'destination', 'typeid'],
  nccisCode: ['nccis', 'ncciscode', 'nccisactivitycode', 'activitycode', 'currentactivitycode'],
  startDate: ['startdate', 'start', 'datestarted', 'fromdate'],
  endDate: ['enddate', 'end', 'dateended', 'todate', 'leftdate'],
  hoursPerWeek: ['hoursperweek', 'hours', 'weeklyhours', 'hoursaweek'],
  paid: ['paid', 'ispaid', 'paidorunpaid'],
  provider: ['provider', 'employer', 'provideroremployer', 'institution', 'providername'],
  checkedOn: ['datechecked', 'checkedon', 'checked', 'lastchecked', 'checkeddate'],
  intent: ['intendedoractual', 'intentoractual', 'intent', 'actualorintended', 'status'],
  reason: ['reason', 'reasonforrecording'],
}

const COLUMN_BY_KEY = new Map<string, DestinationColumn>(
  Object.entries(ALIASES).flatMap(([column, keys]) =>
    keys.map((key) => [key, column as DestinationColumn] as const),
  ),
)

/** One cell as read: CSV text, or an XLSX number or date cell written as text. */
export interface DestinationCell {
  /** The column header as written in the file. */
  column: string
  text: string
  kind: 'text' | 'number' | 'date'
}

export interface DestinationFileRow {
  /** The CSV line (header on line 1) or worksheet row that Excel shows. */
  line: number
  cells: Partial<Record<DestinationColumn, DestinationCell>>
}

export interface DestinationFile {
  format: 'csv' | 'xlsx'
  /** The header of each column the product reads, as written. */
  headers: Partial<Record<DestinationColumn, string>>
  unknownColumns: string[]
  warnings: string[]
  rows: DestinationFileRow[]
}

/** The maximum number of data rows in one destinations file. Every row is held in memory while checked. */
export const MAX_DESTINATION_ROWS = 20_000

function cellText(value: CellValue | undefined): Omit<DestinationCell, 'column'> {
  if (value instanceof Date) return { text: toCalendarDate(value), kind: 'date' }
  if (typeof value === 'number') {
    const text = Number.isInteger(value) ? value.toFixed(0) : String(value)
    return { text, kind: 'number' }
  }
  return { text: value ?? '', kind: 'text' }
}

interface Header {
  line: number
  sheet: number
  indexes: Partial<Record<DestinationColumn, number>>
  headers: Partial<Record<DestinationColumn, string>>
  unknownColumns: string[]
  warnings: string[]
}

function matchHeader(cells: CellValue[], line: number, sheet: number): Header | null {
  const header: Header = { line, sheet, indexes: {}, headers: {}, unknownColumns: [], warnings: [] }
  cells.forEach((cell, index) => {
    const text = typeof cell === 'string' ? cell.trim() : String(cell)
    if (text === '') return
    const column = COLUMN_BY_KEY.get(headerKey(text))
    if (column && header.headers[column]) {
      header.unknownColumns.push(text)
      header.warnings.push(
        `The column "${text}" was not used, because "${header.headers[column]}" already gives the same information.`,
      )
    } else if (column) {
      header.indexes[column] = index
      header.headers[column] = text
    } else {
      header.unknownColumns.push(text)
    }
  })
  // A header row names the UPN and at least one other known column.
  const known = Object.keys(header.indexes).length
  return header.indexes.upn !== undefined && known >= 2 ? header : null
}

function checkRequiredColumns(header: Header): void {
  const missing: string[] = []
  if (header.indexes.type === undefined && header.indexes.nccisCode === undefined) {
    missing.push('Destination Type (or NCCIS Code)')
  }
  if (header.indexes.startDate === undefined) missing.push('Start Date')
  if (missing.length === 0) return
  throw new ImportFileError(
    `The header row on line ${header.line} has no column for ${missing.join(' or ')}. Add the missing columns and import the file again.`,
  )
}

/**
 * Reads every data row of a destinations file. Rejects with ImportFileError when the file cannot
 * be read, has no header row, has no data rows, or has more than MAX_DESTINATION_ROWS rows.
 */
export async function readDestinationFile(
  source: RegisterSource,
  options: ReadOptions,
): Promise<DestinationFile> {
  // The shared readers name the file in their messages, and this one is not a register.
  const reader = await readRegister(source, { ...options, fileLabel: 'destinations file' })
  let header: Header | null = null
  let searched = 0
  const rows: DestinationFileRow[] = []

  for await (const record of reader.records) {
    if (!header || record.sheet !== header.sheet) {
      // Only the first worksheet with a header row is read.
      if (header) break
      searched += 1
      header = matchHeader(record.cells, record.line, record.sheet)
      if (header) checkRequiredColumns(header)
      else if (searched >= HEADER_SEARCH_ROWS) break
      continue
    }
    const row = toRow(header, record.line, record.cells)
    if (row === null) continue
    rows.push(row)
    if (rows.length > MAX_DESTINATION_ROWS) {
      throw new ImportFileError(
        `The file has more than ${MAX_DESTINATION_ROWS.toLocaleString('en-GB')} rows. Split it into smaller files and import them one at a time.`,
      )
    }
  }

  if (!header) {
    throw new ImportFileError(
      `No header row was found in the first ${HEADER_SEARCH_ROWS} rows. The header row names the columns, for example UPN, Destination Type, Start Date and Intended or Actual. Add one above the first row and import the file again.`,
    )
  }
  if (rows.length === 0) {
    throw new ImportFileError(
      'The file has a header row but no destinations below it. Add the rows and import it again.',
    )
  }
  return {
    format: reader.format,
    headers: header.headers,
    unknownColumns: header.unknownColumns,
    warnings: [...reader.warnings, ...header.warnings],
    rows,
  }
}

/** Reads the known cells of one record, or returns null for a row with every cell empty. */
function toRow(header: Header, line: number, cells: CellValue[]): DestinationFileRow | null {
  const row: DestinationFileRow = { line, cells: {} }
  let empty = true
  for (const [column, index] of Object.entries(header.indexes) as [DestinationColumn, number][]) {
    const cell = { column: header.headers[column] ?? column, ...cellText(cells[index]) }
    if (cell.text.trim() !== '') empty = false
    row.cells[column] = cell
  }
  return empty ? null : row
}
