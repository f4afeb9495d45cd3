import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { buildTestApp } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { insertStudents } from '../exports/export.test-data.js'
import {
  addConsent,
  addPlan,
  addReview,
  addTarget,
  importStudents,
  markLeft,
} from './work-lists.test-data.js'

describe('work-list pages', () => {
  let test: TestApp
  let idOf: (surname: string) => number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    const db = test.database.db
    const many = Array.from({ length: 52 }, (_, index) => ({
      legalSurname: `Pupil${String(index).padStart(2, '0')}`,
      ncYear: '10',
    }))
    idOf = await importStudents(db, test.schoolId, [
      ...many,
      { legalSurname: 'Reviewed', legalForename: 'Rhea', ncYear: '10' },
    ])
    const plan = await addPlan(db, test.schoolId, idOf('Reviewed'))
    await addReview(db, plan, { heldOn: '2025-01-10', nextReviewOn: '2025-07-01' })

    const otherSchool = await test.services.students.findOrCreateSchool('Birch Lane School')
    await importStudents(db, otherSchool.id, [{ legalSurname: 'Outsider', ncYear: '10' }])
  })

  after(async () => {
    await test.close()
  })

  it('index shows each list with its count and link', async () => {
    const response = await test.app.inject('/work-lists')

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<h1 class="govuk-heading-l">Work lists<\/h1>/)
    assert.match(
      response.body,
      /href="\/work-lists\/reviews">Reviews due or overdue<\/a>\s*<span[^>]*>\(1 student\)/,
    )
    assert.match(
      response.body,
      /href="\/work-lists\/no-plan">Students with no plan<\/a>\s*<span[^>]*>\(52 students\)/,
    )
    for (const list of ['september-guarantee', 'destinations-unknown', 'ineligible-targets']) {
      assert.match(response.body, new RegExp(`href="/work-lists/${list}"`), list)
    }
  })

  it('lists link their glossary entry', async () => {
    const cases = [
      ['september-guarantee', '/glossary#september-guarantee'],
      ['destinations-unknown', '/glossary#destination'],
    ]
    for (const [list, href] of cases) {
      const response = await test.app.inject(`/work-lists/${list}`)

      assert.equal(response.statusCode, 200, list)
      assert.match(
        response.body,
        new RegExp(`id="work-list-glossary"><a class="govuk-link" href="${href}">`),
        list,
      )
    }
  })

  it('list shows name, year, group, why and date', async () => {
    const response = await test.app.inject('/work-lists/reviews')

    assert.equal(response.statusCode, 200)
    assert.match(
      response.body,
      new RegExp(`href="/students/${idOf('Reviewed')}/plan">Rhea Reviewed<span`),
    )
    assert.match(response.body, /data-label="Year">10</)
    assert.match(response.body, /Overdue/)
    assert.match(response.body, /was due on 1 July 2025/)
    assert.match(response.body, /data-label="Next review">1 July 2025</)
  })

  it('pages at 50 students', async () => {
    const first = await test.app.inject('/work-lists/no-plan')
    const second = await test.app.inject('/work-lists/no-plan?page=2')

    assert.match(first.body, /Showing 1 to 50 of 52\./)
    assert.match(first.body, /href="\/work-lists\/no-plan\?page=2"/)
    assert.equal(first.body.match(/href="\/students\/\d+\/plan"/g)?.length, 50)
    assert.match(second.body, /Showing 51 to 52 of 52\./)
    assert.match(second.body, /Pupil51/)
  })

  it('an invalid page number shows the first page', async () => {
    const response = await test.app.inject('/work-lists/no-plan?page=0x2')

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Showing 1 to 50 of 52\./)
  })

  it('shows no student of another school', async () => {
    for (const url of ['/work-lists/no-plan', '/work-lists/no-plan?page=2']) {
      const response = await test.app.inject(url)
      assert.doesNotMatch(response.body, /Outsider/, url)
    }
  })

  it('an empty list says so', async () => {
    const response = await test.app.inject('/work-lists/destinations-unknown')

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /id="empty-list">Every leaver of the last 3 years/)
    assert.doesNotMatch(response.body, /<table/)
    assert.doesNotMatch(response.body, /id="without-consent"/)
  })

  it('empty list counts refused consent', async () => {
    const db = test.database.db
    const [refuserId = 0] = await insertStudents(db, test.schoolId, 1, {
      legal_surname: 'Refuser',
      date_of_birth: '2008-03-01',
      left_on: '2026-07-17',
    })
    await addConsent(db, test.schoolId, refuserId, { status: 'refused', recordedOn: '2026-07-01' })

    const response = await test.app.inject('/work-lists/destinations-unknown')

    assert.match(
      response.body,
      /id="empty-list">Every leaver of the last 3 years who may be followed up/,
    )
    assert.match(
      response.body,
      /id="without-consent">1 leaver is left out because they refused or withdrew consent/,
    )
    assert.doesNotMatch(response.body, /Refuser/)
  })

  it('an unknown list is not found', async () => {
    const response = await test.app.inject('/work-lists/everyone')

    assert.equal(response.statusCode, 404)
  })
})

