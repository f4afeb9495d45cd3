import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import {
  buildTestApp,
  createTestUser,
  formSession,
  multipartBody,
  postForm,
  sessionCookieFor,
} from '../../../web/testing/test-app.js'
import type { TestApp } from '../../../web/testing/test-app.js'
import { aStudentInput, aValidFile, aValidRow } from '../../import/import.test-data.js'
import { aCheckedUpn } from '../destination.test-data.js'

const HEADER = 'UPN,Destination Type,Start Date,Provider,Intended or Actual'

async function upload(test: TestApp, csv: string, fileName = 'destinations.csv') {
  const { token, cookie } = await formSession(test.app, '/destinations/import')
  const body = multipartBody({ _csrf: token }, { name: fileName, content: Buffer.from(csv) })
  return test.app.inject({
    method: 'POST',
    url: '/destinations/import',
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  })
}

describe('destinations import pages', () => {
  let test: TestApp
  let upn: string
  let studentId: number

  before(async () => {
    test = await buildTestApp({}, false, { as: 'careers_leader' })
    upn = aCheckedUpn()
    const input = aStudentInput({ upn, dateOfBirth: '2009-05-01' })
    const preview = await test.services.imports.preview(
      test.schoolId,
      aValidFile([aValidRow(input)]),
      'register.csv',
    )
    await test.services.imports.commit(preview.id)
    const found = await test.services.students.findByUpn({ schoolIds: [test.schoolId] }, upn)
    studentId = found[0]!.student.id
  })
  after(() => test.close())

  it('upload page shows the form', async () => {
    const response = await test.app.inject('/destinations/import')

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Import destinations/)
    assert.match(response.body, /name="_csrf"/)
  })

  it('upload without a file rejected', async () => {
    const { token, cookie } = await formSession(test.app, '/destinations/import')
    const body = multipartBody({ _csrf: token })
    const response = await test.app.inject({
      method: 'POST',
      url: '/destinations/import',
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /Select a CSV or Excel file to import/)
  })

  it('unreadable file rejected with the reason', async () => {
    const response = await upload(test, 'just,some,words\n')

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /No header row was found/)
  })

  it('upload without CSRF token refused', async () => {
    const body = multipartBody({}, { name: 'd.csv', content: Buffer.from(HEADER) })
    const response = await test.app.inject({
      method: 'POST',
      url: '/destinations/import',
      headers: { 'content-type': body.contentType },
      payload: body.payload,
    })

    assert.equal(response.statusCode, 403)
  })

  it('preview lists each row, then cancel writes nothing', async () => {
    const csv = `${HEADER}\n${upn},further-education-college,03/09/2025,Riverside,actual\n${upn},gap-year,03/09/2025,,actual\n`
    const uploaded = await upload(test, csv)
    const previewUrl = String(uploaded.headers.location)
    const preview = await test.app.inject(previewUrl)
    const cancelled = await postForm(test.app, previewUrl, `${previewUrl}/cancel`, {})
    const after = await test.app.inject(previewUrl)

    assert.equal(uploaded.statusCode, 303)
    assert.match(previewUrl, /^\/destinations\/import\/[0-9a-f-]{36}$/)
    assert.match(preview.body, /New/)
    assert.match(preview.body, /Rejected/)
    assert.match(preview.body, /Destination Type &quot;gap-year&quot;/)
    assert.match(preview.body, /Import 1 new destination\s*</)
    assert.doesNotMatch(preview.body, /nothing to import/)
    assert.equal(cancelled.statusCode, 303)
    assert.equal(after.statusCode, 404)
    const page = await test.services.destinations.getDestinations(
      { schoolIds: [test.schoolId] },
      studentId,
    )
    assert.equal(page?.spells.length, 0)
  })

  it('import button counts new destinations', async () => {
    const others = [aCheckedUpn(), aCheckedUpn()]
    const inputs = others.map((other) => aStudentInput({ upn: other, dateOfBirth: '2009-05-01' }))
    const register = aValidFile(inputs.map((input, index) => aValidRow(input, index + 2)))
    const registered = await test.services.imports.preview(test.schoolId, register, 'r.csv')
    await test.services.imports.commit(registered.id)
    const lines = [upn, ...others].map((each) => `${each},apprenticeship,01/10/2025,Garage,actual`)

    const uploaded = await upload(test, [HEADER, ...lines, ''].join('\n'))
    const preview = await test.app.inject(String(uploaded.headers.location))
    await postForm(
      test.app,
      String(uploaded.headers.location),
      `${uploaded.headers.location}/cancel`,
      {},
    )

    assert.match(preview.body, /Import 3 new destinations\s*</)
  })

  it('no import button when nothing is new', async () => {
    const csv = `${HEADER}\n${upn},gap-year,03/09/2025,,actual\n`
    const uploaded = await upload(test, csv)
    const preview = await test.app.inject(String(uploaded.headers.location))

    assert.equal(preview.statusCode, 200)
    assert.doesNotMatch(preview.body, /id="commit"/)
    assert.doesNotMatch(preview.body, /Import 0 new/)
    assert.match(preview.body, /nothing to import/)
    assert.match(preview.body, /1 row is rejected: fix it in the file/)
  })

  it('empty file named as a destinations file', async () => {
    const response = await upload(test, '')

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /The selected file is empty. Export the destinations file again/)
    assert.doesNotMatch(response.body, /register/)
  })

  it('commit writes the accepted rows', async () => {
    const csv = `${HEADER}\n${upn},further-education-college,03/09/2025,Riverside,actual\n`
    const uploaded = await upload(test, csv)
    const previewUrl = String(uploaded.headers.location)

    const committed = await postForm(test.app, previewUrl, `${previewUrl}/commit`, {})
    const done = await test.app.inject(String(committed.headers.location))
    const shown = await test.app.inject(`/students/${studentId}/destinations`)

    assert.equal(committed.statusCode, 303)
    assert.match(done.body, /Destinations imported/)
    assert.match(shown.body, /Imported a destination/)
    assert.match(shown.body, /Riverside/)
  })

  it('stale preview refused on commit', async () => {
    const csv = `${HEADER}\n${upn},apprenticeship,01/10/2025,Garage,actual\n`
    const uploaded = await upload(test, csv)
    const previewUrl = String(uploaded.headers.location)
    const scope = { schoolIds: [test.schoolId] }
    const spell = { intent: 'intended', type: 'higher-education', startDate: '2026-09-20' }
    await test.services.destinations.addSpell(scope, studentId, spell, 'someone-else')

    const committed = await postForm(test.app, previewUrl, `${previewUrl}/commit`, {})

    assert.equal(committed.statusCode, 400)
    assert.match(committed.body, /changed after the preview was made/)
  })

  it('malformed preview id not found', async () => {
    const response = await test.app.inject('/destinations/import/not-a-uuid')

    assert.equal(response.statusCode, 404)
  })

  it('staff refused', async () => {
    const user = await createTestUser(test.services, { role: 'staff', schoolId: test.schoolId })
    const cookie = await sessionCookieFor(test.services, user)

    const response = await test.app.inject({ url: '/destinations/import', headers: { cookie } })

    assert.equal(response.statusCode, 403)
  })
})
