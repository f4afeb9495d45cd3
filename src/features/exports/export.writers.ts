// Writes an export's rows as CSV or XLSX to a stream, one row at a time. Every text cell that a
// spreadsheet would run as a formula is prefixed with `'` in both formats, so the file stays safe
// when someone saves an XLSX file as CSV or pastes its cells elsewhere.
import { Readable } from 'node:stream'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import { stringify } from 'csv-stringify'
import ExcelJS from 'exceljs'

import { neutraliseFormula } from '../../domain/spreadsheet-text.js'
import type { Cell } from './export.paging.js'

/** Returns the cell as it is written: text neutralised, numbers kept, empty as null. */
export function safeCell(cell: Cell): string | number | null {
  if (cell === null || cell === '') return null
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell
}

/** Writes UTF-8 CSV with a byte order mark, so Excel reads accented names correctly. */
export async function writeCsv(
  columns: readonly string[],
  rows: AsyncIterable<Cell[]>,
  out: Writable,
): Promise<void> {
  async function* lines(): AsyncGenerator<string[]> {
    for await (const cells of rows) yield cells.map((cell) => String(safeCell(cell) ?? ''))
  }
  const csv = stringify({ bom: true, header: true, columns: [...columns] })
  await pipeline(Readable.from(lines()), csv, out)
}

/**
 * Writes an XLSX workbook of one worksheet with a bold, frozen header row. Dates stay text in
 * `yyyy-mm-dd` form, as in the CSV, because they are calendar dates that an Excel date serial
 * would tie to a time zone (see docs/decisions/2026-12-04-exports.md).
 * An XLSX file is XML, whose readers turn a carriage return into a line feed, so a cell that
 * starts with CR comes back from Excel as `'` and a line feed.
 * NOTE: exceljs (4.4) keeps a worksheet's XML in memory until the sheet is committed and writes
 * almost nothing to `out` before then, so memory grows with the row count (about 1.7 KB a row of
 * 22 short cells, measured). The database reads stay paged; CSV streams all the way.
 */
export async function writeXlsx(
  sheetName: string,
  columns: readonly string[],
  rows: AsyncIterable<Cell[]>,
  out: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  })
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] })
  const header = sheet.addRow([...columns])
  header.font = { bold: true }
  header.commit()

  for await (const cells of rows) sheet.addRow(cells.map(safeCell)).commit()
  sheet.commit()
  // Ends `out`, and resolves once it has finished.
  await workbook.commit()
}