describe('work-list links', () => {
  let test: TestApp
  let idOf: (surname: string) => number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    const db = test.database.db
    idOf = await importStudents(db, test.schoolId, [
      { legalSurname: 'Overdue', ncYear: '10' },
      { legalSurname: 'Ninth', ncYear: '9', dateOfBirth: '2012-02-01' },
      { legalSurname: 'Eleventh', ncYear: '11', dateOfBirth: '2010-02-01' },
      { legalSurname: 'Leaver', ncYear: '11', dateOfBirth: '2009-02-01' },
      {
        legalSurname: 'Supported',
        ncYear: '10',
        provisionCode: 'K',
        ehcPlanStartDate: null,
        dateOfBirth: '2011-02-01',
      },
    ])
    for (const surname of ['Overdue', 'Leaver', 'Supported']) {
      const plan = await addPlan(db, test.schoolId, idOf(surname))
      if (surname === 'Overdue') {
        await addReview(db, plan, { heldOn: '2025-01-10', nextReviewOn: '2025-07-01' })
      }
      if (surname === 'Supported') {
        await addTarget(db, plan, {
          rank: 1,
          outcomeId: 'supported-internship',
          plannedStart: '2027-09-01',
        })
      }
    }
    await markLeft(db, idOf('Leaver'), '2026-07-20')
  })

  after(async () => {
    await test.close()
  })

  const cases = [
    { list: 'reviews', surname: 'Overdue', path: '/plan', hidden: 'career plan' },
    { list: 'no-plan', surname: 'Ninth', path: '/plan', hidden: 'career plan' },
    {
      list: 'september-guarantee',
      surname: 'Eleventh',
      path: '/destinations',
      hidden: 'destinations',
    },
    {
      list: 'destinations-unknown',
      surname: 'Leaver',
      path: '/destinations',
      hidden: 'destinations',
    },
    {
      list: 'ineligible-targets',
      surname: 'Supported',
      path: '/plan/targets',
      hidden: 'plan targets',
    },
  ]
  for (const { list, surname, path, hidden } of cases) {
    it(`${list} links to ${path}`, async () => {
      const response = await test.app.inject(`/work-lists/${list}`)
      const id = idOf(surname)

      assert.equal(response.statusCode, 200)
      assert.match(
        response.body,
        new RegExp(
          `href="/students/${id}${path}">[^<]*${surname}<span class="govuk-visually-hidden">’s ${hidden}</span></a>`,
        ),
      )
      assert.doesNotMatch(response.body, new RegExp(`href="/students/${id}"`))
    })
  }
})

describe('work-list access', () => {
  it('a viewer is refused', async () => {
    const test = await buildTestApp({}, false, { as: 'viewer' })
    try {
      for (const url of ['/work-lists', '/work-lists/no-plan']) {
        const response = await test.app.inject(url)
        assert.equal(response.statusCode, 403, url)
      }
    } finally {
      await test.close()
    }
  })
})
