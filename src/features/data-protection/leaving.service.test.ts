import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { forEachEngine } from '../../db/test-database.js'
import { setUpSchoolWithRecords } from './data-protection.test-data.js'
import { leavingDateProblem, leavingMessages } from './leaving.service.js'

forEachEngine('leaving date', (getDatabase) => {
  test('set and cleared with audit events', async () => {
    const { db } = getDatabase()
    const { dataProtection, students, scope, ada } = await setUpSchoolWithRecords(db)

    const set = await dataProtection.setLeftOn(scope, ada.id, '2026-07-17', 'head')
    const afterSet = await students.getStudent(scope, ada.id)
    const cleared = await dataProtection.setLeftOn(scope, ada.id, null, 'head')
    const afterClear = await students.getStudent(scope, ada.id)

    assert.deepEqual(set, { ok: true, value: { studentId: ada.id, leftOn: '2026-07-17' } })
    assert.equal(afterSet?.student.leftOn, '2026-07-17')
    assert.equal(cleared.ok, true)
    assert.equal(afterClear?.student.leftOn, null)
    const events = await db
      .selectFrom('audit_events')
      .select(['actor', 'details'])
      .where('student_id', '=', ada.id)
      .where('action', '=', 'student.left')
      .orderBy('id')
      .execute()
    assert.deepEqual(events, [
      { actor: 'head', details: JSON.stringify({ left_on: { from: null, to: '2026-07-17' } }) },
      { actor: 'head', details: JSON.stringify({ left_on: { from: '2026-07-17', to: null } }) },
    ])
  })

  test('same date twice audited once', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, ada } = await setUpSchoolWithRecords(db)

    await dataProtection.setLeftOn(scope, ada.id, '2026-07-17', 'head')
    await dataProtection.setLeftOn(scope, ada.id, '2026-07-17', 'head')

    const events = await db
      .selectFrom('audit_events')
      .select('id')
      .where('student_id', '=', ada.id)
      .where('action', '=', 'student.left')
      .execute()
    assert.equal(events.length, 1)
  })

  test('future date rejected', async () => {
    const { db } = getDatabase()
    const { dataProtection, students, scope, ada } = await setUpSchoolWithRecords(db)

    const result = await dataProtection.setLeftOn(scope, ada.id, '2026-12-05', 'head')

    assert.deepEqual(result, {
      ok: false,
      error: { code: 'invalid', message: leavingMessages.future },
    })
    assert.equal((await students.getStudent(scope, ada.id))?.student.leftOn, null)
  })

  test('today accepted', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, ada } = await setUpSchoolWithRecords(db)

    const result = await dataProtection.setLeftOn(scope, ada.id, '2026-12-04', 'head')

    assert.equal(result.ok, true)
  })

  test('other school not found', async () => {
    const { db } = getDatabase()
    const first = await setUpSchoolWithRecords(db)
    const second = await setUpSchoolWithRecords(db)

    const result = await first.dataProtection.setLeftOn(
      first.scope,
      second.ada.id,
      '2026-07-17',
      'x',
    )

    assert.equal(result.ok ? '' : result.error.code, 'not_found')
    const stored = await second.students.getStudent(second.scope, second.ada.id)
    assert.equal(stored?.student.leftOn, null)
  })
})

describe('leavingDateProblem', () => {
  const context = { today: '2026-12-04', dateOfBirth: '2010-03-14' }
  const cases: [string, string | null][] = [
    ['2026-07-17', null],
    ['2026-12-04', null],
    ['2010-03-14', null],
    ['2026-12-05', leavingMessages.future],
    ['2010-03-13', leavingMessages.beforeBirth('2010-03-14')],
    ['2026-02-30', leavingMessages.invalid],
    ['17/07/2026', leavingMessages.invalid],
  ]
  for (const [leftOn, expected] of cases) {
    test(`${leftOn} gives ${expected ?? 'no problem'}`, () => {
      assert.equal(leavingDateProblem(leftOn, context), expected)
    })
  }
})
