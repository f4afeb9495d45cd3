import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { activityMessages } from '../../domain/careers-activities.js'
import { createImportService } from '../import/import.service.js'
import { aStudentInput, aUniqueUpn, aValidFile, aValidRow } from '../import/import.test-data.js'
import {
  addTestSchool,
  buildTestApp,
  createTestUser,
  formSession,
  importFixture,
  sessionCookieFor,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { formMessages } from './activity.form.js'
import { activityServiceMessages } from './activity.service.js'
import { choiceMessages } from './student-choice.js'

type Fields = Record<string, string | string[]>

function encode(fields: Fields): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item)
  }
  return params.toString()
}

/** Builds a valid activity form for the test school's Year 10, with any field replaced. */
function aForm(schoolId: number, overrides: Fields = {}): Fields {
  return {
    school: String(schoolId),
    kind: 'employer_encounter',
    title: 'Visit from the fire service',
    'held-on-day': '20',
    'held-on-month': '11',
    'held-on-year': '2026',
    provider: 'County Fire and Rescue',
    benchmark: '',
    adjustments: 'Quiet room available',
    chooser: 'year',
    yearGroup: '10',
    ...overrides,
  }
}

function unescaped(html: string): string {
  return html.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&')
}

describe('activity routes', () => {
  let test: TestApp
  let otherActivityId: number
  let otherStudentId: number
  let viewerCookie: string

  async function post(pageUrl: string, action: string, fields: Fields) {
    const { token, cookie } = await formSession(test.app, pageUrl)
    return test.app.inject({
      method: 'POST',
      url: action,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encode({ _csrf: token, ...fields }),
    })
  }

  async function record(fields: Fields = {}): Promise<number> {
    const response = await post('/activities/new', '/activities', aForm(test.schoolId, fields))
    assert.equal(response.statusCode, 303, response.body)
    return Number(/^\/activities\/(\d+)\?/.exec(String(response.headers.location))?.[1])
  }

  async function yearTenIds(): Promise<number[]> {
    const rows = await test.database.db
      .selectFrom('students')
      .select('id')
      .where('school_id', '=', test.schoolId)
      .where('nc_year', '=', '10')
      .orderBy('id')
      .execute()
    return rows.map((row) => row.id)
  }

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    await importFixture(test.app, 'sims-style-register.csv')

    // Another school, where the test user has no role, with one student and one activity.
    const other = await test.services.students.findOrCreateSchool('Ash Vale School')
    const imports = createImportService(test.database.db)
    const file = aValidFile([aValidRow(aStudentInput({ upn: aUniqueUpn() }))])
    await imports.commit((await imports.preview(other.id, file, 'register.csv')).id)
    const otherScope = { schoolIds: [other.id] }
    const student = (await test.services.students.listStudents(otherScope)).students[0]!
    otherStudentId = student.id
    const recorded = await test.services.activities.recordActivity(
      otherScope,
      {
        schoolId: other.id,
        kind: 'employer_encounter',
        title: 'Other school visit',
        heldOn: '2026-10-01',
        provider: null,
        benchmark: null,
        adjustments: null,
        choice: { by: 'students', studentIds: [student.id] },
      },
      'someone',
    )
    assert.ok(recorded.ok)
    otherActivityId = recorded.value.id

    const viewer = await createTestUser(test.services, { role: 'viewer', schoolId: test.schoolId })
    viewerCookie = await sessionCookieFor(test.services, viewer)
  })

  after(async () => {
    await test.close()
  })

  it('records for a year group and says how many', async () => {
    const expected = (await yearTenIds()).length

    const id = await record()
    const page = await test.app.inject({ url: `/activities/${id}?saved=recorded` })

    assert.ok(expected > 0)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, new RegExp(`Activity recorded for ${expected} students`))
    assert.match(page.body, /Benchmark 5: Encounters with employers and employees \(2025 wording\)/)
  })

  it('lists the activity with coverage', async () => {
    const page = await test.app.inject({ url: '/activities' })
    const count = (await yearTenIds()).length

    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Visit from the fire service/)
    assert.match(page.body, /Year 10<\/th>/)
    assert.match(page.body, new RegExp(`${count} of ${count} \\(100%\\)`))
  })

  it('filters the list by benchmark', async () => {
    const none = await test.app.inject({ url: '/activities?benchmark=8' })
    const some = await test.app.inject({ url: '/activities?benchmark=5' })

    assert.doesNotMatch(none.body, /Visit from the fire service/)
    assert.match(some.body, /Visit from the fire service/)
  })

  it('records for ticked students', async () => {
    const [first] = await yearTenIds()

    const id = await record({
      chooser: 'students',
      students: [String(first)],
      kind: 'guidance_interview',
    })
    const page = await test.app.inject({ url: `/activities/${id}?saved=recorded` })

    assert.match(page.body, /Activity recorded for 1 student\./)
    assert.match(page.body, /Benchmark 8: Personal guidance/)
  })

  it('shows every form error and keeps answers', async () => {
    const response = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, {
        title: '',
        'held-on-day': '31',
        'held-on-month': '12',
        'held-on-year': '1999',
        benchmark: '1',
        chooser: 'year',
        yearGroup: '6',
        provider: 'Kept provider',
      }),
    )
    const body = unescaped(response.body)

    assert.equal(response.statusCode, 400)
    assert.match(body, /<title>Error: /)
    assert.match(body, /There is a problem/)
    assert.ok(body.includes(activityMessages.titleMissing))
    assert.ok(body.includes(activityMessages.dateTooEarly))
    assert.ok(body.includes(activityMessages.benchmark(1)))
    assert.ok(body.includes(choiceMessages.emptyYear('6')))
    assert.ok(body.includes('value="Kept provider"'))
    assert.ok(body.includes('href="#held-on-day"'))
  })

  it('reports a missing date part', async () => {
    const response = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { 'held-on-month': '' }),
    )

    assert.equal(response.statusCode, 400)
    assert.ok(response.body.includes(formMessages.datePartMissing(['month'])))
    assert.ok(response.body.includes('href="#held-on-month"'))
  })

  it('rejects a date more than a year ahead', async () => {
    const response = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { 'held-on-year': '2099' }),
    )

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Date of the activity must be no later than/)
  })

  it('rejects a missing chooser and no ticks', async () => {
    const noChooser = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { chooser: '' }),
    )
    const noTicks = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { chooser: 'students' }),
    )

    assert.equal(noChooser.statusCode, 400)
    assert.ok(noChooser.body.includes(formMessages.chooser))
    assert.equal(noTicks.statusCode, 400)
    assert.ok(noTicks.body.includes(choiceMessages.noneTicked))
  })

  it('rejects another school student ticked', async () => {
    const response = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { chooser: 'students', students: [String(otherStudentId)] }),
    )

    assert.equal(response.statusCode, 400)
    assert.ok(response.body.includes(choiceMessages.unknown(otherStudentId)))
  })

  it('rejects another school in the form', async () => {
    const response = await post('/activities/new', '/activities', aForm(9999))

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Select a school from the list/)
  })

  it('rejects a post without a CSRF token', async () => {
    const { cookie } = await formSession(test.app, '/activities/new')

    const response = await test.app.inject({
      method: 'POST',
      url: '/activities',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: encode(aForm(test.schoolId)),
    })

    assert.equal(response.statusCode, 403)
    assert.match(response.body, /The form has expired/)
  })

  it('edits an activity', async () => {
    const id = await record({ title: 'Before the edit' })
    const edit = await test.app.inject({ url: `/activities/${id}/edit` })

    const response = await post(`/activities/${id}/edit`, `/activities/${id}`, {
      ...aForm(test.schoolId, { title: 'After the edit' }),
      version: '1',
    })
    const page = await test.app.inject({ url: `/activities/${id}` })

    assert.equal(edit.statusCode, 200)
    assert.match(edit.body, /value="Before the edit"/)
    assert.equal(response.statusCode, 303)
    assert.match(page.body, /After the edit/)
  })

  it('refuses an old version and keeps answers', async () => {
    const id = await record({ title: 'Conflict start' })
    await post(`/activities/${id}/edit`, `/activities/${id}`, {
      ...aForm(test.schoolId, { title: 'Saved first' }),
      version: '1',
    })

    const late = await post(`/activities/${id}/edit`, `/activities/${id}`, {
      ...aForm(test.schoolId, { title: 'Typed second' }),
      version: '1',
    })
    const body = unescaped(late.body)

    assert.equal(late.statusCode, 400)
    assert.ok(body.includes(activityServiceMessages.conflict))
    assert.ok(body.includes('value="Typed second"'))
    assert.ok(body.includes('The activity as it is saved now'))
    assert.ok(body.includes('Saved first'))
    assert.ok(body.includes('name="version" value="2"'))
  })

  it('edit with a bad date keeps answers', async () => {
    const id = await record({ title: 'Date edit' })

    const response = await post(`/activities/${id}/edit`, `/activities/${id}`, {
      ...aForm(test.schoolId, {
        title: 'Date edit typed',
        'held-on-day': '30',
        'held-on-month': '2',
      }),
      version: '1',
    })

    assert.equal(response.statusCode, 400)
    assert.ok(response.body.includes(activityMessages.dateInvalid))
    assert.ok(response.body.includes('value="Date edit typed"'))
  })

  it('records a student reflection', async () => {
    const id = await record({ title: 'Reflection visit' })
    const [studentId] = await yearTenIds()
    const url = `/activities/${id}/students/${studentId}`

    const form = await test.app.inject({ url })
    const saved = await post(url, url, { studentAdjustments: 'Ear defenders', reflection: 'Loud' })
    const page = await test.app.inject({ url: `/activities/${id}` })

    assert.equal(form.statusCode, 200)
    assert.equal(saved.statusCode, 303)
    assert.match(page.body, /Ear defenders/)
    assert.match(page.body, /Loud/)
  })

  it('rejects a reflection that is too long', async () => {
    const id = await record({ title: 'Long reflection' })
    const [studentId] = await yearTenIds()
    const url = `/activities/${id}/students/${studentId}`

    const response = await post(url, url, { studentAdjustments: '', reflection: 'x'.repeat(2001) })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Reflection must be 2000 characters or fewer/)
  })

  it('removes a student after confirming', async () => {
    const id = await record({ title: 'Removal visit' })
    const [studentId] = await yearTenIds()
    const url = `/activities/${id}/students/${studentId}/remove`

    const confirm = await test.app.inject({ url })
    const removed = await post(url, url, {})
    const page = await test.app.inject({ url: `/activities/${id}?saved=removed` })

    assert.equal(confirm.statusCode, 200)
    assert.match(confirm.body, /Remove student/)
    assert.equal(removed.statusCode, 303)
    assert.match(page.body, /Student removed/)
    assert.equal((await test.app.inject({ url })).statusCode, 404)
  })

  it('refuses to remove the only student', async () => {
    const [studentId] = await yearTenIds()
    const id = await record({ chooser: 'students', students: [String(studentId)] })
    const url = `/activities/${id}/students/${studentId}/remove`

    const confirm = await test.app.inject({ url })
    const removed = await post(`/activities/${id}`, url, {})

    assert.match(confirm.body, /is the only student on this activity/)
    assert.equal(removed.statusCode, 400)
    assert.ok(removed.body.includes(activityServiceMessages.lastStudent))
  })

  it('adds a student and rejects a blank choice', async () => {
    const [first, second] = await yearTenIds()
    const id = await record({ chooser: 'students', students: [String(first)] })
    const url = `/activities/${id}/students`

    const blank = await post(`/activities/${id}`, url, { student: '' })
    const added = await post(`/activities/${id}`, url, { student: String(second) })
    const page = await test.app.inject({ url: `/activities/${id}?saved=added` })

    assert.equal(blank.statusCode, 400)
    assert.match(blank.body, /Select a student to add/)
    assert.equal(added.statusCode, 303)
    assert.match(page.body, /now recorded for 2 students/)
  })

  it('shows a student activities and coverage', async () => {
    const [studentId] = await yearTenIds()

    const page = await test.app.inject({ url: `/students/${studentId}/activities` })

    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Benchmark 5: Encounters with employers and employees<\/th>/)
    assert.match(page.body, /Covered: \d+ activit(y|ies), the latest on 20 November 2026/)
    assert.match(page.body, /Not yet covered/)
  })

  it('shows 2014 wording for an old activity', async () => {
    const [studentId] = await yearTenIds()
    await record({
      chooser: 'students',
      students: [String(studentId)],
      kind: 'guidance_interview',
      benchmark: '3',
      'held-on-day': '31',
      'held-on-month': '8',
      'held-on-year': '2025',
    })

    const page = await test.app.inject({ url: `/students/${studentId}/activities` })

    assert.match(page.body, /Benchmark 3: Addressing the needs of each pupil \(2014 wording\)/)
    assert.match(page.body, /Benchmark 3: Addressing the needs of each young person<\/th>/)
  })

  it('gives 404 for another school', async () => {
    const student = `/activities/${otherActivityId}/students/${otherStudentId}`
    const urls = [
      `/activities/${otherActivityId}`,
      `/activities/${otherActivityId}/edit`,
      student,
      `${student}/remove`,
      `/students/${otherStudentId}/activities`,
    ]
    for (const url of urls) {
      assert.equal((await test.app.inject({ url })).statusCode, 404, url)
    }
    const posts: [string, Fields][] = [
      [`/activities/${otherActivityId}`, { ...aForm(test.schoolId), version: '1' }],
      [`/activities/${otherActivityId}/students`, { student: String(otherStudentId) }],
      [student, { reflection: 'x' }],
      [`${student}/remove`, {}],
    ]
    for (const [url, fields] of posts) {
      assert.equal((await post('/activities/new', url, fields)).statusCode, 404, url)
    }
  })

  it('gives 404 for a malformed id', async () => {
    for (const id of ['0x1', '1e0', '01', '-1']) {
      assert.equal((await test.app.inject({ url: `/activities/${id}` })).statusCode, 404, id)
    }
  })

  it('refuses a viewer', async () => {
    for (const url of ['/activities', '/activities/new', '/students/1/activities']) {
      const response = await test.app.inject({ url, headers: { cookie: viewerCookie } })
      assert.equal(response.statusCode, 403, url)
    }
  })
  // Last, because it gives the test user a second school.
  it('asks a user with two schools to pick one', async () => {
    const birch = await addTestSchool(test, 'Birch School')

    const choice = await test.app.inject({ url: '/activities/new' })
    const form = await test.app.inject({ url: `/activities/new?school=${birch}` })
    const wrong = await test.app.inject({ url: '/activities/new?school=9999' })

    assert.equal(choice.statusCode, 200)
    assert.match(choice.body, /Which school is the activity at\?/)
    assert.match(form.body, /<span class="govuk-caption-l">Birch School<\/span>/)
    assert.match(form.body, /There are no current students at this school/)
    assert.equal(wrong.statusCode, 400)
  })
})
