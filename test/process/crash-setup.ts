import { Readable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'

import SqliteDatabase from 'better-sqlite3'
import { stringify } from 'csv-stringify/sync'
import { sql } from 'kysely'

import { openDatabase } from '../../src/db/connection.js'
import type { Database, DialectName } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { CENSUS_COLUMNS, generateSchool } from '../../src/demo/generate-school.js'
import { createServices } from '../../src/services.js'
import { createTestUser, sessionCookieFor } from '../../src/web/testing/test-app.js'

// Set-up and probes for the crash tests: a seeded database another process serves, and a way to
// see from outside the server that a write transaction is open in it.

export interface SeededDatabase {
  schoolId: number
  /** A Cookie header with the session of a careers leader, past the second factor. */
  sessionCookie: string
}

/** Writes a fictional register of `students` rows as CSV. The same seed gives the same rows. */
export function registerCsv(students: number, seed: number): string {
  const rows = generateSchool({ kind: 'mainstream', seed, students, academicYearStart: 2026 })
  return stringify(rows, { header: true, columns: CENSUS_COLUMNS })
}

/**
 * Migrates the database at `url` and adds a school, a careers leader (who may import and edit
 * plans) with a session, and, when `students` is more than 0, that many students through the
 * import service.
 */
export async function seedDatabase(url: string, students = 0): Promise<SeededDatabase> {
  const database = openDatabase(url)
  try {
    await migrateToLatest(database.db)
    const services = createServices(database)
    const school = await services.students.findOrCreateSchool('Crash Test School')
    const user = await createTestUser(services, { role: 'careers_leader', schoolId: school.id })
    if (students > 0) {
      const source = { fileName: 'seed.csv', stream: Readable.from([registerCsv(students, 11)]) }
      const options = { maxBytes: 50 * 1024 * 1024 }
      const preview = await services.imports.previewFile(school.id, source, 'seed.csv', options)
      await services.imports.commit(preview.id, undefined, 'test setup')
    }
    return { schoolId: school.id, sessionCookie: await sessionCookieFor(services, user) }
  } finally {
    await database.close()
  }
}

/** Opens the database at `url`, runs `fn` on it, and closes it. */
export async function withDatabase<T>(url: string, fn: (database: Database) => Promise<T>) {
  const database = openDatabase(url)
  try {
    return await fn(database)
  } finally {
    await database.close()
  }
}

/**
 * Waits until another connection has held a write transaction open on the database for at least
 * `minimumMs`, seen from a connection of this process. Returns false when none was seen within
 * `timeoutMs`. On SQLite a write transaction holds the
 * file's write lock, so `begin immediate` with no busy timeout fails. On PostgreSQL the server's
 * backend has a transaction id (`backend_xid`) from its first write until it ends.
 */
export async function waitForOpenWriteTransaction(
  engine: DialectName,
  url: string,
  { minimumMs = 100, timeoutMs = 30_000 } = {},
): Promise<boolean> {
  const probe = engine === 'sqlite' ? sqliteWriterProbe(url) : postgresWriterProbe(url)
  try {
    const deadline = Date.now() + timeoutMs
    let writer: string | null = null
    let firstSeenAt = 0
    while (Date.now() < deadline) {
      const current = await probe.currentWriter()
      if (current !== writer) {
        writer = current
        firstSeenAt = Date.now()
      }
      if (writer !== null && Date.now() - firstSeenAt >= minimumMs) return true

      await sleep(minimumMs > 0 ? 20 : 1)
    }
    return false
  } finally {
    await probe.close()
  }
}

interface WriterProbe {
  /** Returns an id of the open write transaction, or null when there is none. */
  currentWriter(): Promise<string | null>
  close(): Promise<void>
}

function sqliteWriterProbe(url: string): WriterProbe {
  const connection = new SqliteDatabase(url.replace(/^sqlite:/i, ''))
  connection.pragma('busy_timeout = 0')
  return {
    // SQLite gives a transaction no id that another connection can read, so every busy lock
    // counts as the same writer. A short write, such as a session's, ends the wait's count as
    // soon as a poll finds the lock free.
    currentWriter: async () => {
      try {
        connection.exec('begin immediate')
        connection.exec('rollback')
        return null
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') return 'writer'
        throw error
      }
    },
    close: async () => {
      connection.close()
    },
  }
}

function postgresWriterProbe(url: string): WriterProbe {
  const database = openDatabase(url)
  return {
    currentWriter: async () => {
      const { rows } = await sql<{ xid: string }>`
        select backend_xid::text as xid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()
          and backend_xid is not null
        order by xact_start limit 1`.execute(database.db)
      return rows[0]?.xid ?? null
    },
    close: () => database.close(),
  }
}
