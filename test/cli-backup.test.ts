import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it, test } from 'node:test'
import { promisify } from 'node:util'

import SqliteDatabase from 'better-sqlite3'

import { openDatabase, type Database } from '../src/db/connection.js'
import { MIGRATION_NAMES } from '../src/db/migrate.js'
import {
  createTestDatabaseUrl,
  postgresSkippedHere,
  testEngines,
  type TestDatabaseUrl,
} from '../src/db/test-database.js'
import { createServices } from '../src/services.js'
import { sendCareers } from './operations-runner.js'

const run = promisify(execFile)

async function withDatabase<T>(url: string, work: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase(url)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

/** Counts what the services read: every student of every school, and the users. */
async function readThroughServices(url: string) {
  return withDatabase(url, async (database) => {
    const services = createServices(database)
    const schools = await services.students.listSchools('all')
    const students = await services.students.listAllDetails({ schoolIds: schools.map((s) => s.id) })
    const users = await services.accounts.listAccounts(schools.map((s) => s.id))
    return { schools: schools.length, students: students.length, users: users.length }
  })
}

async function countAuditEvents(url: string): Promise<number> {
  return withDatabase(url, async (database) => {
    const rows = await database.db.selectFrom('audit_events').select('id').execute()
    return rows.length
  })
}

describe('backup command (sqlite)', { skip: !testEngines().includes('sqlite') }, () => {
  let folder: string
  let databaseFile: string
  let url: string
  let backupFile: string

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'send-careers-backup-'))
    databaseFile = join(folder, 'school.db')
    url = `sqlite:${databaseFile}`
    backupFile = join(folder, 'backup.db')
    const demo = await sendCareers(url, ['demo', '--no-serve', '--students', '20'])
    assert.equal(demo.code, 0, demo.stderr)
  })
  after(() => {
    rmSync(folder, { recursive: true, force: true })
  })

  it('backs up while a writer is active and checks the copy', async () => {
    const writer = new SqliteDatabase(databaseFile)
    writer.pragma('busy_timeout = 5000')
    const insert = writer.prepare(
      `insert into audit_events (at, actor, action, school_id, student_id, details)
       values (?, 'test', 'audit.search', null, null, '{}')`,
    )
    let written = 0
    const timer = setInterval(() => {
      insert.run(new Date().toISOString())
      written++
    }, 5)

    const result = await sendCareers(url, ['backup', '--output', backupFile]).finally(() => {
      clearInterval(timer)
      writer.close()
    })

    assert.equal(result.code, 0, result.stderr)
    assert.ok(written > 0, 'the writer wrote during the backup')
    assert.match(result.stdout, /integrity_check returned "ok"/)
    assert.match(
      result.stdout,
      new RegExp(`the same ${MIGRATION_NAMES.length} migrations as the database`),
    )
    assert.match(result.stdout, /the same row counts as the database in all \d+ tables/)
    assert.equal(statSync(backupFile).mode & 0o777, 0o600)
    assert.equal(existsSync(`${backupFile}-wal`), false)
  })

  it('names a missing database in place of failing', async () => {
    const missing = `${url}-missing.db`
    const result = await sendCareers(missing, ['backup', '--output', `${backupFile}-other`])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /There is no SQLite database at .*-missing\.db\. Check the path/)
  })

  it('refuses to replace a file without --force', async () => {
    const refused = await sendCareers(url, ['backup', '--output', backupFile])
    const forced = await sendCareers(url, ['backup', '--output', backupFile, '--force'])

    assert.equal(refused.code, 2)
    assert.match(refused.stderr, /already exists\. Choose another --output file, or add --force/)
    assert.equal(forced.code, 0, forced.stderr)
  })

  it('restores by replacing the file, and the services read the data', async () => {
    const inBackup = await countAuditEvents(`sqlite:${backupFile}`)
    const expected = await readThroughServices(`sqlite:${backupFile}`)
    await withDatabase(url, (database) =>
      createServices(database).students.findOrCreateSchool('Added After The Backup'),
    )

    // The server is stopped here: no connection is open while the file is replaced.
    for (const side of ['-wal', '-shm']) rmSync(`${databaseFile}${side}`, { force: true })
    copyFileSync(backupFile, databaseFile)
    const restored = await readThroughServices(url)

    assert.equal(await countAuditEvents(url), inBackup)
    assert.deepEqual(restored, expected)
    assert.ok(restored.students > 0)
  })
})

const pgSkip = !testEngines().includes('postgres')
  ? 'PostgreSQL skipped: set TEST_DATABASE_URL, for example postgres://postgres@127.0.0.1:5432/test'
  : !existsSync('/usr/bin/pg_dump') || !existsSync('/usr/bin/pg_restore')
    ? 'PostgreSQL skipped: pg_dump and pg_restore are not installed at /usr/bin'
    : undefined

if (pgSkip) {
  // In the SQLite pass of `npm test` the PostgreSQL pass runs this file again, so no marker.
  if (postgresSkippedHere() || testEngines().includes('postgres')) {
    test('backup command (postgres)', { skip: pgSkip }, () => {})
  }
} else {
  describe('backup command (postgres)', () => {
    let source: TestDatabaseUrl
    let restored: TestDatabaseUrl
    let folder: string

    before(async () => {
      source = await createTestDatabaseUrl('postgres')
      restored = await createTestDatabaseUrl('postgres')
      folder = mkdtempSync(join(tmpdir(), 'send-careers-pg-backup-'))
      const demo = await sendCareers(source.url, ['demo', '--no-serve', '--students', '20'])
      assert.equal(demo.code, 0, demo.stderr)
    })
    after(async () => {
      await source.drop()
      await restored.drop()
      rmSync(folder, { recursive: true, force: true })
    })

    it('prints the pg_dump and pg_restore commands without a password', async () => {
      const withPassword = new URL(source.url)
      withPassword.password = 'not-a-real-secret'

      const result = await sendCareers(withPassword.toString(), ['backup', '--output', 'la.dump'])

      assert.equal(result.code, 0, result.stderr)
      assert.match(result.stdout, /pg_dump --format=custom .*--file=la\.dump/)
      assert.match(result.stdout, /pg_restore .*--no-owner/)
      assert.doesNotMatch(result.stdout, /not-a-real-secret/)
    })

    it('restores a pg_dump into a new database with the same data', async () => {
      const file = join(folder, 'source.dump')

      await run('/usr/bin/pg_dump', ['--format=custom', `--file=${file}`, `--dbname=${source.url}`])
      await run('/usr/bin/pg_restore', ['--no-owner', `--dbname=${restored.url}`, file])

      assert.deepEqual(
        await readThroughServices(restored.url),
        await readThroughServices(source.url),
      )
      assert.equal(await countAuditEvents(restored.url), await countAuditEvents(source.url))
      assert.ok((await readThroughServices(restored.url)).students > 0)
    })
  })
}
