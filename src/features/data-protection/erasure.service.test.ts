import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { forEachEngine } from '../../db/test-database.js'
import { ImportPreviewError } from '../import/import.service.js'
import type { StudentInput } from '../students/student.js'
import { setUpSchoolWithRecords } from './data-protection.test-data.js'
import { confirmsStudent, erasureMessages } from './erasure.service.js'

/** Returns every value of every text column in the database, with its table and column. */
async function allTextValues(db: Kysely<Tables>) {
  const values: { where: string; text: string }[] = []
  for (const table of await db.introspection.getTables()) {
    const columns = table.columns.filter((column) => /text|char/i.test(column.dataType))
    if (columns.length === 0) continue
    const rows = await db
      .selectFrom(sql.table(table.name).as('t'))
      .select(columns.map((column) => sql.ref(`t.${column.name}`).as(column.name)))
      .execute()
    for (const row of rows as Record<string, unknown>[]) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value === 'string')
          values.push({ where: `${table.name}.${column}`, text: value })
      }
    }
  }
  return values
}

function identifyingValues(student: StudentInput): string[] {
  const { legalSurname, legalForename, preferredForename, upn, uln, misId, formerUpn } = student
  const values = [legalSurname, legalForename, preferredForename, upn, uln, misId, formerUpn]
  return [...values.filter((value): value is string => value !== null), student.dateOfBirth]
}

forEachEngine('erasure', (getDatabase) => {
  test('leaves no trace of the student', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, ada } = await setUpSchoolWithRecords(db)
    const storedBefore = await allTextValues(db)

    const result = await dataProtection.erase(scope, ada.id, 'Parent asked', 'admin')

    assert.equal(result.ok, true)
    for (const value of identifyingValues(ada)) {
      const found = storedBefore.some((entry) => entry.text.includes(value))
      assert.ok(found, `the scan did not find "${value}" before the erasure`)
    }
    const stored = await allTextValues(db)
    for (const value of identifyingValues(ada)) {
      const found = stored.filter((entry) => entry.text.toLowerCase().includes(value.toLowerCase()))
      assert.deepEqual(
        found.map((entry) => entry.where),
        [],
        `"${value}" is still stored`,
      )
    }
    for (const table of ['group_overrides', 'group_override_history', 'audit_events'] as const) {
      const rows = await db.selectFrom(table).select('student_id').where('student_id', '=', ada.id)
      assert.deepEqual(await rows.execute(), [], `${table} still has rows for the student`)
    }
  })

  test('leaves the other student untouched', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, bea, ada, students } = await setUpSchoolWithRecords(db)
    const before = await dataProtection.exportStudent(scope, bea.id, 'admin', 'json')

    await dataProtection.erase(scope, ada.id, 'Parent asked', 'admin')

    const after = await dataProtection.exportStudent(scope, bea.id, 'admin', 'json')
    assert.deepEqual(after?.tables.students, before?.tables.students)
    assert.deepEqual(after?.tables.group_overrides, before?.tables.group_overrides)
    assert.deepEqual(after?.tables.import_preview_rows, before?.tables.import_preview_rows)
    assert.deepEqual(
      after?.tables.audit_events.slice(0, -1),
      before?.tables.audit_events,
      "the other student's audit events changed",
    )
    assert.equal((await students.listStudents(scope)).total, 1)
  })

  test('writes one erasure event', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, school, ada, clock } = await setUpSchoolWithRecords(db)

    const result = await dataProtection.erase(scope, ada.id, '  Parent asked  ', 'admin')

    const events = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'student.erase')
      .where('school_id', '=', school.id)
      .execute()
    assert.equal(events.length, 1)
    const [event] = events
    assert.equal(event?.actor, 'admin')
    assert.equal(event?.at, clock.now.toISOString())
    assert.equal(event?.student_id, null)
    const details = JSON.parse(event?.details ?? '{}') as Record<string, unknown>
    assert.equal(details.reason, 'Parent asked')
    assert.equal(details.students, 1)
    assert.equal(details.group_overrides, 1)
    assert.equal(details.group_override_history, 1)
    assert.equal(details.import_preview_rows, 2)
    assert.equal(result.ok && result.value.redactedAuditEvents, 4)
    assert.equal(details.redactedAuditEvents, result.ok ? result.value.redactedAuditEvents : -1)
  })

  test('keeps redacted events in place', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, school, ada } = await setUpSchoolWithRecords(db)
    const countEvents = async () =>
      (
        await db
          .selectFrom('audit_events')
          .select('id')
          .where('school_id', '=', school.id)
          .execute()
      ).length
    const before = await countEvents()

    await dataProtection.erase(scope, ada.id, 'Parent asked', 'admin')

    assert.equal(await countEvents(), before + 1)
  })

  test('makes a preview that named them stale', async () => {
    const { db } = getDatabase()
    const { dataProtection, imports, scope, ada, previewIds } = await setUpSchoolWithRecords(db)

    await dataProtection.erase(scope, ada.id, 'Parent asked', 'admin')

    await assert.rejects(
      imports.commit(previewIds[0] ?? '', scope),
      (error) => error instanceof ImportPreviewError && error.code === 'stale',
    )
  })

  test('rejects a missing reason', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, ada, students } = await setUpSchoolWithRecords(db)

    const result = await dataProtection.erase(scope, ada.id, '   ', 'admin')

    assert.deepEqual(result, {
      ok: false,
      error: { code: 'invalid', message: erasureMessages.reasonMissing },
    })
    assert.notEqual(await students.getStudent(scope, ada.id), null)
  })

  test('other school not found', async () => {
    const { db } = getDatabase()
    const first = await setUpSchoolWithRecords(db)
    const second = await setUpSchoolWithRecords(db)

    const result = await first.dataProtection.erase(first.scope, second.ada.id, 'x', 'admin')

    assert.equal(result.ok, false)
    assert.equal(result.ok ? '' : result.error.code, 'not_found')
    assert.notEqual(await second.students.getStudent(second.scope, second.ada.id), null)
  })
})

describe('confirmsStudent', () => {
  const student = {
    upn: 'B801200005001',
    legal_surname: 'Ó Súilleabháin',
    preferred_surname: 'Sullivan',
  }
  const cases: [string, boolean][] = [
    ['B801200005001', true],
    [' b801 2000 05001 ', true],
    ['ó súilleabháin', true],
    ['O Suilleabhain', true],
    ['SULLIVAN', true],
    ['Sulliva', false],
    ['', false],
    ['A801200005001', false],
  ]
  for (const [typed, expected] of cases) {
    test(`"${typed}" ${expected ? 'confirms' : 'does not confirm'}`, () => {
      assert.equal(confirmsStudent(student, typed), expected)
    })
  }
})
