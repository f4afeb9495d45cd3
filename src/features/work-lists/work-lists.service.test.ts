import assert from 'node:assert/strict'
import { before, it } from 'node:test'

import { forEachEngine } from '../../db/test-database.js'
import { createWorkListService } from './work-lists.service.js'
import type { WorkListId, WorkListService } from './work-lists.service.js'
import {
  addPlan,
  addReview,
  addSpell,
  addConsent,
  addTarget,
  markLeft,
  setUpSchoolWithStudents,
} from './work-lists.test-data.js'

const NOW = new Date('2026-12-04T09:00:00.000Z')

forEachEngine('work lists', (getDatabase) => {
  let workLists: WorkListService
  let scope: { schoolIds: number[] }
  let otherScope: { schoolIds: number[] }
  let idOf: (surname: string) => number

  before(async () => {
    const db = getDatabase().db
    workLists = createWorkListService(db, { now: () => NOW })
    const school = await setUpSchoolWithStudents(db, [
      { legalSurname: 'Duesoon', ncYear: '10' },
      { legalSurname: 'Overdue', ncYear: '10' },
      { legalSurname: 'Younger', ncYear: '7', dateOfBirth: '2014-02-01' },
      { legalSurname: 'Ninth', ncYear: '9', dateOfBirth: '2012-02-01' },
      { legalSurname: 'Eleventh', ncYear: '11', dateOfBirth: '2010-02-01' },
      { legalSurname: 'Offered', ncYear: '12', dateOfBirth: '2009-02-01' },
      { legalSurname: 'Leaver', ncYear: '11', dateOfBirth: '2009-02-01' },
      { legalSurname: 'Refuser', ncYear: '11', dateOfBirth: '2009-03-01' },
      {
        legalSurname: 'Supported',
        ncYear: '10',
        provisionCode: 'K',
        ehcPlanStartDate: null,
        dateOfBirth: '2011-02-01',
      },
    ])
    scope = school.scope
    idOf = school.idOf
    const schoolId = school.school.id

    const plans = new Map<string, Awaited<ReturnType<typeof addPlan>>>()
    for (const surname of ['Duesoon', 'Overdue', 'Eleventh', 'Offered', 'Supported', 'Leaver']) {
      plans.set(surname, await addPlan(db, schoolId, idOf(surname)))
    }
    const planOf = (surname: string) => plans.get(surname)!
    await addReview(db, planOf('Duesoon'), {
      heldOn: '2026-06-01',
      nextReviewOn: '2026-12-20',
    })
    await addReview(db, planOf('Overdue'), {
      heldOn: '2026-03-01',
      nextReviewOn: '2026-11-01',
    })
    await addSpell(db, schoolId, idOf('Offered'), {
      intent: 'intended',
      type: 'further-education-college',
      startDate: '2027-09-06',
    })
    await addTarget(db, planOf('Supported'), {
      rank: 1,
      outcomeId: 'supported-internship',
      plannedStart: '2027-09-01',
    })
    await markLeft(db, idOf('Leaver'), '2026-07-20')
    await markLeft(db, idOf('Refuser'), '2026-07-20')
    await addConsent(db, schoolId, idOf('Refuser'), { status: 'refused', recordedOn: '2026-09-01' })

    const other = await setUpSchoolWithStudents(db, [{ legalSurname: 'Elsewhere', ncYear: '11' }])
    otherScope = other.scope
  })

  async function surnamesOn(id: WorkListId, listScope = scope) {
    const page = await workLists.listPage(listScope, id)
    return page.rows.map((row) => row.student.name.split(' ')[1])
  }

  it('lists reviews overdue first', async () => {
    assert.deepEqual(await surnamesOn('reviews'), ['Overdue', 'Duesoon'])
  })

  it('lists students with no plan, Year 9 first', async () => {
    assert.deepEqual(await surnamesOn('no-plan'), ['Ninth', 'Younger'])
  })

  it('lists Year 11 and 12 with no offer', async () => {
    const page = await workLists.listPage(scope, 'september-guarantee')

    assert.deepEqual(
      page.rows.map((row) => row.student.name.split(' ')[1]),
      ['Eleventh'],
    )
    assert.equal(page.rows[0]?.entry.status, 'not_yet_due')
  })

  it('lists leavers to chase, not refusals', async () => {
    assert.deepEqual(await surnamesOn('destinations-unknown'), ['Leaver'])
  })

  it('lists ineligible targets', async () => {
    const page = await workLists.listPage(scope, 'ineligible-targets')

    assert.equal(page.rows.length, 1)
    assert.equal(page.rows[0]?.student.id, idOf('Supported'))
    assert.match(page.rows[0]?.entry.why ?? '', /needs an EHC plan/)
  })

  it('counts every list in order', async () => {
    const { today, counts } = await workLists.countAll(scope)

    assert.equal(today, '2026-12-04')
    assert.deepEqual(counts, [
      { id: 'reviews', count: 2 },
      { id: 'no-plan', count: 2 },
      { id: 'september-guarantee', count: 1 },
      { id: 'destinations-unknown', count: 1 },
      { id: 'ineligible-targets', count: 1 },
    ])
  })

  it('keeps to the schools in scope', async () => {
    assert.deepEqual(await surnamesOn('september-guarantee', otherScope), ['Elsewhere'])
    assert.deepEqual(await surnamesOn('no-plan', otherScope), ['Elsewhere'])
    assert.deepEqual(await surnamesOn('no-plan', { schoolIds: [] }), [])
  })

  it('pages at 50', async () => {
    const db = getDatabase().db
    const many = Array.from({ length: 53 }, (_, index) => ({
      legalSurname: `Many${String(index).padStart(2, '0')}`,
    }))
    const big = await setUpSchoolWithStudents(db, many)

    const first = await workLists.listPage(big.scope, 'no-plan', 1)
    const second = await workLists.listPage(big.scope, 'no-plan', 2)
    const past = await workLists.listPage(big.scope, 'no-plan', 9)

    assert.equal(first.total, 53)
    assert.equal(first.rows.length, 50)
    assert.equal(second.rows.length, 3)
    assert.equal(second.rows[2]?.student.name.split(' ')[1], 'Many52')
    assert.equal(past.page, 2)
  })
})
