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
  let otherSchoolId: number
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
    otherSchoolId = other.id
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

  it('names a ticked value that is no student', async () => {
    const response = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { chooser: 'students', students: ['abc'] }),
    )

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /&quot;abc&quot; is not a student in the list/)
    assert.doesNotMatch(response.body, /Student 0/)
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

    assert.equal(late.statusCode, 409)
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
    const saved = await post(url, url, {
      studentAdjustments: 'Ear defenders',
      reflection: 'Loud',
      version: '1',
    })
    const page = await test.app.inject({ url: `/activities/${id}` })

    assert.equal(form.statusCode, 200)
    assert.ok(form.body.includes('name="version" value="1"'))
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
    const removed = await post(url, url, { version: '1' })
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
      `/activities/${otherActivityId}/delete`,
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
      [student, { reflection: 'x', version: '1' }],
      [`${student}/remove`, { version: '1' }],
      [`/activities/${otherActivityId}/delete`, { version: '1', parts: `${otherStudentId}.1` }],
    ]
    for (const [url, fields] of posts) {
      assert.equal((await post('/activities/new', url, fields)).statusCode, 404, url)
    }
    const stored = await test.services.activities.getActivity(
      { schoolIds: [otherSchoolId] },
      otherActivityId,
    )
    assert.equal(stored?.participants[0]?.reflection, null)
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
  it('empty form blames the missing kind', async () => {
    const response = await post('/activities/new', '/activities', {
      school: String(test.schoolId),
      benchmark: '',
    })
    const body = unescaped(response.body)

    assert.equal(response.statusCode, 400)
    assert.ok(body.includes(activityMessages.kindForBenchmark))
    assert.ok(body.includes('href="#kind"'))
    assert.ok(!body.includes('href="#benchmark"'))
    assert.doesNotMatch(body, /Benchmark must be/)
  })

  it('stale reflection save keeps both texts', async () => {
    const id = await record({ title: 'Two editors' })
    const [studentId] = await yearTenIds()
    const url = `/activities/${id}/students/${studentId}`

    const first = await post(url, url, {
      studentAdjustments: 'Ear defenders',
      reflection: 'A: enjoyed the bakery course',
      version: '1',
    })
    const late = await post(url, url, {
      studentAdjustments: '',
      reflection: 'B: was anxious',
      version: '1',
    })
    const body = unescaped(late.body)

    assert.equal(first.statusCode, 303)
    assert.equal(late.statusCode, 409)
    assert.match(body, /<title>Error: /)
    assert.ok(body.includes(activityServiceMessages.partConflict))
    assert.ok(body.includes('href="#saved-version"'))
    assert.ok(body.includes('What is saved now'))
    assert.ok(body.includes('A: enjoyed the bakery course'))
    assert.ok(body.includes('Ear defenders'))
    assert.ok(body.includes('B: was anxious</textarea>'))
    assert.ok(body.includes('name="version" value="2"'))

    const again = await post(url, url, {
      studentAdjustments: '',
      reflection: 'B: was anxious',
      version: '2',
    })
    const page = await test.app.inject({ url: `/activities/${id}` })

    assert.equal(again.statusCode, 303)
    assert.match(page.body, /B: was anxious/)
    assert.doesNotMatch(page.body, /A: enjoyed the bakery course/)
  })

  it('reflection save without version rejected', async () => {
    const id = await record({ title: 'No version' })
    const [studentId] = await yearTenIds()
    const url = `/activities/${id}/students/${studentId}`

    const response = await post(url, url, { studentAdjustments: '', reflection: 'Typed' })
    const detail = await test.services.activities.getActivity({ schoolIds: [test.schoolId] }, id)

    assert.equal(response.statusCode, 409)
    assert.ok(response.body.includes('Typed</textarea>'))
    assert.equal(detail?.participants.find((item) => item.id === studentId)?.reflection, null)
  })

  it('stale remove shows the saved part', async () => {
    const id = await record({ title: 'Stale removal' })
    const [studentId] = await yearTenIds()
    const partUrl = `/activities/${id}/students/${studentId}`
    const url = `${partUrl}/remove`
    const confirm = await test.app.inject({ url })
    await post(partUrl, partUrl, {
      studentAdjustments: '',
      reflection: 'Saved after the confirm page',
      version: '1',
    })

    const removed = await post(url, url, { version: '1' })
    const body = unescaped(removed.body)

    assert.ok(confirm.body.includes('name="version" value="1"'))
    assert.equal(removed.statusCode, 409)
    assert.ok(body.includes(activityServiceMessages.removeConflict))
    assert.ok(body.includes('Saved after the confirm page'))
    assert.ok(body.includes('name="version" value="2"'))
    assert.equal((await test.app.inject({ url: partUrl })).statusCode, 200)
  })

  it('deletes an activity after confirming', async () => {
    const count = (await yearTenIds()).length
    const id = await record({ title: 'Recorded by mistake' })
    const url = `/activities/${id}/delete`

    const activityPage = await test.app.inject({ url: `/activities/${id}` })
    const confirm = await test.app.inject({ url })
    const parts = /name="parts" value="([^"]*)"/.exec(confirm.body)?.[1] ?? ''
    const deleted = await post(url, url, { version: '1', parts })
    const list = await test.app.inject({ url: String(deleted.headers.location) })

    assert.ok(activityPage.body.includes(`href="/activities/${id}/delete"`))
    assert.equal(confirm.statusCode, 200)
    assert.match(confirm.body, /Delete activity/)
    assert.ok(confirm.body.includes('name="version" value="1"'))
    assert.equal(parts.split(' ').length, count)
    assert.equal(deleted.statusCode, 303)
    assert.equal(deleted.headers.location, `/activities?school=${test.schoolId}&deleted=${count}`)
    assert.match(
      list.body,
      new RegExp(`Activity deleted. It was removed from the record of ${count} students`),
    )
    assert.doesNotMatch(list.body, /Recorded by mistake/)
    assert.equal((await test.app.inject({ url: `/activities/${id}` })).statusCode, 404)
    assert.equal((await test.app.inject({ url })).statusCode, 404)
    assert.equal((await post('/activities/new', url, { version: '1', parts })).statusCode, 404)
  })

  it('stale delete keeps the activity', async () => {
    const id = await record({ title: 'Delete conflict' })
    const [studentId] = await yearTenIds()
    const url = `/activities/${id}/delete`
    const confirm = await test.app.inject({ url })
    const parts = /name="parts" value="([^"]*)"/.exec(confirm.body)?.[1] ?? ''
    const partUrl = `/activities/${id}/students/${studentId}`
    await post(partUrl, partUrl, {
      studentAdjustments: '',
      reflection: 'Written while the delete page was open',
      version: '1',
    })

    const stale = await post(url, url, { version: '1', parts })
    const body = unescaped(stale.body)
    const fresh = /name="parts" value="([^"]*)"/.exec(stale.body)?.[1] ?? ''

    assert.equal(stale.statusCode, 409)
    assert.ok(body.includes(activityServiceMessages.deleteConflict))
    assert.ok(body.includes('href="#saved-version"'))
    assert.notEqual(fresh, parts)
    assert.equal((await test.app.inject({ url: `/activities/${id}` })).statusCode, 200)

    const again = await post(url, url, { version: '1', parts: fresh })

    assert.equal(again.statusCode, 303)
  })

  it('rejects part and delete posts without CSRF', async () => {
    const id = await record({ title: 'CSRF check' })
    const [studentId] = await yearTenIds()
    const { cookie } = await formSession(test.app, `/activities/${id}`)
    const posts: [string, Fields][] = [
      [`/activities/${id}/students/${studentId}`, { reflection: 'x', version: '1' }],
      [`/activities/${id}/students/${studentId}/remove`, { version: '1' }],
      [`/activities/${id}/delete`, { version: '1', parts: '' }],
    ]

    for (const [url, fields] of posts) {
      const response = await test.app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: encode(fields),
      })
      assert.equal(response.statusCode, 403, url)
      assert.match(response.body, /The form has expired/)
    }
    assert.equal((await test.app.inject({ url: `/activities/${id}` })).statusCode, 200)
  })

  it('shows a future activity as planned', async () => {
    const [studentId] = await yearTenIds()
    // Thirty days ahead of the real clock, which the routes read.
    const ahead = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000)
    const id = await record({
      title: 'Planned work experience',
      kind: 'workplace_experience',
      chooser: 'students',
      students: [String(studentId)],
      'held-on-day': String(ahead.getUTCDate()),
      'held-on-month': String(ahead.getUTCMonth() + 1),
      'held-on-year': String(ahead.getUTCFullYear()),
    })

    const list = await test.app.inject({ url: '/activities' })
    const student = await test.app.inject({ url: `/students/${studentId}/activities` })
    const activity = await test.app.inject({ url: `/activities/${id}` })
    const rows = list.body.split('<tr class="govuk-table__row">')
    const plannedRow = rows.find((row) => row.includes(`href="/activities/${id}"`)) ?? ''
    const heldRows = rows.filter((row) => row.includes('20 November 2026'))

    assert.match(plannedRow, /Planned/)
    assert.ok(heldRows.length > 0)
    assert.ok(heldRows.every((row) => !row.includes('Planned')))
    assert.match(
      list.body,
      /Planned\s+activities, dated after today, are not counted until their date/,
    )
    assert.match(student.body, /Planned\s+activities, dated after today, are not counted/)
    assert.match(
      student.body,
      /Not yet covered\. Planned: 1 activity, the next on \d{1,2} \w+ \d{4}/,
    )
    assert.match(activity.body, /\(planned: not counted as coverage until this date\)/)
  })
  /** The HTML of the "Choose students one by one" details element, from its opening tag. */
  function studentList(body: string): { tag: string; inside: string } {
    const start = body.indexOf('<details id="student-list"')
    const end = body.indexOf('</details>', start)
    assert.ok(start >= 0 && end > start, 'the student list is in a details element')
    const inside = body.slice(start, end)
    return { tag: inside.slice(0, inside.indexOf('>') + 1), inside }
  }

  async function activityCount(): Promise<number> {
    const row = await test.database.db
      .selectFrom('careers_activities')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }

  it('keeps the student list shut at first', async () => {
    const page = await test.app.inject({ url: '/activities/new' })
    const list = studentList(page.body)
    const tenCount = (await yearTenIds()).length

    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(list.tag, /\sopen/)
    assert.match(list.inside, /Choose students one by one/)
    // Every checkbox is inside the details element, under a year-group legend.
    const boxes = page.body.split('name="students"').length - 1
    assert.ok(boxes > 0)
    assert.equal(list.inside.split('name="students"').length - 1, boxes)
    assert.match(list.inside, new RegExp(`<legend[^>]*>\\s*Year 10 \\(${tenCount} students\\)`))
    assert.doesNotMatch(page.body, /TODO/)
  })

  it('opens the list when chosen or on errors', async () => {
    const chosen = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { chooser: 'students', title: '' }),
    )
    const blank = await post('/activities/new', '/activities', { school: String(test.schoolId) })
    const byYear = await post('/activities/new', '/activities', aForm(test.schoolId, { title: '' }))

    assert.equal(chosen.statusCode, 400)
    assert.match(studentList(chosen.body).tag, /\sopen/)
    assert.equal(blank.statusCode, 400)
    assert.match(studentList(blank.body).tag, /\sopen/)
    assert.equal(byYear.statusCode, 400)
    assert.doesNotMatch(studentList(byYear.body).tag, /\sopen/)
  })

  it('finds students by name and keeps answers', async () => {
    const options = await test.services.activities.chooserOptions(
      { schoolIds: [test.schoolId] },
      test.schoolId,
    )
    const [wanted, ticked] = options.students
    assert.ok(wanted && ticked)
    const part = wanted.name.split(' ')[1]!.toUpperCase()
    const before = await activityCount()

    const response = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, {
        chooser: 'students',
        students: [String(ticked.id)],
        title: 'Kept title',
        find: `  ${part} `,
        'find-students': 'yes',
      }),
    )
    const body = unescaped(response.body)
    const list = studentList(body)
    const listedStudents = options.students.filter((student) =>
      body.includes(`name="students" type="checkbox" value="${student.id}"`),
    )

    assert.equal(response.statusCode, 200)
    assert.equal(await activityCount(), before)
    assert.match(body, /Nothing is saved yet/)
    assert.ok(body.includes('value="Kept title"'))
    assert.ok(body.includes(`value="${part}"`))
    assert.match(list.tag, /\sopen/)
    assert.ok(listedStudents.some((student) => student.id === wanted.id))
    assert.ok(listedStudents.some((student) => student.id === ticked.id))
    assert.ok(listedStudents.length < options.students.length)
    assert.ok(
      listedStudents.every(
        (student) => student.id === ticked.id || student.name.toUpperCase().includes(part),
      ),
    )
    assert.match(body, new RegExp(`value="${ticked.id}" checked`))
  })

  it('says when no name matches the search', async () => {
    const response = await post(
      '/activities/new',
      '/activities',
      aForm(test.schoolId, { find: 'Zzqx', 'find-students': 'yes' }),
    )
    const body = unescaped(response.body)

    assert.equal(response.statusCode, 200)
    assert.match(body, /No student’s name includes “Zzqx”/)
    assert.equal(studentList(body).inside.split('name="students"').length - 1, 0)
  })

  it('ticks the student from their page', async () => {
    const [studentId] = await yearTenIds()

    const studentPage = await test.app.inject({ url: `/students/${studentId}/activities` })
    const href = `/activities/new?school=${test.schoolId}&amp;student=${studentId}`
    const form = await test.app.inject({ url: unescaped(href) })
    const other = await test.app.inject({ url: `/activities/new?student=${otherStudentId}` })
    const unknown = await test.app.inject({ url: '/activities/new?student=99999999' })
    const unreadable = await test.app.inject({ url: '/activities/new?student=abc' })

    assert.match(studentPage.body, /Record an activity for this student/)
    assert.ok(studentPage.body.includes(`href="${href}"`))
    assert.equal(form.statusCode, 200)
    assert.match(form.body, /value="students" checked/)
    assert.match(form.body, new RegExp(`value="${studentId}" checked`))
    assert.equal(form.body.split(' checked').length - 1, 2)
    assert.match(studentList(form.body).tag, /\sopen/)
    assert.equal(other.statusCode, 404)
    assert.equal(unknown.statusCode, 404)
    assert.equal(unreadable.statusCode, 200)
    assert.doesNotMatch(studentList(unreadable.body).tag, /\sopen/)
  })

  it('labels every card cell at small widths', async () => {
    const id = await record({ title: 'Labelled cards' })
    const [studentId] = await yearTenIds()
    const pages = {
      [`/students/${studentId}/activities`]: [
        'Date',
        'Benchmark',
        'Their adjustments',
        'Their reflection',
      ],
      [`/activities/${id}`]: [
        'Year group',
        'Career SEND group',
        'Their adjustments',
        'Their reflection',
      ],
      '/activities': ['Date', 'Kind', 'Benchmark', 'Students'],
    }
    for (const [url, labels] of Object.entries(pages)) {
      const body = (await test.app.inject({ url })).body
      const table = body.slice(body.lastIndexOf('app-table--stack'))
      const row = table.slice(
        table.indexOf('<tbody'),
        table.indexOf('</tr>', table.indexOf('<tbody')),
      )
      const cells = row.split('<td').length - 1
      const labelled = [...row.matchAll(/data-label="([^"]+)"/g)].map((match) => match[1])
      assert.deepEqual(labelled, labels, url)
      // Only the cell with the title or name link, and the actions, go without a label.
      assert.ok(cells - labelled.length <= 2, url)
    }
  })

  it('links the student activities to the plan', async () => {
    const [studentId] = await yearTenIds()

    const page = await test.app.inject({ url: `/students/${studentId}/activities` })

    assert.match(page.body, new RegExp(`href="/students/${studentId}/plan">[^<]+career plan</a>`))
    assert.match(
      page.body,
      new RegExp(`href="/students/${studentId}/destinations">[^<]+destinations</a>`),
    )
    assert.match(page.body, new RegExp(`href="/students/${studentId}">[^<]+student record</a>`))
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
