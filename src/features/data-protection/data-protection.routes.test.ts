import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import Fastify from 'fastify'
import type { RouteOptions } from 'fastify'

import '../../web/access.js'
import { createServices } from '../../services.js'
import { buildTestApp, importFixture, postForm } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { registerDataProtectionRoutes } from './data-protection.routes.js'
import type { DataProtectionRouteServices } from './route-helpers.js'

// The fixture's first rows: Alfie Ashworth (UPN W839999013300) and Bella Bellamy.
const ALFIE = '/students/1'
const BELLA = '/students/2'

describe('data protection routes', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
  })

  after(async () => {
    await test.close()
  })

  it('name a permission on every route', async () => {
    const app = Fastify({ logger: false })
    const routes: RouteOptions[] = []
    app.addHook('onRoute', (route) => {
      routes.push(route)
    })

    await registerDataProtectionRoutes(app, {} as DataProtectionRouteServices)
    await app.ready()

    const permissions = Object.fromEntries(
      routes
        .filter((route) => route.method !== 'HEAD')
        .map((route) => [`${String(route.method)} ${route.url}`, route.config?.access]),
    )
    assert.deepEqual(permissions, {
      'GET /students/:id/left': 'students.edit',
      'POST /students/:id/left': 'students.edit',
      'POST /students/:id/left/clear': 'students.edit',
      'GET /students/:id/subject-access': 'students.export',
      'GET /students/:id/subject-access.json': 'students.export',
      'GET /students/:id/erase': 'students.erase',
      'POST /students/:id/erase': 'students.erase',
    })
  })

  it('saves a leaving date', async () => {
    const saved = await postForm(test.app, `${ALFIE}/left`, `${ALFIE}/left`, {
      'left-on-day': '17',
      'left-on-month': '7',
      'left-on-year': '2026',
    })
    const profile = await test.app.inject({ url: String(saved.headers.location) })

    assert.equal(saved.statusCode, 303)
    assert.equal(saved.headers.location, `${ALFIE}?saved=left`)
    assert.match(profile.body, /Leaving date saved\./)
    assert.match(profile.body, /17 July 2026/)
  })

  it('clears a leaving date', async () => {
    await postForm(test.app, `${ALFIE}/left`, `${ALFIE}/left`, {
      'left-on-day': '17',
      'left-on-month': '7',
      'left-on-year': '2026',
    })

    const cleared = await postForm(test.app, `${ALFIE}/left`, `${ALFIE}/left/clear`, {})
    const form = await test.app.inject({ url: `${ALFIE}/left` })

    assert.equal(cleared.statusCode, 303)
    assert.equal(cleared.headers.location, `${ALFIE}?saved=left-cleared`)
    assert.match(form.body, /No leaving date is recorded/)
  })

  const invalidDates: [string, Record<string, string>, RegExp][] = [
    ['nothing', {}, /Enter the date the student left/],
    ['no month', { 'left-on-day': '1', 'left-on-year': '2026' }, /must include a month/],
    [
      'an impossible date',
      { 'left-on-day': '31', 'left-on-month': '2', 'left-on-year': '2026' },
      /must be a real date/,
    ],
    [
      'a two-digit year',
      { 'left-on-day': '1', 'left-on-month': '2', 'left-on-year': '26' },
      /Year must include 4 numbers/,
    ],
    [
      'a future date',
      { 'left-on-day': '1', 'left-on-month': '1', 'left-on-year': '2999' },
      /must be today or in the past/,
    ],
    [
      'a date before birth',
      { 'left-on-day': '1', 'left-on-month': '1', 'left-on-year': '2012' },
      /on or after their date of birth, 24 November 2013/,
    ],
  ]
  for (const [name, fields, message] of invalidDates) {
    it(`rejects ${name} as a leaving date`, async () => {
      const response = await postForm(test.app, `${ALFIE}/left`, `${ALFIE}/left`, fields)

      assert.equal(response.statusCode, 400)
      assert.match(response.body, /There is a problem/)
      assert.match(response.body, message)
      assert.match(response.body, /<title>Error: /)
    })
  }

  it('shows a readable subject access page', async () => {
    const response = await test.app.inject({ url: `${ALFIE}/subject-access` })

    assert.equal(response.statusCode, 200)
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.match(response.body, /Subject access export/)
    assert.match(response.body, /Ashworth/)
    assert.match(response.body, /24 November 2013/)
    assert.match(response.body, /<h2 class="govuk-heading-m">Audit trail<\/h2>/)
    assert.match(response.body, /Exported the record for a subject access request/)
    assert.doesNotMatch(response.body, /Bellamy/)
  })

  it('downloads the subject access JSON', async () => {
    const response = await test.app.inject({ url: `${ALFIE}/subject-access.json` })
    const record = JSON.parse(response.body) as {
      school: { name: string }
      tables: { students: { upn: string }[] }
    }

    assert.equal(response.statusCode, 200)
    assert.match(String(response.headers['content-type']), /^application\/json/)
    assert.equal(
      response.headers['content-disposition'],
      'attachment; filename="subject-access-student-1.json"',
    )
    assert.equal(response.headers['cache-control'], 'no-store')
    assert.equal(record.school.name, 'Oak Hill School')
    assert.equal(record.tables.students[0]?.upn, 'W839999013300')
  })

  it('audits both export formats', async () => {
    await test.app.inject({ url: `${ALFIE}/subject-access` })
    await test.app.inject({ url: `${ALFIE}/subject-access.json` })

    const services = createServices(test.database)
    const events = await services.audit.search(
      { schoolIds: [1] },
      { studentId: 1, action: 'student.export', limit: 2 },
    )

    assert.deepEqual(
      events.map((event) => event.details),
      [{ format: 'json' }, { format: 'html' }],
    )
    assert.equal(events[0]?.actor, 'admin@school.test')
  })

  it('warns against names in the erasure reason', async () => {
    const response = await test.app.inject({ url: `${BELLA}/erase` })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /name="_csrf"/)
    assert.match(response.body, /Do not write the student&#39;s name/)
  })

  it('lists every erasure form error', async () => {
    const response = await postForm(test.app, `${BELLA}/erase`, `${BELLA}/erase`, {
      reason: ' ',
      confirmation: 'Ashworth',
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /href="#reason">Enter the reason for erasing this record/)
    assert.match(
      response.body,
      /href="#confirmation">The UPN or surname you entered does not match/,
    )
    assert.equal((await test.app.inject({ url: BELLA })).statusCode, 200)
  })

  it('erases and shows the banner', async () => {
    const erased = await postForm(test.app, `${BELLA}/erase`, `${BELLA}/erase`, {
      reason: 'Erasure request received',
      confirmation: 'bellamy',
    })
    const list = await test.app.inject({ url: String(erased.headers.location) })
    const gone = await test.app.inject({ url: BELLA })

    assert.equal(erased.statusCode, 303)
    assert.equal(erased.headers.location, '/students?erased=1')
    assert.match(list.body, /The student&#39;s record was erased/)
    assert.doesNotMatch(list.body, /Bella Bellamy/)
    assert.equal(gone.statusCode, 404)
  })

  it('rejects a form without its token', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: `${ALFIE}/erase`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'reason=x&confirmation=Ashworth',
    })

    assert.equal(response.statusCode, 403)
    assert.equal((await test.app.inject({ url: ALFIE })).statusCode, 200)
  })

  for (const url of [
    '/students/999/left',
    '/students/999/subject-access',
    '/students/999/subject-access.json',
    '/students/999/erase',
    '/students/0x1/erase',
  ]) {
    it(`gives 404 for ${url}`, async () => {
      const response = await test.app.inject({ url })

      assert.equal(response.statusCode, 404)
    })
  }
})
