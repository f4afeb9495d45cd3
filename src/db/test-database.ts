import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'
import { openDatabase } from './connection.js'
import type { Database, DialectName } from './connection.js'
import { migrateToLatest } from './migrate.js'

// Test helpers: a fresh SQLite file for each test file, and the same tests on PostgreSQL when
// TEST_DATABASE_URL names a server. Each PostgreSQL run gets its own schema, dropped afterwards.

/**
 * Returns the engines to test on. scripts/test.mjs runs each file once per engine and names it in
 * TEST_ENGINE; a file run alone with no TEST_ENGINE tests SQLite, and PostgreSQL too when
 * TEST_DATABASE_URL is set.
 */
export function testEngines(): DialectName[] {
  if (process.env.TEST_ENGINE) return [testEngine()]
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
}

/**
 * Returns the engine for tests that run on one engine per pass, such as the page and command-line
 * tests: TEST_ENGINE, which scripts/test.mjs sets to `postgres` for its PostgreSQL pass.
 */
export function testEngine(): DialectName {
  const engine = process.env.TEST_ENGINE ?? 'sqlite'
  if (engine !== 'sqlite' && engine !== 'postgres') {
    throw new Error(`TEST_ENGINE is "${engine}": use sqlite or postgres`)
  }
  return engine
}

/**
 * True when a file run on its own will not test PostgreSQL, so its suites should show a skipped
 * PostgreSQL test. In `npm test`, which sets TEST_ENGINE for each pass, this is always false.
 */
export function postgresSkippedHere(): boolean {
  return !process.env.TEST_ENGINE && !testEngines().includes('postgres')
}

export interface TestDatabaseUrl {
  /** A DATABASE_URL for another process: a new SQLite file, or a new PostgreSQL database. */
  url: string
  /** Deletes the file or drops the database. */
  drop(): Promise<void>
}

/**
 * Creates an empty database on `engine` that another process can open by URL: a file in a new
 * temporary folder, or a new database on the server at TEST_DATABASE_URL. Nothing is migrated.
 */
export async function createTestDatabaseUrl(
  engine: DialectName = testEngine(),
): Promise<TestDatabaseUrl> {
  if (engine === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'send-careers-'))
    return {
      url: `sqlite:${join(folder, 'test.sqlite')}`,
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    }
  }

  const server = postgresTestUrl()
  const name = `t_${randomBytes(6).toString('hex')}`
  const admin = openDatabase(server)
  try {
    await sql`create database ${sql.id(name)}`.execute(admin.db)
  } finally {
    await admin.close()
  }
  const url = new URL(server)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = openDatabase(server)
      try {
        await sql`drop database if exists ${sql.id(name)} with (force)`.execute(dropper.db)
      } finally {
        await dropper.close()
      }
    },
  }
}

function postgresTestUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: set it to a PostgreSQL URL to test on PostgreSQL',
    )
  }
  return url
}

/** Opens an empty database on `engine`, migrated unless `migrate` is false. */
export async function openTestDatabase(
  engine: DialectName = testEngine(),
  { migrate = true } = {},
): Promise<Database> {
  const database = engine === 'postgres' ? await openPostgresSchema() : openSqliteFile()
  if (migrate) {
    await migrateToLatest(database.db)
  }

  return database
}

function openSqliteFile(): Database {
  const folder = mkdtempSync(join(tmpdir(), 'send-careers-'))
  const database = openDatabase(`sqlite:${join(folder, 'test.sqlite')}`)

  return {
    ...database,
    close: async () => {
      await database.close()
      rmSync(folder, { recursive: true, force: true })
    },
  }
}

async function openPostgresSchema(): Promise<Database> {
  const url = postgresTestUrl()
  const schema = `t_${randomBytes(6).toString('hex')}`
  const admin = openDatabase(url)
  await sql`create schema ${sql.id(schema)}`.execute(admin.db)
  const database = openDatabase(url, { schema })

  return {
    ...database,
    close: async () => {
      await database.close()
      await sql`drop schema ${sql.id(schema)} cascade`.execute(admin.db)
      await admin.close()
    },
  }
}

/**
 * Declares the suite `name` once per test engine. `getDatabase` returns that engine's migrated
 * database, opened before the suite's tests and closed after them.
 */
export function forEachEngine(name: string, fn: (getDatabase: () => Database) => void): void {
  if (postgresSkippedHere()) {
    // A skipped suite shows in the runner's summary, so a SQLite-only run is not mistaken for both.
    const skip =
      'PostgreSQL skipped: set TEST_DATABASE_URL, for example ' +
      'postgres://postgres@127.0.0.1:5432/test, to run this suite on PostgreSQL too'
    test(`${name} (postgres)`, { skip }, () => {})
  }
  for (const engine of testEngines()) {
    describe(`${name} (${engine})`, () => {
      let database: Database | undefined

      before(async () => {
        database = await openTestDatabase(engine)
      })
      after(async () => {
        await database?.close()
      })

      fn(() => {
        if (!database) {
          throw new Error(`The ${engine} test database is not open yet: use it inside a test`)
        }
        return database
      })
    })
  }
}
