import { CompiledQuery } from 'kysely'
import type { Insertable, Kysely } from 'kysely'
import { dialectOf } from './dialect.js'
import type { Tables } from './tables.js'

// Multi-row INSERTs for imports. Kysely compiles the statement for each row count once, and later
// chunks of the same shape reuse its SQL with new parameters, which skips building a query tree
// of thousands of values per chunk.

/**
 * Bound parameters per statement, below SQLite's default SQLITE_MAX_VARIABLE_NUMBER of 32,766
 * (since SQLite 3.32) and PostgreSQL's 65,535, which its protocol counts in 16 bits.
 */
export const MAX_BOUND_PARAMETERS = 30_000

/**
 * Rows per statement at most. With 100, 500 or 1,000, bench/import-case.ts took about the same
 * time on SQLite, and longer statements cost more to prepare and bind.
 */
const MAX_ROWS_PER_STATEMENT = 500

const compiledSql = new Map<string, string | null>()

/**
 * Inserts rows into `table` in chunks, so no statement binds more than MAX_BOUND_PARAMETERS
 * values. Every row must have the same columns in the same order, as the rows of one import do.
 */
export async function insertRows<T extends keyof Tables>(
  db: Kysely<Tables>,
  table: T,
  rows: Insertable<Tables[T]>[],
): Promise<void> {
  if (rows.length === 0) return
  const columns = Object.keys(rows[0]!)
  const perChunk = Math.min(
    MAX_ROWS_PER_STATEMENT,
    Math.floor(MAX_BOUND_PARAMETERS / columns.length),
  )
  for (let start = 0; start < rows.length; start += perChunk) {
    await insertChunk(db, table, columns, rows.slice(start, start + perChunk))
  }
}

async function insertChunk<T extends keyof Tables>(
  db: Kysely<Tables>,
  table: T,
  columns: string[],
  rows: Insertable<Tables[T]>[],
): Promise<void> {
  const parameters = flatten(columns, rows)
  const cacheKey = `${dialectOf(db)}:${table}:${columns.join(',')}:${rows.length}`
  const cached = compiledSql.get(cacheKey)
  if (cached && parameters !== null) {
    await db.executeQuery(CompiledQuery.raw(cached, parameters))
    return
  }

  const query = db.insertInto(table).values(rows as never)
  if (cached === undefined && parameters !== null) {
    // Reuse the SQL only when Kysely bound exactly the flattened values, one per cell in order.
    const { sql, parameters: bound } = query.compile()
    const same =
      bound.length === parameters.length &&
      bound.every((value, index) => value === parameters[index])
    compiledSql.set(cacheKey, same ? sql : null)
  }
  await query.execute()
}

/** Returns the cells row by row, or null when a row's columns differ from the first row's. */
function flatten(columns: string[], rows: object[]): unknown[] | null {
  const parameters: unknown[] = []
  for (const row of rows) {
    const keys = Object.keys(row)
    if (keys.length !== columns.length || keys.some((key, i) => key !== columns[i])) return null
    for (const value of Object.values(row)) parameters.push(value)
  }
  return parameters
}
