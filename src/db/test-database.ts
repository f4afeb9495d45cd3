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

/** Returns the engines to test on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): DialectName[] {
  return process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']
}

/** Opens an empty database on `engine`, migrated unless `migrate` is false. */
export async function openTestDatabase(
  engine: DialectName,
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
  const url = process.env.TEST_DATABASE_URL
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set: set it to a PostgreSQL URL to test on PostgreSQL',
    )
  }

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
  if (!testEngines().includes('postgres')) {
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
