import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { forEachEngine } from '../../db/test-database.js'
import { createImportService } from '../import/import.service.js'
import { aValidFile, aValidRow } from '../import/import.test-data.js'
import { createStudentService } from '../students/student.service.js'
import { addPlanActivityAndDestinationRows, aDistinctStudent } from './data-protection.test-data.js'
import { createDataProtectionService } from './data-protection.service.js'
import { PSEUDONYM_FORENAME, REMOVED_REASON } from './pseudonymise.js'

const RULES = { retentionYears: 6, pseudonymiseAfterYears: 3 }

forEachEngine('retention', (getDatabase) => {
  /** Creates a school whose students left on the given dates (null: never marked as left). */
  async function setUp(leavingDates: (string | null)[], today = '2026-12-04') {
    const { db } = getDatabase()
    const clock = { now: new Date(`${today}T09:00:00.000Z`) }
    const options = { now: () => clock.now }
    const students = createStudentService(db, options)
    const imports = createImportService(db, options)
    const dataProtection = createDataProtectionService(db, options)
    const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const scope = { schoolIds: [school.id] }

    const inputs = leavingDates.map(() => aDistinctStudent({ dateOfBirth: '2004-03-14' }))
    const file = aValidFile(inputs.map((input) => aValidRow(input)))
    if (inputs.length > 0) {
      await imports.commit((await imports.preview(school.id, file, 'register.csv')).id)
    }
    const ids: number[] = []
    for (const [index, input] of inputs.entries()) {
      const [found] = await students.findByUpn(scope, input.upn ?? '')
      const id = found?.student.id ?? 0
      ids.push(id)
      const leftOn = leavingDates[index]
      // Leaving dates are set on an earlier clock, because the service rejects future dates.
      if (leftOn) assert.equal((await dataProtection.setLeftOn(scope, id, leftOn, 'head')).ok, true)
    }
    return { db, clock, students, dataProtection, scope, school, inputs, ids }
  }

  test('plan lists records due today', async () => {
    const { dataProtection, scope, ids, inputs } = await setUp([
      '2020-12-04',
      '2020-12-05',
      '2023-12-04',
      '2023-12-05',
      null,
    ])

    const plan = await dataProtection.planRetention(scope, RULES)

    assert.deepEqual(
      plan.erase.map((candidate) => [candidate.studentId, candidate.upn, candidate.yearLeft]),
      [[ids[0], inputs[0]?.upn, '2020/21']],
    )
    assert.deepEqual(
      plan.pseudonymise.map((candidate) => candidate.studentId),
      [ids[1], ids[2]],
    )
    assert.equal(plan.today, '2026-12-04')
  })

  test('plan changes nothing', async () => {
    const { dataProtection, students, scope } = await setUp(['2020-12-04', '2023-12-04'])

    await dataProtection.planRetention(scope, RULES)

    assert.equal((await students.listStudents(scope)).total, 2)
    const listed = await students.listStudents(scope)
    assert.ok(listed.students.every((student) => student.legalForename !== PSEUDONYM_FORENAME))
  })

  test('apply erases with the retention reason', async () => {
    const { db, dataProtection, students, scope, school, ids } = await setUp(['2020-06-30'])

    const outcome = await dataProtection.applyRetention(scope, RULES, 'cli:admin')

    assert.equal(outcome.erased, 1)
    assert.equal(await students.getStudent(scope, ids[0] ?? 0), null)
    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'student.erase')
      .where('school_id', '=', school.id)
      .executeTakeFirstOrThrow()
    const details = JSON.parse(event.details) as Record<string, unknown>
    assert.equal(details.reason, 'Retention rule: 6 years after leaving')
    assert.equal(event.actor, 'cli:admin')
  })

  test('apply pseudonymises and keeps the group', async () => {
    const { db, dataProtection, students, scope, ids, inputs } = await setUp(['2022-07-22'])
    const id = ids[0] ?? 0
    await students.setOverride(scope, id, { group: 'two', reason: 'Named reason' }, 'senco')

    const outcome = await dataProtection.applyRetention(scope, RULES, 'cli:admin')

    assert.equal(outcome.pseudonymised, 1)
    const row = await db
      .selectFrom('students')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(row.legal_forename, PSEUDONYM_FORENAME)
    assert.equal(row.legal_surname, String(id))
    assert.equal(row.preferred_forename, null)
    assert.equal(row.upn, null)
    assert.equal(row.uln, null)
    assert.equal(row.mis_id, null)
    assert.equal(row.former_upn, null)
    assert.equal(row.date_of_birth, '2003-09-01')
    assert.equal(row.pseudonymised_at, '2026-12-04T09:00:00.000Z')
    assert.equal(row.left_on, '2022-07-22')
    assert.equal(row.group, 'two')
    assert.ok(!row.search_text.includes(inputs[0]?.legalSurname.toLowerCase() ?? ''))
    assert.equal(row.search_text, `${id}\u0001former student`)
    const override = await db
      .selectFrom('group_overrides')
      .select('reason')
      .where('student_id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(override.reason, REMOVED_REASON)
    const event = await db
      .selectFrom('audit_events')
      .select('details')
      .where('student_id', '=', id)
      .where('action', '=', 'student.pseudonymise')
      .executeTakeFirstOrThrow()
    assert.match(event.details, /Retention rule: pseudonymised 3 years after leaving/)
  })

  test('pseudonymising keeps careers facts and removes the words', async () => {
    const { db, dataProtection, scope, school, ids } = await setUp(['2022-07-22'])
    const id = ids[0] ?? 0
    await addPlanActivityAndDestinationRows(db, school.id, id, '2022-06-01T09:00:00.000Z')
    await db
      .updateTable('destination_spells')
      .set({ provider: 'Hill Farm' })
      .where('student_id', '=', id)
      .execute()

    await dataProtection.applyRetention(scope, RULES, 'cli:admin')

    const count = async (
      table: 'plan_aspirations' | 'plan_goals' | 'plan_actions' | 'plan_reviews',
    ) => (await db.selectFrom(table).select('id').where('student_id', '=', id).execute()).length
    for (const table of [
      'plan_aspirations',
      'plan_goals',
      'plan_actions',
      'plan_reviews',
    ] as const) {
      assert.equal(await count(table), 0, table)
    }
    const target = await db
      .selectFrom('plan_targets')
      .selectAll()
      .where('student_id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(target.outcome_id, 'supported-internship')
    assert.equal(target.note, null)
    const part = await db
      .selectFrom('careers_activity_students')
      .selectAll()
      .where('student_id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(part.adjustments, null)
    assert.equal(part.reflection, null)
    const spell = await db
      .selectFrom('destination_spells')
      .selectAll()
      .where('student_id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(spell.type, 'supported-internship')
    assert.equal(spell.provider, null)
    const staged = await db
      .selectFrom('destination_import_rows')
      .select('position')
      .where('student_id', '=', id)
      .execute()
    assert.equal(staged.length, 0)
    const plan = await db
      .selectFrom('career_plans')
      .select('id')
      .where('student_id', '=', id)
      .execute()
    assert.equal(plan.length, 1)
  })

  test('pseudonymised record found by its placeholder', async () => {
    const { dataProtection, students, scope, ids } = await setUp(['2022-07-22'])

    await dataProtection.applyRetention(scope, RULES, 'cli:admin')

    const found = await students.listStudents(scope, { search: 'former student' })
    assert.deepEqual(
      found.students.map((student) => student.id),
      [ids[0]],
    )
  })

  test('rerun changes nothing more', async () => {
    const { dataProtection, scope } = await setUp(['2020-06-30', '2022-07-22'])
    await dataProtection.applyRetention(scope, RULES, 'cli:admin')

    const second = await dataProtection.applyRetention(scope, RULES, 'cli:admin')

    assert.equal(second.erased, 0)
    assert.equal(second.pseudonymised, 0)
  })

  test('pseudonymised record erased later', async () => {
    const { clock, dataProtection, students, scope, ids } = await setUp(['2022-07-22'])
    await dataProtection.applyRetention(scope, RULES, 'cli:admin')
    clock.now = new Date('2028-07-22T09:00:00.000Z')

    const plan = await dataProtection.planRetention(scope, RULES)
    const outcome = await dataProtection.applyRetention(scope, RULES, 'cli:admin')

    assert.deepEqual(plan.erase[0]?.upn, null)
    assert.equal(plan.erase[0]?.pseudonymised, true)
    assert.equal(outcome.erased, 1)
    assert.equal(await students.getStudent(scope, ids[0] ?? 0), null)
  })

  test('student never marked as left untouched', async () => {
    const { dataProtection, students, scope, ids, inputs } = await setUp([null])

    const outcome = await dataProtection.applyRetention(
      scope,
      { retentionYears: 1, pseudonymiseAfterYears: null },
      'cli:admin',
    )

    assert.equal(outcome.erased + outcome.pseudonymised, 0)
    const stored = await students.getStudent(scope, ids[0] ?? 0)
    assert.equal(stored?.student.legalSurname, inputs[0]?.legalSurname)
  })

  test('no pseudonymisation when off', async () => {
    const { dataProtection, scope } = await setUp(['2022-07-22'])

    const plan = await dataProtection.planRetention(scope, {
      retentionYears: 6,
      pseudonymiseAfterYears: null,
    })

    assert.deepEqual(plan.pseudonymise, [])
    assert.deepEqual(plan.erase, [])
  })

  test('29 February anniversary on 1 March', async () => {
    const rules = { retentionYears: 1, pseudonymiseAfterYears: null }
    const { clock, dataProtection, scope } = await setUp(['2024-02-29'], '2025-02-28')

    const dayBefore = await dataProtection.planRetention(scope, rules)
    clock.now = new Date('2025-03-01T09:00:00.000Z')
    const anniversary = await dataProtection.planRetention(scope, rules)

    assert.equal(dayBefore.erase.length, 0)
    assert.equal(anniversary.erase.length, 1)
  })

  test('other school untouched', async () => {
    const first = await setUp(['2020-06-30'])
    const second = await setUp(['2020-06-30'])

    await first.dataProtection.applyRetention(first.scope, RULES, 'cli:admin')

    assert.equal((await second.students.listStudents(second.scope)).total, 1)
  })

  test('rules checked', async () => {
    const { dataProtection, scope } = await setUp([])

    await assert.rejects(
      dataProtection.planRetention(scope, { retentionYears: 3, pseudonymiseAfterYears: 3 }),
      RangeError,
    )
    await assert.rejects(
      dataProtection.planRetention(scope, { retentionYears: 0, pseudonymiseAfterYears: null }),
      RangeError,
    )
  })
})
