import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Tables } from './tables.js'

export type DialectName = 'sqlite' | 'postgres'

export interface Database {
  db: Kysely<Tables>
  dialect: DialectName
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL only: the schema to put first on the search path, used by tests. */
  schema?: string
}

/** Milliseconds a SQLite connection waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000

/**
 * Opens the database named by `url`: `postgres://` or `postgresql://` for PostgreSQL, otherwise
 * SQLite at `sqlite:PATH`, a plain path, or `sqlite::memory:` for a database held in memory.
 */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return openPostgres(url, options)
  }

  return openSqlite(url.replace(/^sqlite:/i, ''))
}

function openSqlite(path: string): Database {
  const inMemory = path === ':memory:'
  if (!inMemory) {
    mkdirSync(dirname(path), { recursive: true })
  }

  const connection = new SqliteDatabase(path)
  // NOTE: synchronous stays at the build's default, which is NORMAL in WAL mode in better-sqlite3
  // 12.11.1. A commit survives a process crash but may be lost to a power cut before a checkpoint.
  connection.pragma('journal_mode = WAL')
  connection.pragma('foreign_keys = ON')
  // Deleted rows are overwritten with zeros, so an erased student cannot be read back from the file.
  connection.pragma('secure_delete = ON')
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)

  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: connection }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

function openPostgres(url: string, options: OpenOptions): Database {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}": use lower-case letters, digits and _`)
  }

  const pool = new pg.Pool({
    connectionString: url,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })

  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}
