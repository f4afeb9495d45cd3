import type { AnyKysely } from '../dialect.js'

// Adds `rate_limits`: the request counters that @fastify/rate-limit keeps, so that every web
// process on one database counts a client's requests together. One row per route and client, with
// the hits in the current fixed window and the moment the window ends, in milliseconds since
// 1970 UTC (bigint, because the value does not fit PostgreSQL's 32-bit integer). Rows whose window
// has ended are deleted by the store, so the table stays small.

export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (column) => column.primaryKey())
    .addColumn('hits', 'integer', (column) => column.notNull())
    .addColumn('reset_at', 'bigint', (column) => column.notNull())
    .execute()
  await db.schema.createIndex('rate_limits_reset_at').on('rate_limits').column('reset_at').execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
}
