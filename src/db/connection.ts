import { closeSync, existsSync, mkdirSync, openSync, realpathSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
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
  /** PostgreSQL only: the most connections the pool opens at once (pg's default is 10). */
  poolSize?: number
  /**
   * SQLite only: fail when the file does not exist, in place of creating an empty database there.
   * Commands that only read or revert a database set it, so a mistyped path creates nothing.
   */
  existing?: boolean
  /** The setting the URL came from, named in messages: DATABASE_URL unless set, or --to or --from. */
  setting?: string
}

/** The oldest PostgreSQL major version the product is tested on, as `server_version_num` gives it. */
const MIN_POSTGRES_VERSION = 150000

/** A database that cannot be opened or reached, with a message that names the fix. */
export class DatabaseConnectionError extends Error {
  override name = 'DatabaseConnectionError'
}

/** Milliseconds a SQLite connection waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5000

/**
 * Opens the database named by `url`: `postgres://` or `postgresql://` for PostgreSQL, otherwise
 * SQLite at `sqlite:PATH`, a plain path, or `sqlite::memory:` for a database held in memory.
 */
export function openDatabase(url: string, options: OpenOptions = {}): Database {
  if (isPostgresUrl(url)) {
    return openPostgres(url, options)
  }

  return openSqlite(url.replace(/^sqlite:/i, ''), options)
}

/** Returns whether `url` names PostgreSQL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url)
}

/**
 * Returns whether `url` names a database send-careers can open: sqlite:PATH, postgres://, postgresql://,
 * or a plain file path. Another scheme, such as mysql://, is a mistake, not a file name.
 */
export function isSupportedDatabaseUrl(url: string): boolean {
  if (/^sqlite:/i.test(url) || isPostgresUrl(url)) return true
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)
}

/** Returns the absolute path of an SQLite database file, or null for PostgreSQL or memory. */
export function sqliteFileOf(url: string): string | null {
  if (isPostgresUrl(url)) return null
  const path = url.trim().replace(/^sqlite:/i, '')
  if (path === ':memory:') return null
  // A symbolic link and the file it points to are one database.
  return existsSync(path) ? realpathSync(path) : resolve(path)
}

/**
 * Returns whether two URLs name the same database: the same SQLite file however its path is
 * written, or the same PostgreSQL host, port and database name, with any user.
 */
export function isSameDatabase(first: string, second: string): boolean {
  const firstFile = sqliteFileOf(first)
  const secondFile = sqliteFileOf(second)
  if (firstFile !== null || secondFile !== null) return firstFile === secondFile
  const key = (url: string) => {
    try {
      const parsed = new URL(url)
      return `${parsed.hostname.toLowerCase()}:${parsed.port || '5432'}${parsed.pathname}`
    } catch {
      return url.trim()
    }
  }
  return key(first) === key(second)
}

function openSqlite(path: string, options: OpenOptions): Database {
  const setting = options.setting ?? 'DATABASE_URL'
  if (path.trim() === '') {
    throw new DatabaseConnectionError(
      `${setting} names no SQLite file. Give a path, such as sqlite:./data/send-careers.db.`,
    )
  }
  const inMemory = path === ':memory:'
  if (!inMemory && options.existing && !existsSync(path)) {
    throw new DatabaseConnectionError(
      `There is no SQLite database at ${resolve(path)}. Check the path in ${setting}: this command reads an existing database and creates none.`,
    )
  }
  if (!inMemory && !existsSync(path)) {
    // The file contains personal data, so a new one and its folder are for the owner only. SQLite
    // gives the write-ahead files it creates beside it the same mode.
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
    closeSync(openSync(path, 'a', 0o600))
  }

  const connection = new SqliteDatabase(path)
  connection.pragma('journal_mode = WAL')
  // FULL syncs the write-ahead log at every commit, so a save the page confirmed survives a power
  // cut. better-sqlite3 12's build defaults to NORMAL in WAL mode, which syncs only at checkpoints.
  connection.pragma('synchronous = FULL')
  connection.pragma('foreign_keys = ON')
  // Deleted rows are overwritten with zeros, so an erased student cannot be read back from the file.
  connection.pragma('secure_delete = ON')
  connection.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`)

  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: connection }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

function openPostgres(url: string, options: OpenOptions): Database {
  if (/^postgres(ql)?:\/\/[^/?#]*\/?([?#].*)?$/i.test(url)) {
    // Without a name, the driver would use the user's name, often the server's own postgres database.
    throw new DatabaseConnectionError(
      `${describeDatabaseUrl(url)} names no database. Add its name after the host and port, such as postgres://user@host:5432/send_careers, in ${options.setting ?? 'DATABASE_URL'}.`,
    )
  }
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}": use lower-case letters, digits and _`)
  }

  const pool = new pg.Pool({
    connectionString: url,
    ...(options.poolSize ? { max: options.poolSize } : {}),
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  })

  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) })
  return { db, dialect: 'postgres', close: () => db.destroy() }
}

