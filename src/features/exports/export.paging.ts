import { setImmediate } from 'node:timers/promises'

import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import type { IsoDate } from '../../domain/types.js'
import type { PageRequest } from './export.repository.js'

/** A cell of an export: text, a number, or empty. Dates are `yyyy-mm-dd` text. */
export type Cell = string | number | null

/** One row of an export and the school whose record it is, for the audit trail's counts. */
export interface ExportRecord {
  schoolId: number
  cells: Cell[]
}

/** The database, schools and settings that a kind's rows are read with. */
export interface RowSource {
  db: Kysely<Tables>
  schoolIds: number[]
  /** The date in England that "current" and "sustained" are judged on. */
  today: IsoDate
  /** Rows read per query. */
  pageSize: number
  /** Called after each page query, so a test can count them. */
  onPage: () => void
}

/**
 * Yields every row of a paged query, one page at a time, keyed on id. No more than one page is
 * held in memory, and other requests get a turn between pages, because SQLite calls block the
 * event loop.
 */
export async function* readPages<R extends { id: number }>(
  source: RowSource,
  read: (page: PageRequest) => Promise<R[]>,
): AsyncGenerator<R> {
  let afterId = 0
  for (;;) {
    const rows = await read({ schoolIds: source.schoolIds, afterId, limit: source.pageSize })
    source.onPage()
    yield* rows
    const last = rows.at(-1)
    if (rows.length < source.pageSize || last === undefined) return
    afterId = last.id
    await setImmediate()
  }
}

/** Returns the text of a nullable value, or null, so an empty cell stays empty. */
export function textOrEmpty(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value
}

/** Returns `Yes` or `No` for a stored 1 or 0, or null when nothing was recorded. */
export function yesNo(value: number | null): string | null {
  if (value === null) return null
  return value === 1 ? 'Yes' : 'No'
}
