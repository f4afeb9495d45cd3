import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'

import { planSchools, seedNationalData } from '../bench/national-data.js'
import { createRandom } from '../src/demo/random.js'
import { forEachEngine } from '../src/db/test-database.js'

test('planSchools sums to the students asked for', () => {
  const schools = planSchools(createRandom(7), 1_000, 4)
  assert.equal(schools.length, 4)
  assert.equal(
    schools.reduce((sum, school) => sum + school.students, 0),
    1_000,
  )
  for (const school of schools) assert.ok(school.students >= 1)
})

test('planSchools rejects fewer students than schools', () => {
  assert.throws(() => planSchools(createRandom(7), 3, 4), /Invalid number of students 3/)
})

test('planSchools makes some special schools at scale', () => {
  const kinds = planSchools(createRandom(7), 100_000, 400).map((school) => school.kind)
  assert.ok(kinds.includes('special'))
  assert.ok(kinds.includes('mainstream'))
})

forEachEngine('national dataset of 1,000 students', (getDatabase) => {
  test('writes every student, plan and record', async () => {
    const { db } = getDatabase()
    const seeded = await seedNationalData(getDatabase(), { students: 1_000, schools: 4, seed: 1 })

    const count = async (table: 'students' | 'career_plans' | 'schools') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select(sql<number | string>`count(*)`.as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      )
    assert.equal(await count('students'), 1_000)
    assert.equal(await count('schools'), 4)
    assert.equal(seeded.schools.length, 4)
    assert.equal(seeded.organisationIds.length, 1)
    const plans = await count('career_plans')
    // About 60% of students get a plan.
    assert.ok(plans > 500, `${plans} plans for 1,000 students`)
    assert.ok(plans < 700, `${plans} plans for 1,000 students`)
  })

  test('gives every plan its parts', async () => {
    const { db } = getDatabase()
    const plans = await db.selectFrom('career_plans').select('id').execute()
    for (const table of ['plan_aspirations', 'plan_reviews'] as const) {
      const rows = await db.selectFrom(table).select('id').execute()
      assert.equal(rows.length, plans.length, table)
    }
    for (const table of ['plan_goals', 'plan_targets', 'plan_actions'] as const) {
      const rows = await db.selectFrom(table).select('id').execute()
      assert.equal(rows.length, 2 * plans.length, table)
    }
  })

  test('keeps each row in its student school', async () => {
    const { db } = getDatabase()
    for (const table of [
      'career_plans',
      'plan_targets',
      'careers_activity_students',
      'destination_spells',
    ] as const) {
      const mismatched = await db
        .selectFrom(table)
        .innerJoin('students', 'students.id', `${table}.student_id`)
        .select(sql<number | string>`count(*)`.as('count'))
        .whereRef('students.school_id', '<>', `${table}.school_id`)
        .executeTakeFirstOrThrow()
      assert.equal(Number(mismatched.count), 0, table)
    }
  })

  test('leaves no foreign key dangling', async () => {
    const { db } = getDatabase()
    const orphans = await db
      .selectFrom('plan_goals')
      .leftJoin('career_plans', 'career_plans.id', 'plan_goals.plan_id')
      .select(sql<number | string>`count(*)`.as('count'))
      .where('career_plans.id', 'is', null)
      .executeTakeFirstOrThrow()
    assert.equal(Number(orphans.count), 0)
    const participants = await db
      .selectFrom('careers_activity_students')
      .leftJoin('students', 'students.id', 'careers_activity_students.student_id')
      .select(sql<number | string>`count(*)`.as('count'))
      .where('students.id', 'is', null)
      .executeTakeFirstOrThrow()
    assert.equal(Number(participants.count), 0)
  })
})
