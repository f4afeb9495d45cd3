// Reads the cells of one data row by field, and collects the row's errors and warnings, each
// naming the column as written in the file.

import type { ColumnTarget, HeaderRow } from './headers.js'
import type { ImportIssue } from './import.types.js'
import type { CellValue, RawRecord } from './read-file.js'

/** One cell of a row: its column header, its value as written, and, for XLSX, its type. */
export interface Cell {
  column: string
  /** The value as written, or for an XLSX date cell its calendar date as `yyyy-mm-dd`. */
  text: string
  kind: 'text' | 'number' | 'date'
}

// Domain messages start with a generic label ('Date "31/09/2013" ...'). The file's header replaces
// it, so staff see which column to fix.
const GENERIC_LABEL = /^(Date|Need|SEN provision|UPN|ULN)(?= )/

export class RowCells {
  readonly errors: ImportIssue[] = []
  readonly warnings: ImportIssue[] = []
  /** Fields whose cell was rejected as a whole (too long, a control character), so no reader sees it. */
  private readonly rejected = new Set<ColumnTarget>()

  constructor(
    private readonly record: RawRecord,
    readonly header: HeaderRow,
  ) {}

  get line(): number {
    return this.record.line
  }

  /**
   * Returns the cell for a field, or null when the file has no column for it or its cell was
   * rejected with `reject`.
   */
  read(target: ColumnTarget): Cell | null {
    if (this.rejected.has(target)) return null
    return this.readUnchecked(target)
  }

  /** Returns the cell for a field even when it was rejected, for the checks that reject it. */
  readUnchecked(target: ColumnTarget): Cell | null {
    const column = this.header.columns[target]
    if (!column) return null
    return toCell(column.header, this.record.cells[column.index] ?? '')
  }

  /** Records an error for a field's whole cell, and hides the cell from the field's reader. */
  reject(target: ColumnTarget, cell: Cell, message: string): void {
    this.rejected.add(target)
    this.error(cell, message)
  }

  isRejected(target: ColumnTarget): boolean {
    return this.rejected.has(target)
  }

  /** Returns the header of a field's column, or null when the file has no column for it. */
  columnName(target: ColumnTarget): string | null {
    return this.header.columns[target]?.header ?? null
  }

  error(cell: Cell | null, message: string): void {
    this.errors.push(toIssue(cell, message))
  }

  warn(cell: Cell | null, message: string): void {
    this.warnings.push(toIssue(cell, message))
  }
}

export function isBlank(cell: Cell | null): boolean {
  return cell === null || cell.text.trim() === ''
}

function toIssue(cell: Cell | null, message: string): ImportIssue {
  if (cell === null) return { column: null, value: null, message }
  return {
    column: cell.column,
    value: cell.text,
    message: message.replace(GENERIC_LABEL, cell.column),
  }
}

function toCell(column: string, value: CellValue): Cell {
  if (value instanceof Date) return { column, text: toCalendarDate(value), kind: 'date' }
  if (typeof value === 'number') return { column, text: numberText(value), kind: 'number' }
  return { column, text: value, kind: 'text' }
}

/**
 * exceljs gives a date cell as the instant of midnight UTC on that day, for both the 1900 and 1904
 * date systems, so the UTC parts are the calendar date whatever the server's time zone.
 */
export function toCalendarDate(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0')
  const month = String(date.getUTCMonth() + 1).padStart(2, '0')
  const day = String(date.getUTCDate()).padStart(2, '0')
  return `${year}-${month}-${day}`
}

// Whole numbers are written out in full (a 10-digit ULN stored as a number stays 10 digits).
function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0)
  return String(value)
}
