// Reads an uploaded register and validates every row, ready to compare with the database.

import { createNeedCodeList, type LocalNeedCode } from '../../domain/census.js'
import { resolveDuplicates, warnFormerUpnMatches } from './file-checks.js'
import {
  checkRequiredColumns,
  fieldsOf,
  HEADER_SEARCH_ROWS,
  matchHeader,
  noHeaderError,
  type HeaderRow,
} from './headers.js'
import { ImportFileError, type ValidatedFile, type ValidatedRow } from './import.types.js'
import { readRegister, type RawRecord, type ReadOptions, type RegisterSource } from './read-file.js'
import { validateRow, type RowContext } from './validate-row.js'

export interface ValidateOptions extends ReadOptions {
  /** Need codes an admin has mapped to areas, on top of the census codes. */
  localNeedCodes?: readonly LocalNeedCode[]
}

interface HeaderSearch {
  /** Non-empty rows seen above the header, per worksheet. */
  rowsAbove: Map<number, number>
}

/** Reads the file and validates its rows. Rejects with ImportFileError for an unreadable file. */
export async function validateRegister(
  source: RegisterSource,
  options: ValidateOptions,
): Promise<ValidatedFile> {
  const reader = await readRegister(source, options)
  const needCodes = createNeedCodeList(options.localNeedCodes)
  const search: HeaderSearch = { rowsAbove: new Map() }
  let context: RowContext | null = null
  const rows: ValidatedRow[] = []

  for await (const record of reader.records) {
    if (isBlankRecord(record)) continue
    if (context === null) {
      const header = findHeader(search, record, reader.format)
      if (header) context = { header, needCodes }
    } else if (record.sheet === context.header.sheet) {
      rows.push(validateRow(record, context))
    }
  }

  if (context === null) throw noHeaderError()
  const { header } = context
  if (rows.length === 0) {
    throw new ImportFileError(
      `The file has a header row on line ${header.line} but no students below it. ` +
        'Check that you exported the right list, and upload it again.',
    )
  }

  const checked = resolveDuplicates(rows, header)
  warnFormerUpnMatches(checked, header)
  return {
    format: reader.format,
    fields: fieldsOf(header),
    unknownColumns: header.unknownColumns,
    rows: checked,
    warnings: [...reader.warnings, ...headerWarnings(search, header), ...header.warnings],
  }
}

/** Looks for the header among the first rows of each worksheet (CSV has one). */
function findHeader(
  search: HeaderSearch,
  record: RawRecord,
  format: 'csv' | 'xlsx',
): HeaderRow | null {
  const above = search.rowsAbove.get(record.sheet) ?? 0
  if (above >= HEADER_SEARCH_ROWS) {
    // A CSV file has nothing more to search; later worksheets of a workbook may still have one.
    if (format === 'csv') throw noHeaderError()
    return null
  }

  const header = matchHeader(record)
  if (header === null) {
    search.rowsAbove.set(record.sheet, above + 1)
    return null
  }
  checkRequiredColumns(header)
  return header
}

function headerWarnings(search: HeaderSearch, header: HeaderRow): string[] {
  const warnings: string[] = []
  const above = search.rowsAbove.get(header.sheet) ?? 0
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