/**
 * Opens the database named by `url` and runs a first query, so that a wrong DATABASE_URL, a
 * stopped server or a PostgreSQL older than 15 fails at once with a DatabaseConnectionError
 * naming the fix, not at the first page.
 */
export async function connectDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  let database: Database
  try {
    database = openDatabase(url, options)
  } catch (error) {
    if (error instanceof DatabaseConnectionError) throw error
    throw new DatabaseConnectionError(explainConnectionError(error, url, options.setting), {
      cause: error,
    })
  }

  try {
    if (database.dialect === 'postgres') {
      await checkPostgresVersion(database, url)
    } else {
      await sql`select count(*) from sqlite_schema`.execute(database.db)
    }
    return database
  } catch (error) {
    await database.close().catch(() => undefined)
    if (error instanceof DatabaseConnectionError) throw error
    throw new DatabaseConnectionError(explainConnectionError(error, url, options.setting), {
      cause: error,
    })
  }
}

async function checkPostgresVersion(database: Database, url: string): Promise<void> {
  const { rows } = await sql<{ server_version_num: string }>`show server_version_num`.execute(
    database.db,
  )
  const version = Number(rows[0]?.server_version_num)
  if (version >= MIN_POSTGRES_VERSION) return
  throw new DatabaseConnectionError(
    `PostgreSQL at ${describeDatabaseUrl(url)} is version ${Math.floor(version / 10000)}, ` +
      'and send-careers needs version 15 or later. Upgrade the server or point DATABASE_URL at a newer one.',
  )
}

/** Turns a driver's connection error into a sentence that names what to check. */
function explainConnectionError(error: unknown, url: string, setting = 'DATABASE_URL'): string {
  const where = describeDatabaseUrl(url)
  const code = (error as { code?: string }).code
  const reason = error instanceof Error ? error.message : String(error)
  switch (code) {
    case 'ECONNREFUSED':
      return `Could not connect to PostgreSQL at ${where}: the connection was refused. Check that the server is running and that ${setting} names its host and port.`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Could not connect to PostgreSQL at ${where}: the host name was not found. Check the host in ${setting}.`
    case '3D000':
      return `Could not open ${where}: ${reason}. Create the database first (for example with createdb), or correct its name in ${setting}.`
    case '28P01':
    case '28000':
      return `Could not sign in to PostgreSQL at ${where}: ${reason}. Check the user name and password in ${setting}.`
    case 'ERR_INVALID_URL':
      return `${where} is not a valid PostgreSQL URL. Check that the port is a number up to 65535, and write any @, :, /, # or % in the user name or password as %40, %3A, %2F, %23 or %25.`
    case 'SQLITE_NOTADB':
      return `${where} is not an SQLite database file. Check ${setting}, or move the file away to start a new database there.`
    case 'SQLITE_CANTOPEN':
      return `Could not open the SQLite file ${where}. Check that its folder exists and that this user may write to it.`
    default:
      return `Could not open the database at ${where}: ${reason}`
  }
}

/** Names a database URL without its password, for messages and logs. */
export function describeDatabaseUrl(url: string): string {
  // The password runs from the first colon after the scheme to the last @, which also covers a
  // password with an unencoded # or /, which URL parsing would cut short. Any scheme is masked,
  // since a mistyped one, such as mysql://, may still carry a password.
  const match = /^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)(.*)@([^@]*)$/i.exec(url)
  if (match) return `${match[1]}***@${match[3]}`
  return url
}
