import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import {
  addTestSchool,
  buildTestApp,
  createTestUser,
  formSession,
  postForm,
  sessionCookieFor,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { aStudentInput, aValidFile, aValidRow } from '../import/import.test-data.js'
import { conflictMessage } from './destinations.routes.js'

async function addStudent(test: TestApp, schoolId: number, overrides = {}) {
  const input = aStudentInput({ dateOfBirth: '2009-05-01', ncYear: '13', ...overrides })
  const preview = await test.services.imports.preview(
    schoolId,
    aValidFile([aValidRow(input)]),
    'register.csv',
  )
  await test.services.imports.commit(preview.id)
  const found = await test.services.students.findByUpn({ schoolIds: [schoolId] }, input.upn ?? '')
  return found[0]!.student.id
}

/** The answers of a valid spell form, which a test overrides field by field. */
function spellForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'actual',
    type: 'further-education-college',
    'start-date-day': '3',
    'start-date-month': '9',
    'start-date-year': '2025',
    'end-date-day': '',
    'end-date-month': '',
    'end-date-year': '',
    hours: '',
    paid: 'unknown',
    provider: 'Riverside College',
    'checked-on-day': '',
    'checked-on-month': '',
    'checked-on-year': '',
    nccis: '',
    reason: '',
    version: '',
    ...overrides,
  }
}

