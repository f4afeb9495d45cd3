import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import {
  buildTestApp,
  createTestUser,
  formSession,
  sessionCookieFor,
} from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { csvSource } from '../import/import.test-data.js'

const HEADER =
  'UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,NC Year,SEN Provision,Primary Need'
const HOSTILE_SURNAME = '<script>alert(1)</script>'
const HOSTILE_FORENAME = '"Quote\' {{ 7*7 }}'

async function importInto(test: TestApp, schoolId: number, lines: string[]) {
  const preview = await test.services.imports.previewFile(
    schoolId,
    csvSource(HEADER, lines),
    'register.csv',
    { maxBytes: 1024 * 1024 },
  )
  await test.services.imports.commit(preview.id)
}

describe('student pages by role and school', () => {
  let test: TestApp
  let ownId: number
  let otherId: number
  let staffCookie: string

  before(async () => {
    test = await buildTestApp()
    const other = await test.services.students.findOrCreateSchool('Elm Grove School')
    await importInto(test, test.schoolId, [
      `W839999013300,"${HOSTILE_SURNAME}","${HOSTILE_FORENAME.replace(/"/g, '""')}","<img src=x onerror=alert(2)>",24/11/2010,10,E,SLD`,
    ])
    await importInto(test, other.id, ['H839999112301,Bellamy,Bella,,15/04/2010,10,K,SEMH'])
    const ids = await test.database.db.selectFrom('students').select(['id', 'school_id']).execute()
    ownId = ids.find((row) => row.school_id === test.schoolId)?.id ?? 0
    otherId = ids.find((row) => row.school_id === other.id)?.id ?? 0
    const staff = await createTestUser(test.services, { role: 'staff', schoolId: test.schoolId })
    staffCookie = await sessionCookieFor(test.services, staff)
  })

  after(async () => {
    await test.close()
  })

  it('answers 404 for a student of a school the user has no role at', async () => {
    const page = await test.app.inject({ url: `/students/${otherId}` })
    const post = await formSession(test.app, `/students/${ownId}`)
    const change = await test.app.inject({
      method: 'POST',
      url: `/students/${otherId}/pathway`,
      headers: { cookie: post.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: post.token, pathway: 'GCSE' }).toString(),
    })

    assert.equal(page.statusCode, 404)
    assert.equal(change.statusCode, 404)
    for (const path of ['subject-access', 'subject-access.json', 'erase', 'left']) {
      const response = await test.app.inject({ url: `/students/${otherId}/${path}` })
      assert.equal(response.statusCode, 404, path)
    }
    const list = await test.app.inject({ url: '/students' })
    assert.doesNotMatch(list.body, /Bellamy/)
  })

  it('shows staff the record without the forms that change it', async () => {
    const page = await test.app.inject({
      url: `/students/${ownId}`,
      headers: { cookie: staffCookie },
    })

    assert.equal(page.statusCode, 200)
    assert.doesNotMatch(page.body, /id="override-form"|id="pathway-form"/)
    assert.match(page.body, /A careers leader or SENCO can record the pathway/)
  })

  it('renders a hostile override reason as text', async () => {
    const reason = '<b onmouseover=alert(3)>{{ 6*7 }}</b> " \' `'
    await test.services.students.setOverride(
      { schoolIds: [test.schoolId] },
      ownId,
      { group: 'two', reason },
      '<i>staff</i>',
    )
    const page = await test.app.inject({ url: `/students/${ownId}` })

    assert.doesNotMatch(page.body, /<b onmouseover|<i>staff<\/i>/)
    assert.doesNotMatch(page.body, />42</)
    assert.match(page.body, /&lt;b onmouseover=alert\(3\)&gt;\{\{ 6\*7 \}\}/)
  })

  it('renders hostile names as text on every page that shows them', async () => {
    for (const url of ['/students', `/students/${ownId}`, '/students?q=%3Cscript%3E']) {
      const page = await test.app.inject({ url })
      assert.equal(page.statusCode, 200, url)
      assert.doesNotMatch(page.body, /<script>alert|<img src=x/, url)
      assert.doesNotMatch(page.body, /Quote' 49|Quote&#39; 49/, `${url} ran a template expression`)
      assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, url)
    }
  })
})
