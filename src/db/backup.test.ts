import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'

import { BackupOutputError, backupSqlite } from './backup.js'
import { openDatabase } from './connection.js'
import { migrateToLatest } from './migrate.js'

describe('backupSqlite output checks', () => {
  let folder = ''
  let live = ''

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'send-careers-backup-unit-'))
    live = join(folder, 'school.db')
    const database = openDatabase(`sqlite:${live}`)
    await migrateToLatest(database.db)
    await database.close()
  })
  after(() => rmSync(folder, { recursive: true, force: true }))

  test('rejects the live database with force', async () => {
    const before = readFileSync(live)

    await assert.rejects(backupSqlite(live, live, { force: true }), (error: Error) => {
      assert.ok(error instanceof BackupOutputError)
      assert.match(error.message, /is the database DATABASE_URL names/)
      return true
    })
    assert.deepEqual(readFileSync(live), before)
  })

  test('rejects the live database by another path', async () => {
    const sameFile = join(folder, '.', 'sub', '..', 'school.db')
    mkdirSync(join(folder, 'sub'), { recursive: true })

    await assert.rejects(backupSqlite(live, sameFile, { force: true }), BackupOutputError)
  })

  test('rejects the write-ahead log file', async () => {
    await assert.rejects(backupSqlite(live, `${live}-wal`, { force: true }), BackupOutputError)
  })

  test('names a missing folder', async () => {
    const output = join(folder, 'no-such-folder', 'backup.db')

    await assert.rejects(backupSqlite(live, output), (error: Error) => {
      assert.ok(error instanceof BackupOutputError)
      assert.match(error.message, /no-such-folder\/backup\.db does not exist/)
      return true
    })
  })

  test('names a folder given as the file', async () => {
    await assert.rejects(backupSqlite(live, folder, { force: true }), (error: Error) => {
      assert.ok(error instanceof BackupOutputError)
      assert.match(error.message, /is a folder\. Give a file name/)
      return true
    })
  })

  test('writes a backup beside the database', async () => {
    const check = await backupSqlite(live, join(folder, 'copy.db'))

    assert.equal(check.integrity, 'ok')
  })
})
