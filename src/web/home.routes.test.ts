import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { csvSource } from '../features/import/import.test-data.js'
import { schoolCounts } from './home.view-model.js'
import { buildTestApp, createTestUser, sessionCookieFor } from './testing/test-app.js'
import type { TestApp } from './testing/test-app.js'

const HEADER = 'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need'

describe('start page counts', () => {
  let test: TestApp
  let viewerCookie: string

  before(async () => {
    test = await buildTestApp()
    const lines = [
      'W839999013300,Ames,Ada,24/11/2010,10,E,SLD',
      'H839999112301,Bello,Ben,15/04/2010,10,K,SEMH',
    ]
    const preview = await test.services.imports.previewFile(
      test.schoolId,
      csvSource(HEADER, lines),
      'register.csv',
      { maxBytes: 1024 * 1024 },
    )
    await test.services.imports.commit(preview.id)
    const viewer = await createTestUser(test.services, { role: 'viewer', schoolId: test.schoolId })
    viewerCookie = await sessionCookieFor(test.services, viewer)
  })

  after(async () => {
    await test.close()
  })

  it('shows staff the exact counts', async () => {
    const page = await test.app.inject({ url: '/' })

    assert.match(
      page.body,
      /<th scope="row" class="govuk-table__header">Oak Hill School<\/th>\s*<td[^>]*>2</,
    )
    assert.match(page.body, /href="\/students"/)
  })

  it('hides small counts, names and links from a viewer', async () => {
    const page = await test.app.inject({ url: '/', headers: { cookie: viewerCookie } })

    assert.equal(page.statusCode, 200)
    assert.match(page.body, /fewer than 5/)
    assert.doesNotMatch(page.body, /Ames|Bello/)
    assert.doesNotMatch(page.body, /href="\/students"|href="\/import"/)
  })
})

describe('schoolCounts', () => {
  const schools = [{ id: 1, name: 'A', createdAt: '' }]
  const rows = [
    { schoolId: 1, group: 'one', count: 12 },
    { schoolId: 1, group: 'two', count: 3 },
    { schoolId: 1, group: null, count: 0 },
  ]

  it('keeps every count where names are allowed', () => {
    const [row] = schoolCounts(schools, rows, () => true)
    assert.deepEqual(row, {
      name: 'A',
      total: '15',
      one: '12',
      two: '3',
      noGroup: '0',
      suppressed: false,
    })
  })

  it('hides counts of 1 to 4 but not 0 or 5 and over', () => {
    const [row] = schoolCounts(schools, rows, () => false)
    assert.deepEqual(row, {
      name: 'A',
      total: '15',
      one: '12',
      two: 'fewer than 5',
      noGroup: '0',
      suppressed: true,
    })
  })
})
