// Reads an uploaded register and yields its validated rows one at a time, so a large file is
// never held in memory. Checks across rows end in `finish`, once every row has been read.

import { createNeedCodeList, type LocalNeedCode } from '../../domain/census.js'
import type { StudentField } from '../students/student.js'
import { createFileChecks } from './file-checks.js'
import {
  checkRequiredColumns,
  fieldsOf,
  HEADER_SEARCH_ROWS,
  matchHeader,
  noHeaderError,
  type HeaderRow,
} from './headers.js'
import { ImportFileError, type LateChange, type ValidatedRow } from './import.types.js'
import { readRegister, type RawRecord, type ReadOptions, type RegisterSource } from './read-file.js'
import { validateRow, type RowContext } from './validate-row.js'

export interface ValidateOptions extends ReadOptions {
  /** Need codes an admin has mapped to areas, on top of the census codes. */
  localNeedCodes?: readonly LocalNeedCode[]
  /** Today's calendar date as `yyyy-mm-dd`, for the date of birth check; by default the UTC date. */
  today?: string
}

export interface RegisterStream {
  format: 'csv' | 'xlsx'
  /** Fields for which the file has a column. A field with no column is left as stored. */
  fields: StudentField[]
  /** Headers the product does not use, listed so staff can check nothing was misspelt. */
  unknownColumns: string[]
  /** The pathway column's header as written, when the file has one. */
  pathwayColumn?: string
  /** Problems with the whole file that still let it be imported. Complete once `rows` ends. */
  readonly warnings: string[]
  /**
   * The data rows in file order, without exact repeats. Iterate it once. A row whose key
   * conflicts with an earlier row comes with input null, and its error comes from `finish`.
   * Rejects with ImportFileError when the file breaks off or has no data rows.
   */
  rows: AsyncIterable<ValidatedRow>
  /** Returns the issues the cross-row checks add to rows already yielded, by position. */
  finish(): LateChange[]
}

/**
 * Opens the file and reads up to its header row. Rejects with ImportFileError when the file
 * cannot be read or has no header row.
 */
export async function streamRegister(
  source: RegisterSource,
  options: ValidateOptions,
): Promise<RegisterStream> {
  const reader = await readRegister(source, options)
  const records = reader.records[Symbol.asyncIterator]()
  const rowsAbove = new Map<number, number>()
  let header: HeaderRow | null = null
  while (header === null) {
    const next = await records.next()
    if (next.done) throw noHeaderError()
    if (!isBlankRecord(next.value)) header = findHeader(rowsAbove, next.value, reader.format)
  }

  const context: RowContext = {
    header,
    needCodes: createNeedCodeList(options.localNeedCodes),
    today: options.today ?? new Date().toISOString().slice(0, 10),
  }
  const checks = createFileChecks(header)
  const fileWarnings = [...headerWarnings(rowsAbove, header), ...header.warnings]
  return {
    format: reader.format,
    fields: fieldsOf(header),
    unknownColumns: header.unknownColumns,
    ...(header.columns.pathway ? { pathwayColumn: header.columns.pathway.header } : {}),
    get warnings() {
      return [...reader.warnings, ...fileWarnings]
    },
    rows: validateRecords(records, context, checks),
    finish: () => checks.finish(),
  }
}

async function* validateRecords(
  records: AsyncIterator<RawRecord>,
  context: RowContext,
  checks: ReturnType<typeof createFileChecks>,
): AsyncGenerator<ValidatedRow> {
  let validated = 0
  let position = 0
  for (let next = await records.next(); !next.done; next = await records.next()) {
    const record = next.value
    if (isBlankRecord(record) || record.sheet !== context.header.sheet) continue
    const row = validateRow(record, context)
    validated += 1
    if (!checks.add(row, position)) continue
    position += 1
    yield row
  }

  if (validated === 0) {
    throw new ImportFileError(
      `The file has a header row on line ${context.header.line} but no students below it. ` +
        'Check that you exported the right list, and upload it again.',
    )
  }
}

/** Looks for the header among the first rows of each worksheet (CSV has one). */
function findHeader(
  rowsAbove: Map<number, number>,
  record: RawRecord,
  format: 'csv' | 'xlsx',
): HeaderRow | null {
  const above = rowsAbove.get(record.sheet) ?? 0
  if (above >= HEADER_SEARCH_ROWS) {
    // A CSV file has nothing more to search; later worksheets of a workbook may still have one.
    if (format === 'csv') throw noHeaderError()
    return null
  }

  const header = matchHeader(record)
  if (header === null) {
    rowsAbove.set(record.sheet, above + 1)
    return null
  }
  checkRequiredColumns(header)
  return header
}

function headerWarnings(rowsAbove: Map<number, number>, header: HeaderRow): string[] {
  const warnings: string[] = []
  const above = rowsAbove.get(header.sheet) ?? 0
  if (header.sheet > 1) {
    warnings.push(
      `Worksheet ${header.sheet} is the first with a header row, so the worksheets before it ` +
        'were not imported.',
    )
  }
  if (above > 0) {
    const skipped = above === 1 ? '1 row above it was' : `${above} rows above it were`
    warnings.push(`The header row is on line ${header.line}, so ${skipped} skipped as titles.`)
  }
  return warnings
}

function isBlankRecord(record: RawRecord): boolean {
  return record.cells.every((cell) => typeof cell === 'string' && cell.trim() === '')
}
