// Writes generated rows as fast as each engine takes them. PostgreSQL gets one INSERT ... SELECT
// FROM unnest(...) per chunk, which binds one array per column instead of one parameter per cell,
// so the server parses a short statement however many rows it carries. SQLite gets the multi-row
// prepared inserts of src/db/bulk-insert.ts, which inside one transaction are close to its limit.
import { sql } from 'kysely'
import type { Insertable, Kysely } from 'kysely'

import { insertRows } from '../src/db/bulk-insert.js'
import { dialectOf } from '../src/db/dialect.js'
import type { Tables } from '../src/db/tables.js'

/** Rows per PostgreSQL statement. */
const ROWS_PER_UNNEST = 5_000

/**
 * Inserts rows that all have the same columns. On PostgreSQL a column that is null in every row of
 * a chunk is left out, so it takes its default, and every column default in these tables is null
 * except for columns the generators always fill.
 */
export async function writeRows<T extends keyof Tables>(
  db: Kysely<Tables>,
  table: T,
  rows: Insertable<Tables[T]>[],
): Promise<void> {
  if (rows.length === 0) return
  if (dialectOf(db) !== 'postgres') {
    await insertRows(db, table, rows)
    return
  }
  for (let start = 0; start < rows.length; start += ROWS_PER_UNNEST) {
    await unnestInsert(db, table, rows.slice(start, start + ROWS_PER_UNNEST))
  }
}

async function unnestInsert(db: Kysely<Tables>, table: string, rows: object[]): Promise<void> {
  const records = rows as Record<string, unknown>[]
  const columns = Object.keys(records[0]!).filter((column) =>
    records.some((row) => row[column] !== null && row[column] !== undefined),
  )
  const arrays = columns.map((column) => {
    const values = records.map((row) => row[column] ?? null)
    const sample = values.find((value) => value !== null)
    const type =
      typeof sample === 'number' ? (Number.isInteger(sample) ? 'int8' : 'float8') : 'text'
    return sql`${values}::${sql.raw(type)}[]`
  })
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((column) => sql.ref(column)))})
    select * from unnest(${sql.join(arrays)})`.execute(db)
}
