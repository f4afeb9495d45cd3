import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { addDays } from '../../domain/calendar.js'
import { formatLongDate } from '../../domain/format.js'
import { createServices } from '../../services.js'
import { buildTestApp, importFixture, postForm } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import { addPlan, addReview, addSpell } from '../work-lists/work-lists.test-data.js'

// Alfie Ashworth is the first row of the fixture: SLD with an EHC plan and no pathway.
const ALFIE = '/students/1'
const NOON = '2026-10-01T12:00:00.000Z'

describe('student profile overrides', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
  })

  after(async () => {
    await test.close()
  })

  it('keeps a removed override on the page', async () => {
    const reason = 'Sits GCSE English and maths this year'
    await postForm(test.app, ALFIE, `${ALFIE}/override`, { group: 'two', reason })

    const removed = await postForm(test.app, ALFIE, `${ALFIE}/override/clear`, {})
    const page = await test.app.inject({ url: ALFIE })

    assert.equal(removed.statusCode, 303)
    assert.match(page.body, /Earlier overrides/)
    assert.match(page.body, new RegExp(`because: “${reason}”`))
    assert.match(page.body, /Removed by admin@school.test on/)
  })

  it('records a view in the audit trail', async () => {
    await test.app.inject({ url: ALFIE })

    const services = createServices(test.database)
    const events = await services.audit.search({ schoolIds: [1] }, { studentId: 1 })

    assert.equal(events[0]?.action, 'student.view')
    assert.equal(events[0]?.actor, 'admin@school.test')
  })

  it('shows the conflict sentence once', async () => {
    await postForm(test.app, ALFIE, `${ALFIE}/override`, { group: 'two', reason: 'Review' })
    await postForm(test.app, ALFIE, `${ALFIE}/pathway`, { pathway: 'GCSE' })

    const page = await test.app.inject({ url: ALFIE })
    const conflicts = page.body.match(/but they now give/g) ?? []

    assert.equal(conflicts.length, 1)
  })

  for (const id of ['0x1', '1e0', '01', '-1', '1.0', '99999999999']) {
    it(`gives 404 for student id ${id}`, async () => {
      const response = await test.app.inject({ url: `/students/${id}` })

      assert.equal(response.statusCode, 404)
    })
  }
})

describe('student page careers record statuses', () => {
  let test: TestApp
  const today = todayInEngland()
  const stamps = {
    created_by: 'teacher',
    created_at: NOON,
    updated_by: 'teacher',
    updated_at: NOON,
  }

  async function addActivity(studentId: number, heldOn: string) {
    const db = test.database.db
    const activity = await db
      .insertInto('careers_activities')
      .values({
        school_id: test.schoolId,
        kind: 'employer_encounter',
        title: 'Farm visit',
        held_on: heldOn,
        provider: null,
        benchmark: 5,
        adjustments: null,
        ...stamps,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('careers_activity_students')
      .values({ activity_id: activity.id, school_id: test.schoolId, student_id: studentId })
      .execute()
  }

  async function statusesOf(studentId: number) {
    const response = await test.app.inject({ url: `/students/${studentId}` })
    assert.equal(response.statusCode, 200)
    const status = (name: string) =>
      new RegExp(`id="record-${name}-status">([^<]*)</strong>`).exec(response.body)?.[1]
    return {
      plan: status('plan'),
      activities: status('activities'),
      destinations: status('destinations'),
    }
  }

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
    const db = test.database.db

    const overdue = await addPlan(db, test.schoolId, 2)
    await addReview(db, overdue, { heldOn: '2025-01-10', nextReviewOn: '2025-07-01' })
    await addActivity(2, '2026-10-20')
    await addActivity(2, '2026-11-02')
    await addActivity(2, addDays(today, 30))
    await addSpell(db, test.schoolId, 2, {
      intent: 'actual',
      type: 'school-sixth-form',
      startDate: '2025-09-03',
    })
    await addSpell(db, test.schoolId, 2, {
      intent: 'intended',
      type: 'further-education-college',
      startDate: '2027-09-06',
    })

    const upcoming = await addPlan(db, test.schoolId, 3)
    await addReview(db, upcoming, { heldOn: '2024-06-01', nextReviewOn: '2024-12-01' })
    await addReview(db, upcoming, { heldOn: '2025-06-01', nextReviewOn: addDays(today, 40) })
    await addActivity(3, '2026-10-20')

    await addPlan(db, test.schoolId, 4)
  })

  after(async () => {
    await test.close()
  })

  it('student with nothing recorded', async () => {
    assert.deepEqual(await statusesOf(1), {
      plan: 'No plan yet',
      activities: 'None recorded',
      destinations: 'None recorded',
    })
  })

  it('overdue review, activities and latest destination', async () => {
    assert.deepEqual(await statusesOf(2), {
      plan: 'Review overdue since 1 July 2025',
      activities: '2 activities, 1 planned',
      destinations: 'Intended: Further education college, from 6 September 2027',
    })
  })

  it('next review of the latest review', async () => {
    const statuses = await statusesOf(3)

    assert.equal(statuses.plan, `Next review ${formatLongDate(addDays(today, 40))}`)
    assert.equal(statuses.activities, '1 activity')
  })

  it('plan with no review yet', async () => {
    assert.equal((await statusesOf(4)).plan, 'No review yet')
  })

  it('summary reads nothing outside the scope', async () => {
    const summary = await test.services.students.readRecordSummary({ schoolIds: [] }, 2, today)

    assert.deepEqual(summary, {
      plan: null,
      activitiesHeld: 0,
      activitiesPlanned: 0,
      latestDestination: null,
    })
  })
})
