import assert from 'node:assert/strict'
import { before, it } from 'node:test'

import { forEachEngine } from '../../db/test-database.js'
import {
  addPlan,
  addReview,
  addSpell,
  setUpSchoolWithStudents,
} from '../work-lists/work-lists.test-data.js'
import { readRecordSummary } from './record-summary.repository.js'

const AT = '2026-10-01T12:00:00.000Z'
const STAMPS = { created_by: 'teacher', created_at: AT, updated_by: 'teacher', updated_at: AT }

forEachEngine('record summary', (getDatabase) => {
  let schoolId: number
  let idOf: (surname: string) => number

  before(async () => {
    const db = getDatabase().db
    const school = await setUpSchoolWithStudents(db, [
      { legalSurname: 'Recorded', ncYear: '11' },
      { legalSurname: 'Empty', ncYear: '11' },
    ])
    schoolId = school.school.id
    idOf = school.idOf
    const student = idOf('Recorded')

    const plan = await addPlan(db, schoolId, student)
    await addReview(db, plan, { heldOn: '2026-03-01', nextReviewOn: '2026-09-01' })
    await addReview(db, plan, { heldOn: '2026-06-01', nextReviewOn: null })
    for (const heldOn of ['2026-10-20', '2026-12-10']) {
      const activity = await db
        .insertInto('careers_activities')
        .values({
          school_id: schoolId,
          kind: 'employer_encounter',
          title: 'Farm visit',
          held_on: heldOn,
          provider: null,
          benchmark: 5,
          adjustments: null,
          ...STAMPS,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('careers_activity_students')
        .values({ activity_id: activity.id, school_id: schoolId, student_id: student })
        .execute()
    }
    await addSpell(db, schoolId, student, {
      intent: 'actual',
      type: 'school-sixth-form',
      startDate: '2025-09-03',
      endDate: '2026-07-10',
    })
  })

  it('reads plan, activities and destination', async () => {
    const summary = await readRecordSummary(
      getDatabase().db,
      [schoolId],
      idOf('Recorded'),
      '2026-12-04',
    )

    assert.deepEqual(summary, {
      plan: { nextReviewOn: null, reviewCount: 2 },
      activitiesHeld: 1,
      activitiesPlanned: 1,
      latestDestination: {
        intent: 'actual',
        type: 'school-sixth-form',
        startDate: '2025-09-03',
        endDate: '2026-07-10',
      },
    })
  })

  it('reads an empty record', async () => {
    const summary = await readRecordSummary(
      getDatabase().db,
      [schoolId],
      idOf('Empty'),
      '2026-12-04',
    )

    assert.deepEqual(summary, {
      plan: null,
      activitiesHeld: 0,
      activitiesPlanned: 0,
      latestDestination: null,
    })
  })

  it('reads nothing from another school', async () => {
    const summary = await readRecordSummary(
      getDatabase().db,
      [schoolId + 1000],
      idOf('Recorded'),
      '2026-12-04',
    )

    assert.equal(summary.plan, null)
    assert.equal(summary.activitiesHeld, 0)
    assert.equal(summary.latestDestination, null)
  })
})
