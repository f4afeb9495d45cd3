import assert from 'node:assert/strict'
import { before, it } from 'node:test'

import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { forEachEngine } from '../../db/test-database.js'
import type { CohortReport } from '../../domain/reports/index.js'
import {
  addPlan,
  addSpell,
  importStudents,
  markLeft,
  setUpSchoolWithStudents,
} from '../work-lists/work-lists.test-data.js'
import { createReportService } from './report.service.js'

// Today is 4 December 2026, so 2024/25 leavers have a destination year (2025/26) that has ended.
const NOW = new Date('2026-12-04T12:00:00Z')
const AT = '2026-12-01T09:00:00.000Z'

async function addActivity(
  db: Kysely<Tables>,
  schoolId: number,
  studentId: number,
  activity: { benchmark: number; heldOn: string },
) {
  const row = await db
    .insertInto('careers_activities')
    .values({
      school_id: schoolId,
      kind: 'employer_encounter',
      title: 'Visit',
      held_on: activity.heldOn,
      provider: null,
      benchmark: activity.benchmark,
      adjustments: null,
      created_by: 'teacher',
      created_at: AT,
      updated_by: 'teacher',
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('careers_activity_students')
    .values({ activity_id: row.id, school_id: schoolId, student_id: studentId })
    .execute()
}

forEachEngine('report service', (getDatabase) => {
  let schoolId: number
  let otherSchoolId: number
  let scope: { schoolIds: number[] }

  before(async () => {
    const db = getDatabase().db
    const set = await setUpSchoolWithStudents(db, [
      { legalSurname: 'Ann', ncYear: '11' },
      { legalSurname: 'Ben', ncYear: '11', provisionCode: 'K', primaryNeed: 'SEMH' },
      { legalSurname: 'Cal', ncYear: '11' },
      { legalSurname: 'Dee', ncYear: '10' },
      { legalSurname: 'Eve', ncYear: '11' },
      { legalSurname: 'Fay', ncYear: '11' },
    ])
    schoolId = set.school.id
    const idOf = set.idOf
    await markLeft(db, idOf('Ann'), '2025-07-18')
    await addSpell(db, schoolId, idOf('Ann'), {
      intent: 'actual',
      type: 'further-education-college',
      startDate: '2025-09-01',
    })
    await markLeft(db, idOf('Ben'), '2025-07-18')
    await db
      .updateTable('students')
      .set({ pseudonymised_at: AT })
      .where('id', '=', idOf('Ben'))
      .execute()
    await addSpell(db, schoolId, idOf('Ben'), {
      intent: 'intended',
      type: 'apprenticeship',
      startDate: '2025-09-01',
    })
    await markLeft(db, idOf('Cal'), '2024-07-19')
    await addSpell(db, schoolId, idOf('Cal'), {
      intent: 'actual',
      type: 'neet-seeking',
      startDate: '2024-09-01',
    })
    await markLeft(db, idOf('Fay'), '2027-01-31')
    await addPlan(db, schoolId, idOf('Dee'))
    await addActivity(db, schoolId, idOf('Dee'), { benchmark: 5, heldOn: '2026-10-01' })
    await addActivity(db, schoolId, idOf('Dee'), { benchmark: 6, heldOn: '2027-01-10' })

    const other = await setUpSchoolWithStudents(db, [{ legalSurname: 'Gus', ncYear: '11' }])
    otherSchoolId = other.school.id
    await markLeft(db, other.idOf('Gus'), '2025-07-18')
    await importStudents(db, otherSchoolId, [{ legalSurname: 'Hal', ncYear: '10' }])
    scope = { schoolIds: [schoolId, otherSchoolId] }
  })

  const service = () => createReportService(getDatabase().db, { now: () => NOW })
  const schoolReport = (suppress = false): Promise<CohortReport> =>
    service().cohortReport(scope, { schoolIds: [schoolId], year: 2024, suppress })

  it('counts this year and last year', async () => {
    const report = await schoolReport()

    assert.equal(report.today, '2026-12-04')
    assert.equal(report.thisYear.total.leavers, 2)
    assert.equal(report.thisYear.total.positive, 1)
    assert.equal(report.thisYear.total.eet, 1)
    assert.equal(report.thisYear.total.notKnown, 1)
    assert.equal(report.thisYear.total.sustained, 1)
    assert.equal(report.lastYear.total.leavers, 1)
    assert.equal(report.lastYear.total.neet, 1)
  })

  it('counts current students and coverage', async () => {
    const { current } = await schoolReport()

    assert.equal(current.total, 3)
    assert.equal(current.withPlan, 1)
    assert.equal(current.withoutPlan, 2)
    const year10 = current.coverage.find((row) => row.yearGroup === '10')
    assert.equal(year10?.students, 1)
    assert.equal(year10?.benchmarks.find((item) => item.benchmark === 5)?.covered, 1)
    assert.equal(year10?.benchmarks.find((item) => item.benchmark === 6)?.covered, 0)
  })

  it('keeps to the schools asked for', async () => {
    const report = await schoolReport()
    assert.deepEqual(
      report.schools.map((school) => school.id),
      [schoolId],
    )

    const outside = await service().cohortReport(
      { schoolIds: [schoolId] },
      { schoolIds: [otherSchoolId], year: 2024, suppress: false },
    )
    assert.equal(outside.schools.length, 0)
    assert.equal(outside.thisYear.total.leavers, 0)
    assert.equal(outside.current.total, 0)
  })

  it('adds a school breakdown', async () => {
    const report = await service().cohortReport(scope, {
      schoolIds: scope.schoolIds,
      year: 2024,
      bySchool: true,
      suppress: false,
    })
    const schools = report.thisYear.breakdowns.find((item) => item.id === 'school')
    assert.deepEqual(
      schools?.cells.map((cell) => [cell.key, cell.leavers]),
      report.schools.map((school) => [String(school.id), school.id === schoolId ? 2 : 1]),
    )
    assert.equal(report.current.total, 4)
  })

  it('suppresses on request', async () => {
    const report = await schoolReport(true)
    assert.equal(report.suppressed, true)
    assert.equal(report.thisYear.total.leavers, null)
    assert.equal(report.current.total, null)
  })

  it('lists years and the default', async () => {
    const years = await service().availableYears(scope, [schoolId])
    assert.deepEqual(years.years, [2026, 2024, 2023])
    assert.equal(years.defaultYear, 2024)

    const none = await service().availableYears(scope, [])
    assert.deepEqual(none, { years: [2025], defaultYear: 2025 })
  })
})
