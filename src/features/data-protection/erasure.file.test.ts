import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'

import { openDatabase } from '../../db/connection.js'
import { migrateToLatest } from '../../db/migrate.js'
import { setUpSchoolWithRecords } from './data-protection.test-data.js'

// The logical check (no row names the student) is in erasure.service.test.ts. This one reads the
// SQLite files as bytes, because a deleted row can stay readable in free pages or the log.
test('erasure leaves no bytes of the student in the SQLite files', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'send-careers-erase-'))
  const file = join(folder, 'erase.db')
  const database = openDatabase(`sqlite:${file}`)
  try {
    await migrateToLatest(database.db)
    const setup = await setUpSchoolWithRecords(database.db)
    const { surname, upn } = { surname: setup.ada.legalSurname, upn: setup.ada.upn ?? '' }

    const result = await setup.dataProtection.erase(
      setup.scope,
      setup.ada.id,
      'Parent asked',
      'admin',
    )
    assert.equal(result.ok, true)

    for (const path of [file, `${file}-wal`]) {
      if (!existsSync(path)) continue
      const bytes = readFileSync(path)
      assert.equal(bytes.includes(Buffer.from(surname)), false, `${path} holds the surname`)
      assert.equal(bytes.includes(Buffer.from(upn)), false, `${path} holds the UPN`)
    }
    const other = Buffer.from(setup.bea.legalSurname)
    assert.equal(readFileSync(file).includes(other), true, 'the other student is still stored')
  } finally {
    await database.close()
    rmSync(folder, { recursive: true, force: true })
  }
})
