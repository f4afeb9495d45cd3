import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { ROLES } from '../accounts/permissions.js'
import {
  addTestSchool,
  buildTestApp,
  createTestUser,
  sessionCookieFor,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { addSpell, importStudents, markLeft } from '../work-lists/work-lists.test-data.js'

// Seven students left Oak Hill in July 2025 (2024/25): four went to college, one into paid work,
// and two have no recorded destination. Birch Lane, in the same trust, has one leaver.
const LEAVERS = ['Quill', 'Rowan', 'Sable', 'Thorne', 'Umber', 'Vesper', 'Wren']

describe('report pages', () => {
  let test: TestApp
  let birchLaneId: number
  let farSchoolId: number
  let trustId: number
  let farTrustId: number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    const db = test.database.db
    const idOf = await importStudents(db, test.schoolId, [
      ...LEAVERS.map((legalSurname) => ({ legalSurname, ncYear: '11' })),
      { legalSurname: 'Yardley', ncYear: '10' },
    ])
    for (const surname of LEAVERS) await markLeft(db, idOf(surname), '2025-07-18')
    for (const surname of LEAVERS.slice(0, 4)) {
      await addSpell(db, test.schoolId, idOf(surname), {
        intent: 'actual',
        type: 'further-education-college',
        startDate: '2025-09-01',
      })
    }
    await addSpell(db, test.schoolId, idOf('Umber'), {
      intent: 'actual',
      type: 'paid-employment',
      startDate: '2025-09-08',
    })

    birchLaneId = await addTestSchool(test, 'Birch Lane School')
    const birch = await importStudents(db, birchLaneId, [{ legalSurname: 'Xenia', ncYear: '11' }])
    await markLeft(db, birch('Xenia'), '2025-07-18')

    const accounts = test.services.accounts
    const trust = await accounts.findOrCreateOrganisation('Elm Trust', 'trust')
    trustId = trust.id
    await accounts.addSchoolToOrganisation(test.schoolId, trust.id, 'test setup')
    await accounts.addSchoolToOrganisation(birchLaneId, trust.id, 'test setup')

    const far = await test.services.students.findOrCreateSchool('Far Away School')
    farSchoolId = far.id
    await importStudents(db, farSchoolId, [{ legalSurname: 'Zebedee', ncYear: '11' }])
    const farTrust = await accounts.findOrCreateOrganisation('Far Trust', 'trust')
    farTrustId = farTrust.id
    await accounts.addSchoolToOrganisation(farSchoolId, farTrust.id, 'test setup')
  })

  after(async () => {
    await test.close()
  })

  let viewerSession: string | null = null
  async function viewerCookie() {
    if (viewerSession) return viewerSession
    const viewer = await createTestUser(test.services, {
      role: 'viewer',
      schoolId: test.schoolId,
      email: 'viewer@school.test',
    })
    viewerSession = await sessionCookieFor(test.services, viewer)
    return viewerSession
  }

  it('dashboard shows the headline table', async () => {
    const response = await test.app.inject(`/reports?school=${test.schoolId}&year=2024/25`)

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<h1 class="govuk-heading-l">Cohort report: Oak Hill School<\/h1>/)
    assert.match(
      response.body,
      /Of 7 students who left in 2024\/25, 71\.4% had a positive career outcome/,
    )
    assert.match(response.body, /90\.5% \(KS4 leavers with an EHC plan, destination year 2020\/21/)
    assert.match(response.body, /No national figure: positive career outcomes/)
    assert.match(response.body, /data-chart-id="headline"/)
    assert.ok((response.body.match(/<svg[^>]* role="img"/g) ?? []).length >= 5)
    assert.doesNotMatch(response.body, /data-chart-error/)
    assert.doesNotMatch(response.body, /fewer than 5/)
    assert.doesNotMatch(response.body, /id="suppression-note"/)
  })

  it('staff see the link to chase destinations', async () => {
    const response = await test.app.inject(`/reports?year=2024/25`)
    assert.match(response.body, /href="\/work-lists\/destinations-unknown"/)
  })

  it('header and home page link the reports', async () => {
    const home = await test.app.inject('/')
    assert.match(home.body, /href="\/reports"/)
  })

  it('viewer sees fewer than 5 and no names', async () => {
    const cookie = await viewerCookie()
    const response = await test.app.inject({
      url: `/reports?year=2024/25`,
      headers: { cookie },
    })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /fewer than 5/)
    assert.match(response.body, /id="suppression-note"/)
    // The note says what the rules do and that they do not stop every figure being worked out.
    assert.match(response.body, /A row with fewer than 10 leavers shows only its number/)
    assert.match(response.body, /can sometimes still be worked out by comparing figures/)
    assert.match(response.body, /Do not publish it as it stands/)
    assert.doesNotMatch(response.body, /keeps any one student from being picked out/)
    assert.match(response.body, /withheld/)
    for (const surname of [...LEAVERS, 'Yardley']) {
      assert.doesNotMatch(response.body, new RegExp(surname), surname)
    }
    assert.doesNotMatch(response.body, /href="\/students/)
    assert.doesNotMatch(response.body, /href="\/work-lists/)
    assert.doesNotMatch(response.body, /data-chart-error/)
  })

  it('every role may open the dashboard', async () => {
    for (const role of ROLES) {
      const user = await createTestUser(test.services, {
        role,
        schoolId: test.schoolId,
        email: `${role.replace('_', '-')}-reports@school.test`,
      })
      const cookie = await sessionCookieFor(test.services, user)
      const response = await test.app.inject({ url: '/reports?year=2024/25', headers: { cookie } })
      assert.equal(response.statusCode, 200, role)
      const suppressed = /id="suppression-note"/.test(response.body)
      assert.equal(suppressed, role === 'viewer', role)
    }
  })

  it('another school is not found', async () => {
    const response = await test.app.inject(`/reports?school=${farSchoolId}`)
    assert.equal(response.statusCode, 404)
    assert.doesNotMatch(response.body, /Far Away School/)

    const invalid = await test.app.inject('/reports?school=0x2')
    assert.equal(invalid.statusCode, 404)
  })

  it('the school list offers only own schools', async () => {
    const response = await test.app.inject('/reports?year=2024/25')
    assert.match(response.body, /Birch Lane School/)
    assert.doesNotMatch(response.body, /Far Away School/)
    assert.match(response.body, new RegExp(`href="/reports/organisations/${trustId}">Elm Trust`))
    assert.doesNotMatch(response.body, /Far Trust/)
  })

  it('year validation explains the form', async () => {
    const cases = [
      [
        '2025',
        /Leaving year is not valid\. Academic year &quot;2025&quot; is not in the form 2026\/27/,
      ],
      [
        '2030/31',
        /Leaving year 2030\/31 is outside the years reported\. Choose a year from 2014\/15 to/,
      ],
      ['2013/14', /outside the years reported/],
      ['2024/26', /must end the year after it starts/],
    ] as const
    for (const [year, message] of cases) {
      const response = await test.app.inject(`/reports?year=${encodeURIComponent(year)}`)
      assert.equal(response.statusCode, 400, year)
      assert.match(response.body, message, year)
    }
    const twice = await test.app.inject('/reports?year=2024/25&year=2023/24')
    assert.equal(twice.statusCode, 400)
    assert.match(twice.body, /Leaving year must be given once/)
  })

  it('organisation page lists each school', async () => {
    const response = await test.app.inject(`/reports/organisations/${trustId}?year=2024/25`)

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Cohort report: Elm Trust/)
    assert.match(response.body, /Of 8 students who left in 2024\/25/)
    assert.match(response.body, /<h2 class="govuk-heading-m" id="school">Leavers by school<\/h2>/)
    assert.match(
      response.body,
      /<th scope="row" class="govuk-table__header">Oak Hill School<\/th>\s*<td[^>]*>7</,
    )
    assert.match(
      response.body,
      /<th scope="row" class="govuk-table__header">Birch Lane School<\/th>\s*<td[^>]*>1</,
    )
    assert.doesNotMatch(response.body, /Far Away School/)
  })

  it('organisation page suppresses for a viewer', async () => {
    const response = await test.app.inject({
      url: `/reports/organisations/${trustId}?year=2024/25`,
      headers: { cookie: await viewerCookie() },
    })
    // The viewer has a role at Oak Hill only, so the trust report covers Oak Hill alone.
    assert.equal(response.statusCode, 200)
    assert.match(response.body, /id="suppression-note"/)
    assert.doesNotMatch(response.body, /Birch Lane School/)
    assert.match(
      response.body,
      /This report covers 1 of the 2 schools in Elm Trust: the schools where you have a role\./,
    )
  })

  it('full organisation scope has no note', async () => {
    const response = await test.app.inject(`/reports/organisations/${trustId}?year=2024/25`)

    assert.equal(response.statusCode, 200)
    assert.doesNotMatch(response.body, /id="coverage-note"/)
  })

  it('another organisation is not found', async () => {
    const far = await test.app.inject(`/reports/organisations/${farTrustId}`)
    assert.equal(far.statusCode, 404)
    assert.doesNotMatch(far.body, /Far Trust/)

    const missing = await test.app.inject('/reports/organisations/999999')
    assert.equal(missing.statusCode, 404)
    const invalid = await test.app.inject('/reports/organisations/1e2')
    assert.equal(invalid.statusCode, 404)
  })
})
