// Reads an uploaded register and validates every row in memory, ready to compare with the
// database. Large files go through `streamRegister` and the import service's `previewFile`.

import type { LateChange, ValidatedFile, ValidatedRow } from './import.types.js'
import type { RegisterSource } from './read-file.js'
import { streamRegister, type ValidateOptions } from './stream-register.js'

export type { ValidateOptions }

/** Reads the file and validates its rows. Rejects with ImportFileError for an unreadable file. */
export async function validateRegister(
  source: RegisterSource,
  options: ValidateOptions,
): Promise<ValidatedFile> {
  const stream = await streamRegister(source, options)
  const rows: ValidatedRow[] = []
  for await (const row of stream.rows) rows.push(row)
  applyLateChanges(rows, stream.finish())

  return {
    format: stream.format,
    fields: stream.fields,
    unknownColumns: stream.unknownColumns,
    ...(stream.pathwayColumn ? { pathwayColumn: stream.pathwayColumn } : {}),
    rows,
    warnings: stream.warnings,
  }
}

/** Adds late issues to rows in memory. A change with errors also rejects its row. */
export function applyLateChanges(rows: ValidatedRow[], changes: LateChange[]): void {
  for (const change of changes) {
    const row = rows[change.position]
    if (!row) continue
    row.warnings.push(...change.warnings)
    if (change.errors.length === 0) continue
    row.errors.push(...change.errors)
    row.input = null
  }
}
