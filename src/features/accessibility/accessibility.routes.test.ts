import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { buildTestApp } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'
import { KNOWN_GAPS, TESTING_METHODS } from './accessibility-statement.js'

/** Returns the text as Nunjucks autoescape writes it. */
function escaped(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll("'", '&#39;')
}

describe('accessibility statement page', () => {
  let signedOut: TestApp
  let signedIn: TestApp

  before(async () => {
    signedOut = await buildTestApp({}, false, { as: null })
    signedIn = await buildTestApp({}, false, { as: 'viewer' })
  })

  after(async () => {
    await signedOut.close()
    await signedIn.close()
  })

  it('opens without signing in', async () => {
    const response = await signedOut.app.inject({ url: '/accessibility' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<h1 class="govuk-heading-l">Accessibility statement<\/h1>/)
  })

  it('opens for a signed-in user', async () => {
    const response = await signedIn.app.inject({ url: '/accessibility' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Accessibility statement/)
  })

  it('names the standard', async () => {
    const response = await signedOut.app.inject({ url: '/accessibility' })

    assert.match(response.body, /WCAG\) version 2\.2, level AA/)
  })

  it('lists every testing method', async () => {
    const response = await signedOut.app.inject({ url: '/accessibility' })

    for (const method of TESTING_METHODS) {
      assert.ok(response.body.includes(escaped(method.title)), method.title)
      assert.ok(response.body.includes(escaped(method.description)), method.title)
    }
    assert.match(response.body, /320 CSS pixels/)
    assert.match(response.body, /keyboard alone/)
  })

  it('lists the known gaps', async () => {
    const response = await signedOut.app.inject({ url: '/accessibility' })

    assert.match(response.body, /If you find another, please tell us/)
    for (const gap of KNOWN_GAPS) assert.ok(response.body.includes(escaped(gap)), gap)
  })

  it('says how to report a problem', async () => {
    const response = await signedOut.app.inject({ url: '/accessibility' })

    assert.match(response.body, /id="report-a-problem">Report a problem</)
    assert.match(response.body, /tell your school first/)
    assert.match(response.body, /issue tracker/)
  })

  it('shows the date it was prepared', async () => {
    const response = await signedOut.app.inject({ url: '/accessibility' })

    assert.match(response.body, /prepared on 4 December 2026\./)
  })
})
