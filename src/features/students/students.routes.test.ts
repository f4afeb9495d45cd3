import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { buildTestApp, importFixture, postForm } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'

// Alfie Ashworth is the first row of the fixture: SLD with an EHC plan and no pathway.
const ALFIE = '/students/1'

describe('student pages', () => {
  let test: TestApp

  before(async () => {
    test = await buildTestApp()
    await importFixture(test.app, 'sims-style-register.csv')
  })

  after(async () => {
    await test.close()
  })

  it('list shows students with groups', async () => {
    const response = await test.app.inject({ url: '/students' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Showing 1 to 25 of 35 students/)
    assert.match(response.body, /href="\/students\/1">Alfie Ashworth</)
    assert.match(response.body, /govuk-tag--grey">\s*Provisional/)
  })

  it('list search finds by UPN', async () => {
    const response = await test.app.inject({ url: '/students?q=W839999013300' })

    assert.match(response.body, /Showing 1 to 1 of 1 students/)
    assert.match(response.body, /Alfie Ashworth/)
  })

  it('list filters by group and provision', async () => {
    const response = await test.app.inject({ url: '/students?group=two&provision=E' })

    assert.equal(response.statusCode, 200)
    assert.doesNotMatch(response.body, /Alfie Ashworth/)
    assert.match(response.body, /<option value="two" selected>/)
  })

  it('list ignores a filter value it does not know', async () => {
    const response = await test.app.inject({ url: '/students?group=three&page=-4' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /of 35 students/)
  })

  it('list pages through students', async () => {
    const response = await test.app.inject({ url: '/students?page=2' })

    assert.match(response.body, /Showing 26 to 35 of 35 students/)
    assert.match(response.body, /govuk-pagination/)
  })

  it('list page past the end shows the last', async () => {
    const response = await test.app.inject({ url: '/students?page=7' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Showing 26 to 35 of 35 students/)
    assert.doesNotMatch(response.body, /Showing 176/)
  })

  it('list search by forename then surname', async () => {
    const response = await test.app.inject({ url: '/students?q=Alfie+Ashworth' })

    assert.match(response.body, /Showing 1 to 1 of 1 students/)
  })

  it('list search by surname, forename', async () => {
    const response = await test.app.inject({ url: '/students?q=Ashworth%2C+Alfie' })

    assert.match(response.body, /Showing 1 to 1 of 1 students/)
  })

  it('list reports a year group of 15', async () => {
    const response = await test.app.inject({ url: '/students?year=15&q=Alfie' })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /govuk-error-summary/)
    assert.match(response.body, /href="#year">Year group must be R, 1 to 14 or X</)
    assert.match(response.body, /id="year" name="year" type="text" value="15"/)
    assert.match(response.body, /id="q" name="q" type="text" value="Alfie"/)
    assert.doesNotMatch(response.body, /Showing/)
  })

  it('list reports a search over 100 characters', async () => {
    const q = 'x'.repeat(101)
    const response = await test.app.inject({ url: `/students?q=${q}` })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /href="#q">Search must be 100 characters or fewer</)
    assert.match(response.body, new RegExp(`value="${q}"`))
  })

  for (const id of ['0x10', '1e2', '01', '1.0', '-1', '%201']) {
    it(`student id "${id}" gives 404`, async () => {
      const response = await test.app.inject({ url: `/students/${id}` })

      assert.equal(response.statusCode, 404)
    })
  }

  it('profile shows group, reasons and outcomes', async () => {
    const response = await test.app.inject({ url: `${ALFIE}?year=2030/31` })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<h1 class="govuk-heading-l">Alfie Ashworth<\/h1>/)
    assert.match(response.body, /No clear qualification pathway is recorded/)
    assert.match(response.body, /Judged on 31 August 2030/)
    const groupOne = response.body.indexOf('Group One outcomes (this student')
    const groupTwo = response.body.indexOf('Group Two outcomes')
    assert.ok(groupOne > 0, 'the page has a section for the student group')
    assert.ok(groupTwo > groupOne, 'the student group comes before the other group')
  })

  it('profile reports an invalid planning year', async () => {
    const response = await test.app.inject({ url: `${ALFIE}?year=2030` })

    assert.match(response.body, /<title>Error: /)
    assert.match(response.body, /There is a problem/)
    assert.match(response.body, /href="#year"/)
  })

  it('unknown student gives 404', async () => {
    const response = await test.app.inject({ url: '/students/9999' })

    assert.equal(response.statusCode, 404)
  })

  it('override without a reason shows the error summary', async () => {
    const response = await postForm(test.app, ALFIE, `${ALFIE}/override`, { group: 'two' })

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /<title>Error: Alfie Ashworth/)
    assert.match(response.body, /There is a problem/)
    assert.match(response.body, /<a href="#reason">Enter a reason for the override<\/a>/)
    assert.match(response.body, /id="group-2" name="group" type="radio" value="two" checked/)
  })

  it('override with neither field lists both errors', async () => {
    const response = await postForm(test.app, ALFIE, `${ALFIE}/override`, {})

    assert.match(response.body, /href="#group">Select Group One or Group Two/)
    assert.match(response.body, /href="#reason">Enter a reason/)
  })

  it('override with a reason is saved and shown', async () => {
    const fields = { group: 'two', reason: 'Taking two GCSEs from next year' }
    const response = await postForm(test.app, ALFIE, `${ALFIE}/override`, fields)

    assert.equal(response.statusCode, 303)
    const location = String(response.headers.location)
    assert.match(location, /^\/students\/1\?saved=override/)
    const page = await test.app.inject({ url: location })
    assert.match(page.body, /Group override saved/)
    assert.match(page.body, /<strong>Group Two<\/strong>/)
    assert.match(page.body, /Taking two GCSEs from next year/)
    assert.match(page.body, /Remove override/)
  })

  it('override can be removed', async () => {
    const response = await postForm(test.app, ALFIE, `${ALFIE}/override/clear`, {})

    assert.equal(response.statusCode, 303)
    const page = await test.app.inject({ url: ALFIE })
    assert.match(page.body, /<strong>Group One<\/strong>/)
    assert.doesNotMatch(page.body, /Remove override/)
  })

  it('pathway is saved and decides the group', async () => {
    const response = await postForm(test.app, ALFIE, `${ALFIE}/pathway`, { pathway: 'GCSE' })

    assert.equal(response.statusCode, 303)
    const page = await test.app.inject({ url: ALFIE })
    assert.match(page.body, /<strong>Group Two<\/strong>/)
    assert.match(page.body, /value="GCSE"/)
  })

  it('pathway too long shows an error', async () => {
    const fields = { pathway: 'x'.repeat(201) }
    const response = await postForm(test.app, ALFIE, `${ALFIE}/pathway`, fields)

    assert.equal(response.statusCode, 400)
    assert.match(response.body, /href="#pathway">Qualification pathway must be 200 characters/)
  })
})
