import { setImmediate } from 'node:timers/promises'
// Writes every problem of a staged preview as CSV, one line per error or warning, reading the
// staged rows page by page so a file with 100,000 problem rows is never held in memory.

import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'

import { neutraliseFormula } from '../../domain/spreadsheet-text.js'
import type { Scope } from '../students/student.service.js'
import type { ImportService } from './import.service.js'
import type { PreviewRow } from './import.types.js'
import { issueRows } from './import.view-model.js'

/** Staged rows read per query of the download. */
export const PROBLEM_PAGE_ROWS = 500

export const PROBLEM_COLUMNS = ['Line', 'Status', 'Type', 'Column', 'Value', 'Message']

// Kept as an export of this module for its existing importers.
export { neutraliseFormula }

type Rows = Pick<ImportService, 'listPreviewRows'>

/**
 * Opens the CSV of a preview's problems. Reads the first page before it returns, so a missing or
 * expired preview rejects with ImportPreviewError before any byte is sent.
 */
export async function openProblemsCsv(
  imports: Rows,
  previewId: string,
  scope: Scope,
): Promise<Readable> {
  const page = { limit: PROBLEM_PAGE_ROWS, onlyWithMessages: true }
  const first = await imports.listPreviewRows(previewId, scope, { ...page, offset: 0 })

  async function* records(): AsyncGenerator<string[]> {
    let rows = first
    while (rows.length > 0) {
      for (const row of rows) yield* toRecords(row)
      if (rows.length < PROBLEM_PAGE_ROWS) return
      // SQLite calls block the event loop, so other requests get a turn between pages.
      await setImmediate()
      const afterPosition = rows.at(-1)?.position ?? 0
      rows = await imports.listPreviewRows(previewId, scope, { ...page, offset: 0, afterPosition })
    }
  }

  const csv = stringify({ bom: true, header: true, columns: PROBLEM_COLUMNS })
  const source = Readable.from(records())
  // pipe() does not pass errors on, so a failed page query ends the download with the error.
  source.on('error', (error) => csv.destroy(error))
  return source.pipe(csv)
}

function toRecords(row: PreviewRow): string[][] {
  return issueRows(row).map((issue) => [
    String(issue.line),
    issue.status,
    issue.kind,
    neutraliseFormula(issue.column),
    // The raw value, without the quotes the page adds: a CSV cell keeps its spaces.
    neutraliseFormula(issue.rawValue),
    neutraliseFormula(issue.message),
  ])
}
