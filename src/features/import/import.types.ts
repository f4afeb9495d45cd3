import type { StudentField, StudentInput } from '../students/student.js'

/** One problem with one value, named as it appears in the file. */
export interface ImportIssue {
  /** The column header as written in the file, or null for a problem with the whole row. */
  column: string | null
  /** The cell as written, quoted in messages so spaces show; null when the problem has no single value. */
  value: string | null
  message: string
}

export type StudentKey = { kind: 'upn' | 'uln' | 'mis'; value: string }

/** A row after validation, before it is compared with the database. */
export interface ValidatedRow {
  /** The line (CSV, header on line 1) or worksheet row that Excel shows. */
  line: number
  key: StudentKey | null
  /** The student the row describes, or null when an error rejects it. */
  input: StudentInput | null
  errors: ImportIssue[]
  warnings: ImportIssue[]
}

/** The whole file after reading and validation. */
export interface ValidatedFile {
  format: 'csv' | 'xlsx'
  /** Fields for which the file has a column. A field with no column is left as stored. */
  fields: StudentField[]
  /** Headers the product does not use, listed so staff can check nothing was misspelt. */
  unknownColumns: string[]
  /** The pathway column's header as written, when the file has one. */
  pathwayColumn?: string
  rows: ValidatedRow[]
  /** Problems with the file as a whole that still let it be imported (an odd encoding, a title row). */
  warnings: string[]
}

export type RowStatus = 'new' | 'updated' | 'unchanged' | 'rejected'

export interface PreviewRow extends ValidatedRow {
  /** The row's place in the file, counted from 0, for paging with `afterPosition`. */
  position?: number
  status: RowStatus
  /** For an updated row, the fields whose stored value would change. */
  changedFields: StudentField[]
}

export interface ImportPreview {
  schoolId: number
  fileName: string
  format: 'csv' | 'xlsx'
  unknownColumns: string[]
  fileWarnings: string[]
  /**
   * Every row when the file has at most 1,000 staged rows. For a larger file, only the rows with
   * errors, warnings or changes, up to 1,000, in file order.
   */
  rows: PreviewRow[]
  /** Staged rows not in `rows`. List them with the service's `listPreviewRows`. */
  rowsLeftOut: number
  /** Staged rows with at least one error or warning, in `rows` or not. */
  rowsWithMessages: number
  summary: { new: number; updated: number; unchanged: number; rejected: number; warnings: number }
  /** True when the file lists only some students, so the import marks no one not in the latest import. */
  partial: boolean
  /**
   * Students of the school that this file does not list, up to 1,000. They are kept, and marked
   * not in the latest import. Empty for a partial file.
   */
  notInFile: { id: number; key: string }[]
  /** Students not in the file beyond the first 1,000 listed in `notInFile`. */
  notInFileLeftOut: number
}

/**
 * Issues that a cross-row check adds to a row already yielded, found only once the whole file is
 * read. A change with errors rejects the row.
 */
export interface LateChange {
  /** The row's place among the yielded rows, from 0. */
  position: number
  errors: ImportIssue[]
  warnings: ImportIssue[]
}

/** Raised when the file as a whole cannot be read. Its message gives the reason and the fix. */
export class ImportFileError extends Error {
  override name = 'ImportFileError'
}
