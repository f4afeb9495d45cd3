import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { sql } from 'kysely'

import {
  connectDatabase,
  DatabaseConnectionError,
  describeDatabaseUrl,
  isSameDatabase,
} from './connection.js'

/** Returns a port of 127.0.0.1 that nothing listens on, by listening on it and closing it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('connectDatabase', () => {
  let folder = ''
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'send-careers-connect-'))
  })
  after(() => rmSync(folder, { recursive: true, force: true }))

  test('opens SQLite with every commit synced', async () => {
    const database = await connectDatabase(`sqlite:${join(folder, 'new.db')}`)
    try {
      const { rows } = await sql<{ synchronous: number }>`pragma synchronous`.execute(database.db)
      const [mode] = await sql<{ journal_mode: string }>`pragma journal_mode`
        .execute(database.db)
        .then((result) => result.rows)

      assert.equal(rows[0]?.synchronous, 2, 'synchronous should be FULL (2)')
      assert.equal(mode?.journal_mode, 'wal')
    } finally {
      await database.close()
    }
  })

  test('creates a new SQLite file for its owner only', async () => {
    const file = join(folder, 'private', 'new.db')
    const database = await connectDatabase(`sqlite:${file}`)
    await database.close()

    assert.equal(statSync(file).mode & 0o777, 0o600)
    assert.equal(statSync(join(folder, 'private')).mode & 0o777, 0o700)
  })

  test('rejects an SQLite URL with no path', async () => {
    await assert.rejects(connectDatabase('sqlite:'), /DATABASE_URL names no SQLite file/)
  })

  test('rejects a PostgreSQL URL with no database name', async () => {
    for (const url of ['postgres://app:pw@127.0.0.1:5432/', 'postgresql://app@127.0.0.1']) {
      await assert.rejects(connectDatabase(url, { setting: '--to' }), (error: Error) => {
        assert.ok(error instanceof DatabaseConnectionError)
        assert.match(error.message, /names no database\. Add its name .* in --to\./)
        assert.doesNotMatch(error.message, /pw@/)
        return true
      })
    }
  })

  test('rejects a file that is not SQLite', async () => {
    const file = join(folder, 'notes.txt')
    writeFileSync(file, 'These are not database pages. '.repeat(200))

    await assert.rejects(connectDatabase(`sqlite:${file}`), (error: Error) => {
      assert.ok(error instanceof DatabaseConnectionError)
      assert.match(error.message, /notes\.txt is not an SQLite database file/)
      return true
    })
  })

  test('explains a port out of range and hides the password', async () => {
    const url = 'postgres://someone:secret-word@127.0.0.1:99999/careers'

    await assert.rejects(connectDatabase(url), (error: Error) => {
      assert.ok(error instanceof DatabaseConnectionError)
      assert.match(error.message, /is not a valid PostgreSQL URL\. Check that the port is a number/)
      assert.doesNotMatch(error.message, /secret-word/)
      return true
    })
  })

  test('names a refused PostgreSQL port', async () => {
    const url = `postgres://someone:secret-word@127.0.0.1:${await closedPort()}/careers`

    await assert.rejects(connectDatabase(url), (error: Error) => {
      assert.ok(error instanceof DatabaseConnectionError)
      assert.match(error.message, /the connection was refused/)
      assert.doesNotMatch(error.message, /secret-word/)
      return true
    })
  })

  test('names a missing PostgreSQL database', async (context) => {
    const server = process.env.TEST_DATABASE_URL
    if (!server) return context.skip('TEST_DATABASE_URL is not set')
    const url = new URL(server)
    url.pathname = '/no_such_database_for_send_careers'

    await assert.rejects(connectDatabase(url.toString()), (error: Error) => {
      assert.ok(error instanceof DatabaseConnectionError)
      assert.match(error.message, /does not exist\. Create the database first/)
      return true
    })
  })
})

describe('describeDatabaseUrl', () => {
  test('hides a PostgreSQL password', () => {
    assert.equal(
      describeDatabaseUrl('postgres://careers:hunter2@db.example:5432/send'),
      'postgres://careers:***@db.example:5432/send',
    )
  })

  test('hides a password with an unencoded #', () => {
    assert.equal(
      describeDatabaseUrl('postgres://careers:p@ss#w/rd@127.0.0.1:5432/send'),
      'postgres://careers:***@127.0.0.1:5432/send',
    )
  })

  test('keeps a URL without a password', () => {
    assert.equal(
      describeDatabaseUrl('postgres://careers@127.0.0.1:5432/send'),
      'postgres://careers@127.0.0.1:5432/send',
    )
  })

  test('keeps a SQLite path', () => {
    assert.equal(describeDatabaseUrl('sqlite:./data/a.db'), 'sqlite:./data/a.db')
  })

  test('hides a password under a scheme send-careers does not read', () => {
    assert.equal(
      describeDatabaseUrl('mysql://careers:hunter2@db/send'),
      'mysql://careers:***@db/send',
    )
  })
})

describe('isSameDatabase', () => {
  test('sees two spellings of one SQLite file as the same', () => {
    assert.equal(isSameDatabase('sqlite:./data/x.db', 'data/x.db'), true)
    assert.equal(isSameDatabase('sqlite:data/x.db', 'sqlite:data/y.db'), false)
  })

  test('compares PostgreSQL host, port and database, not the user', () => {
    assert.equal(
      isSameDatabase('postgres://a@DB.example:5432/send', 'postgresql://b:pw@db.example/send'),
      true,
    )
    assert.equal(isSameDatabase('postgres://db.example/send', 'postgres://db.example/other'), false)
    assert.equal(isSameDatabase('postgres://db.example/send', 'sqlite:send'), false)
  })
})
