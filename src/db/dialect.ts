import { PostgresAdapter, sql } from 'kysely'
import type { ColumnDataType, CreateTableBuilder, Expression, Kysely, RawBuilder } from 'kysely'
import type { DialectName } from './connection.js'

// Kysely handles of any table type, because migrations run before the row types exist.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKysely = Kysely<any>

/** Returns which engine a Kysely handle talks to, read from its adapter. */
export function dialectOf(db: AnyKysely): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

/**
 * Adds an `id` primary key that the engine numbers itself. SQLite numbers only a column declared
 * exactly `integer primary key`, and PostgreSQL needs an identity column for the same effect.
 */
export function addIdColumn<T extends string>(
  db: AnyKysely,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  if (dialectOf(db) === 'postgres') {
    return table.addColumn('id', 'integer', (column) =>
      column.primaryKey().generatedByDefaultAsIdentity(),
    )
  }

  return table.addColumn('id', 'integer', (column) => column.primaryKey())
}

/**
 * Returns a text type that sorts by code point on both engines. SQLite's default collation
 * already does, but PostgreSQL follows the database locale, which may ignore punctuation.
 */
export function codePointText(db: AnyKysely): ColumnDataType | Expression<unknown> {
  return dialectOf(db) === 'postgres' ? sql`text collate "C"` : 'text'
}

/**
 * Returns an expression for one top-level text field of a JSON text column, or null when the
 * field is missing. SQLite has `json_extract` built in, and PostgreSQL reads it through `jsonb`.
 */
export function jsonTextField(
  db: AnyKysely,
  column: string,
  key: string,
): RawBuilder<string | null> {
  if (dialectOf(db) === 'postgres')
    return sql<string | null>`(${sql.ref(column)}::jsonb ->> ${key}::text)`
  return sql<string | null>`json_extract(${sql.ref(column)}, ${`$.${key}`})`
}

/**
 * Moves the effect of deletes out of any side file, after an erasure. SQLite keeps the pages it
 * changed in the write-ahead log until a checkpoint, so the checkpoint here copies them into the
 * database file, where secure_delete has zeroed the rows, and truncates the log. PostgreSQL
 * reclaims dead rows by autovacuum and keeps no readable copy outside its data files.
 */
export async function flushDeletedRows(db: AnyKysely): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db)
}
