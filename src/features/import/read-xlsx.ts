// Reads the worksheets of an XLSX workbook row by row with exceljs's streaming reader.

import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'

import { ImportFileError } from './import.types.js'
import type { CellValue, RawRecord } from './read-file.js'

/**
 * Maximum length of a text cell read from a workbook, in UTF-16 code units. Far more than any register value,
 * so a longer cell means a damaged or hostile workbook, and the whole file is rejected before its
 * rows reach the database.
 */
export const MAX_XLSX_CELL_LENGTH = 10_000

const READER_OPTIONS = {
  entries: 'ignore',
  sharedStrings: 'cache',
  // Styles are needed because exceljs detects a date cell from its number format.
  styles: 'cache',
  hyperlinks: 'ignore',
  worksheets: 'emit',
} as const

/**
 * Yields the rows of every worksheet, in the order the workbook stores them. Empty rows are not
 * yielded; `line` is the worksheet row number either way.
 */
export async function* readXlsxRecords(
  chunks: AsyncIterable<Buffer>,
  fileLabel = 'register',
): AsyncGenerator<RawRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), READER_OPTIONS)
  let sheet = 0
  try {
    for await (const worksheet of reader) {
      sheet++
      for await (const row of worksheet) {
        const cells = toCells(row.values)
        checkCellLengths(cells, { sheet, line: row.number, fileLabel })
        yield { line: row.number, sheet, cells }
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error
    throw new ImportFileError(
      'The workbook could not be read, so it may be damaged. Open it in Excel, save it as ' +
        'Excel Workbook (.xlsx) again, and upload it.',
    )
  }
}

// NOTE: exceljs stores the workbook's shared strings in memory before the first row arrives, so
// this check bounds what reaches validation and the database, not what exceljs itself allocates.
function checkCellLengths(
  cells: CellValue[],
  { sheet, line, fileLabel }: { sheet: number; line: number; fileLabel: string },
): void {
  const index = cells.findIndex(
    (cell) => typeof cell === 'string' && cell.length > MAX_XLSX_CELL_LENGTH,
  )
  if (index === -1) return
  const length = (cells[index] as string).length.toLocaleString('en-GB')
  throw new ImportFileError(
    `Cell ${columnLetters(index)}${line} of worksheet ${sheet} has ${length} characters, ` +
      `more than the ${MAX_XLSX_CELL_LENGTH.toLocaleString('en-GB')} a ${fileLabel} cell can have, ` +
      `so the workbook may be damaged. Check that cell in Excel, or export the ${fileLabel} again.`,
  )
}

/** Returns the Excel column letters (A, Z, AA) of a column index from 0. */
function columnLetters(index: number): string {
  let letters = ''
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters
  }
  return letters
}

/** exceljs row values start at index 1 (column A) and may have holes for empty cells. */
function toCells(values: ExcelJS.CellValue[] | Record<string, ExcelJS.CellValue>): CellValue[] {
  const list = Array.isArray(values) ? values : Object.values(values)
  const cells: CellValue[] = []
  for (let index = 1; index < list.length; index++) {
    cells.push(toCell(list[index]))
  }
  return cells
}

function toCell(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) {
    return value
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if ('richText' in value) return value.richText.map((run) => run.text).join('')
  if ('formula' in value || 'sharedFormula' in value) {
    return toCell(value.result as ExcelJS.CellValue | undefined)
  }
  if ('error' in value) return value.error
  if ('text' in value) return toCell(value.text as ExcelJS.CellValue)
  return ''
}