describe('destination pages', () => {
  let test: TestApp
  let studentId: number
  let otherStudentId: number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    studentId = await addStudent(test, test.schoolId)
    const other = await test.services.students.findOrCreateSchool('Elm Park School')
    otherStudentId = await addStudent(test, other.id)
  })
  after(() => test.close())

  const urls = () => ({
    page: `/students/${studentId}/destinations`,
    form: `/students/${studentId}/destinations/new`,
  })

  it('new form starts on Intended before leaving', async () => {
    const response = await test.app.inject(urls().form)

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /value="intended" checked/)
    assert.doesNotMatch(response.body, /value="actual" checked/)
    assert.match(
      response.body,
      new RegExp(
        `<a class="govuk-link" href="/students/${studentId}/destinations">Cancel and go back to destinations</a>`,
      ),
    )
  })

  it('new form starts on Actual after leaving', async () => {
    const leaverId = await addStudent(test, test.schoolId)
    await test.database.db
      .updateTable('students')
      .set({ left_on: '2026-07-20' })
      .where('id', '=', leaverId)
      .execute()

    const response = await test.app.inject(`/students/${leaverId}/destinations/new`)

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /value="actual" checked/)
    assert.doesNotMatch(response.body, /value="intended" checked/)
  })

  it('page shows empty sections', async () => {
    const response = await test.app.inject(urls().page)

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /No actual destination is recorded/)
    assert.match(response.body, /No answer recorded/)
    assert.match(response.body, /Sustained destination in 2025\/26/)
  })

  it('add form records a destination', async () => {
    const form = await test.app.inject(urls().form)
    const response = await postForm(test.app, urls().form, urls().page, spellForm())
    const shown = await test.app.inject(urls().page)

    assert.equal(form.statusCode, 200)
    assert.equal(response.statusCode, 303)
    assert.equal(response.headers.location, `${urls().page}?saved=added`)
    assert.match(shown.body, /Further education college/)
    assert.match(shown.body, /From 3 September 2025, still running/)
    assert.match(shown.body, /230 Further education/)
    assert.match(shown.body, /Positive career outcome/)
    assert.match(shown.body, /Sustained education: education in every month/)
    assert.match(shown.body, /Added a destination/)
    assert.match(shown.body, /Type: not recorded → Further education college/)
  })

  it('page warns about missing consent', async () => {
    const shown = await test.app.inject(urls().page)

    assert.match(shown.body, /no consent to track destinations is recorded/)
  })

  it('end before start rejected with answers kept', async () => {
    const fields = spellForm({
      'end-date-day': '1',
      'end-date-month': '7',
      'end-date-year': '2025',
      provider: 'Kept Provider',
    })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /There is a problem/)
    assert.match(response.body, /<title>Error: /)
    assert.match(response.body, /End date 1 July 2025 is before the start date 3 September 2025/)
    assert.match(response.body, /href="#end-date-day"/)
    assert.match(response.body, /value="Kept Provider"/)
  })

  it('hours over 70 rejected', async () => {
    const fields = spellForm({ hours: '75' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Hours a week 75 is more than 70/)
    assert.match(response.body, /value="75"/)
  })

  it('hours that are not a number rejected', async () => {
    const fields = spellForm({ hours: 'lots' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Hours a week &quot;lots&quot; is not a number/)
  })

  it('unknown type rejected', async () => {
    const fields = spellForm({ type: 'gap-year' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Destination type &quot;gap-year&quot; is not recognised/)
  })

  it('dates out of bounds rejected', async () => {
    const fields = spellForm({ 'start-date-year': '1999', 'checked-on-day': '1' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Start date 3 September 1999 is before 1 January 2000/)
    assert.match(response.body, /Date checked must include a month and year/)
  })

  it('impossible date rejected with other problems', async () => {
    const fields = spellForm({ 'start-date-day': '31', 'start-date-month': '2', hours: '99' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Start date must be a real date/)
    assert.match(response.body, /Hours a week 99 is more than 70/)
  })

  it('short paid employment suggests part-time', async () => {
    const fields = spellForm({ type: 'paid-employment', hours: '10', paid: 'yes' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Record it as Employment below the paid-employment hours threshold/)
  })

  it('post without CSRF token refused', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: urls().page,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(spellForm()).toString(),
    })

    assert.equal(response.statusCode, 403)
  })

  it('another school’s student not found', async () => {
    const base = `/students/${otherStudentId}/destinations`
    const pageResponse = await test.app.inject(base)
    const formResponse = await test.app.inject(`${base}/new`)
    const post = await postForm(test.app, urls().form, base, spellForm())
    const consent = await postForm(test.app, urls().page, `${base}/consent`, {
      status: 'given',
      'consent-date-day': '1',
      'consent-date-month': '9',
      'consent-date-year': '2026',
    })

    assert.equal(pageResponse.statusCode, 404)
    assert.equal(formResponse.statusCode, 404)
    assert.equal(post.statusCode, 404)
    assert.equal(consent.statusCode, 404)
  })

  it('another student’s spell not found', async () => {
    const spells = (await test.services.destinations.getDestinations(
      { schoolIds: [test.schoolId] },
      studentId,
    ))!.spells
    const otherOwn = await addStudent(test, test.schoolId)
    const url = `/students/${otherOwn}/destinations/${spells[0]!.id}/edit`

    const response = await test.app.inject(url)

    assert.equal(response.statusCode, 404)
  })

  it('malformed ids not found', async () => {
    const response = await test.app.inject(`/students/0x10/destinations`)
    const spell = await test.app.inject(`/students/${studentId}/destinations/1e2/edit`)

    assert.equal(response.statusCode, 404)
    assert.equal(spell.statusCode, 404)
  })

  it('edit keeps typed answers on conflict', async () => {
    const scope = { schoolIds: [test.schoolId] }
    const spell = (await test.services.destinations.getDestinations(scope, studentId))!.spells[0]!
    const editUrl = `/students/${studentId}/destinations/${spell.id}/edit`
    const { token, cookie, page: form } = await formSession(test.app, editUrl)
    const target = { studentId, spellId: spell.id, version: spell.version }
    const input = {
      intent: 'actual',
      type: 'further-education-college',
      startDate: '2025-09-03',
      provider: 'Changed Elsewhere',
    }
    await test.services.destinations.editSpell(scope, target, input, 'someone-else')

    const fields = spellForm({ provider: 'My Typed Provider', version: String(spell.version) })
    const response = await test.app.inject({
      method: 'POST',
      url: `/students/${studentId}/destinations/${spell.id}`,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
    })

    assert.match(form.body, /value="Riverside College"/)
    assert.equal(response.statusCode, 409)
    assert.ok(response.body.includes(conflictMessage.slice(0, 50)))
    assert.match(response.body, /value="My Typed Provider"/)
    assert.match(response.body, /Changed Elsewhere/)
    assert.match(response.body, new RegExp(`name="version" value="${spell.version + 1}"`))
    const stored = await test.services.destinations.getSpell(scope, studentId, spell.id)
    assert.equal(stored?.provider, 'Changed Elsewhere')
  })

  it('edit saves a change', async () => {
    const scope = { schoolIds: [test.schoolId] }
    const spell = (await test.services.destinations.getDestinations(scope, studentId))!.spells[0]!
    const editUrl = `/students/${studentId}/destinations/${spell.id}/edit`
    const fields = spellForm({
      'end-date-day': '10',
      'end-date-month': '7',
      'end-date-year': '2026',
      version: String(spell.version),
    })

    const response = await postForm(
      test.app,
      editUrl,
      `/students/${studentId}/destinations/${spell.id}`,
      fields,
    )
    const shown = await test.app.inject(urls().page)

    assert.equal(response.statusCode, 303)
    assert.match(shown.body, /3 September 2025 to 10 July 2026/)
    assert.match(shown.body, /End date: not recorded → 10 July 2026/)
  })

  it('edit form rejects bad answers', async () => {
    const scope = { schoolIds: [test.schoolId] }
    const spell = (await test.services.destinations.getDestinations(scope, studentId))!.spells[0]!
    const editUrl = `/students/${studentId}/destinations/${spell.id}/edit`
    const fields = spellForm({ hours: '80', version: String(spell.version) })

    const response = await postForm(
      test.app,
      editUrl,
      `/students/${studentId}/destinations/${spell.id}`,
      fields,
    )

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Hours a week 80 is more than 70/)
  })

  it('consent form rejects missing answers', async () => {
    const response = await postForm(test.app, urls().page, `${urls().page}/consent`, {
      status: '',
      'consent-date-day': '',
      'consent-date-month': '',
      'consent-date-year': '',
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Select whether consent was given, refused or withdrawn/)
    assert.match(response.body, /Enter the date of the young person’s answer/)
  })

  it('consent form rejects a future date', async () => {
    const response = await postForm(test.app, urls().page, `${urls().page}/consent`, {
      status: 'given',
      'consent-date-day': '1',
      'consent-date-month': '1',
      'consent-date-year': '2099',
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Date of the answer must be today or in the past/)
  })

  it('consent form saves the answer', async () => {
    const response = await postForm(test.app, urls().page, `${urls().page}/consent`, {
      status: 'given',
      'consent-date-day': '1',
      'consent-date-month': '9',
      'consent-date-year': '2026',
      note: 'At the review',
      'consent-version': '0',
    })
    const shown = await test.app.inject(urls().page)

    assert.equal(response.statusCode, 303)
    assert.match(shown.body, /Consent given on 1 September 2026/)
    assert.doesNotMatch(shown.body, /no consent to track destinations is recorded/)
    assert.match(shown.body, /Consent: not recorded → Consent given/)
  })

  it('consent form refuses a stale answer and keeps it', async () => {
    const answer = (status: string, version: string) =>
      postForm(test.app, urls().page, `${urls().page}/consent`, {
        status,
        'consent-date-day': '2',
        'consent-date-month': '9',
        'consent-date-year': '2026',
        note: `Answer ${status}`,
        'consent-version': version,
      })
    const current = (await test.services.destinations.getDestinations(
      { schoolIds: [test.schoolId] },
      studentId,
    ))!
    const version = String(current.consent?.version ?? 0)

    const first = await answer('refused', version)
    const second = await answer('withdrawn', version)
    const missing = await postForm(test.app, urls().page, `${urls().page}/consent`, {
      status: 'given',
      'consent-date-day': '2',
      'consent-date-month': '9',
      'consent-date-year': '2026',
    })
    const stored = await test.services.destinations.getDestinations(
      { schoolIds: [test.schoolId] },
      studentId,
    )

    assert.equal(first.statusCode, 303)
    assert.equal(second.statusCode, 409)
    assert.match(
      second.body,
      /Someone else saved an answer about consent after you opened this page/,
    )
    assert.match(second.body, /Consent refused on 2 September 2026/)
    assert.match(second.body, /Answer withdrawn/)
    assert.equal(missing.statusCode, 409)
    assert.equal(stored?.consent?.status, 'refused')
  })

  it('consent form rejects an earlier different answer', async () => {
    const scope = { schoolIds: [test.schoolId] }
    const before = (await test.services.destinations.getDestinations(scope, studentId))!.consent!
    const answer = (status: string, day: string) =>
      postForm(test.app, urls().page, `${urls().page}/consent`, {
        status,
        'consent-date-day': day,
        'consent-date-month': '8',
        'consent-date-year': '2026',
        note: 'Typed note',
        'consent-version': String(before.version),
      })

    const older = await answer('given', '1')
    const corrected = await answer(before.status, '2')
    const after = (await test.services.destinations.getDestinations(scope, studentId))!.consent

    assert.equal(older.statusCode, 400)
    assert.match(older.body, /There is a problem/)
    assert.match(older.body, /Date of the answer 1 August 2026 is before the answer on record/)
    assert.match(older.body, /on or after 2 September 2026/)
    assert.match(older.body, /href="#consent-date-day"/)
    assert.match(older.body, /Typed note/)
    assert.equal(corrected.statusCode, 303)
    assert.equal(after?.status, before.status)
    assert.equal(after?.recordedOn, '2026-08-02')
  })

  it('actual destination not yet started rejected', async () => {
    const start = new Date(Date.now() + 40 * 24 * 60 * 60 * 1000)
    const dateFields = {
      'start-date-day': String(start.getUTCDate()),
      'start-date-month': String(start.getUTCMonth() + 1),
      'start-date-year': String(start.getUTCFullYear()),
    }
    const other = await addStudent(test, test.schoolId)
    const base = `/students/${other}/destinations`

    const actual = await postForm(test.app, `${base}/new`, base, spellForm(dateFields))
    const intended = spellForm({ ...dateFields, intent: 'intended' })
    const saved = await postForm(test.app, `${base}/new`, base, intended)
    const shown = await test.app.inject(base)

    assert.equal(actual.statusCode, 400)
    assert.match(actual.body, /is after today .*so this destination has not started/)
    assert.match(actual.body, /Record it as intended until it starts/)
    assert.match(actual.body, /href="#start-date-day"/)
    assert.equal(saved.statusCode, 303)
    assert.match(shown.body, /No actual destination is recorded/)
  })

  it('negative hours named as negative', async () => {
    const fields = spellForm({ hours: '-5' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Hours a week &quot;-5&quot; cannot be negative/)
    assert.doesNotMatch(response.body, /is not a number/)
  })

  it('NCCIS code without a type explained', async () => {
    const fields = spellForm({ type: '', nccis: '310' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Select the destination type/)
    assert.match(response.body, /NCCIS code &quot;310&quot; \(Apprenticeship\) needs a destination/)
    assert.match(response.body, /no destination type is selected/)
    assert.doesNotMatch(response.body, /which has no NCCIS code/)
  })

  it('unknown NCCIS code explained', async () => {
    const fields = spellForm({ nccis: '999' })
    const response = await postForm(test.app, urls().form, urls().page, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /NCCIS code &quot;999&quot; is not in the 2025\/26 NCCIS code list/)
    assert.doesNotMatch(response.body, /which has no NCCIS code/)
  })

  it('letters as a student id not found', async () => {
    const page = await test.app.inject('/students/abc/destinations')
    const form = await test.app.inject('/students/abc/destinations/new')
    const post = await postForm(test.app, urls().form, '/students/abc/destinations', spellForm())

    for (const response of [page, form, post]) {
      assert.equal(response.statusCode, 404)
      assert.match(response.body, /Student not found/)
      assert.doesNotMatch(response.body, /Student 0/)
    }
  })

  it('year query rejects a year that does not follow', async () => {
    const response = await test.app.inject(`${urls().page}?year=2026/28`)

    assert.match(response.body, /There is a problem/)
    assert.match(response.body, /href="#year"/)
    assert.match(
      response.body,
      /Academic year &quot;2026\/28&quot; must end the year after it starts/,
    )
    assert.match(response.body, /value="2026\/28"/)
  })

  it('year query chooses the sustained year', async () => {
    const chosen = await test.app.inject(`${urls().page}?year=2026/27`)
    const wrong = await test.app.inject(`${urls().page}?year=twenty`)

    assert.match(chosen.body, /Sustained destination in 2026\/27/)
    assert.match(wrong.body, /Academic year &quot;twenty&quot; is not in the form 2026\/27/)
    assert.match(wrong.body, /Sustained destination in 2025\/26/)
  })

  it('remove asks, then removes', async () => {
    const scope = { schoolIds: [test.schoolId] }
    const spell = (await test.services.destinations.getDestinations(scope, studentId))!.spells[0]!
    const removeUrl = `/students/${studentId}/destinations/${spell.id}/remove`

    const confirm = await test.app.inject(removeUrl)
    const stale = await postForm(test.app, removeUrl, removeUrl, { version: '1' })
    const removed = await postForm(test.app, removeUrl, removeUrl, {
      version: String(spell.version),
    })
    const shown = await test.app.inject(urls().page)

    assert.equal(confirm.statusCode, 200)
    assert.match(confirm.body, /Remove this destination\?/)
    assert.equal(stale.statusCode, 409)
    assert.equal(removed.statusCode, 303)
    assert.match(shown.body, /No actual destination is recorded/)
    assert.match(shown.body, /Removed a destination/)
  })
})

describe('destination pages by role', () => {
  let test: TestApp
  let studentId: number

  before(async () => {
    test = await buildTestApp({}, false, { as: null })
    studentId = await addStudent(test, test.schoolId)
    await addTestSchool(test, 'Oak Hill School')
  })
  after(() => test.close())

  async function cookieFor(role: 'viewer' | 'staff') {
    const user = await createTestUser(test.services, { role, schoolId: test.schoolId })
    return sessionCookieFor(test.services, user)
  }

  it('viewer refused', async () => {
    const cookie = await cookieFor('viewer')
    const response = await test.app.inject({
      url: `/students/${studentId}/destinations`,
      headers: { cookie },
    })

    assert.equal(response.statusCode, 403)
  })

  it('staff may view and edit', async () => {
    const cookie = await cookieFor('staff')
    const response = await test.app.inject({
      url: `/students/${studentId}/destinations`,
      headers: { cookie },
    })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Add a destination/)
  })
})
