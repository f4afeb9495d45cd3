import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import { GLOSSARY_TERMS } from '../../domain/glossary.js'
import { buildTestApp } from '../../web/testing/test-app.js'
import type { TestApp } from '../../web/testing/test-app.js'

function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? '')
}

function fragmentLinksOf(html: string): string[] {
  return [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1] ?? '')
}

describe('glossary page', () => {
  let signedOut: TestApp
  let signedIn: TestApp

  before(async () => {
    signedOut = await buildTestApp({}, false, { as: null })
    signedIn = await buildTestApp({}, false, { as: 'staff' })
  })

  after(async () => {
    await signedOut.close()
    await signedIn.close()
  })

  it('opens without signing in', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /<h1 class="govuk-heading-l">Glossary<\/h1>/)
    assert.match(response.body, /<title>Glossary – send-careers<\/title>/)
  })

  it('opens for a signed-in user with the menu', async () => {
    const response = await signedIn.app.inject({ url: '/glossary' })

    assert.equal(response.statusCode, 200)
    assert.match(response.body, /href="\/students"/)
  })

  it('has an anchor for every term, once', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })
    const ids = idsOf(response.body)

    for (const entry of GLOSSARY_TERMS) {
      assert.equal(ids.filter((id) => id === entry.id).length, 1, entry.id)
    }
    assert.equal(new Set(ids).size, ids.length, 'an id is repeated on the page')
  })

  it('index links every term', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })
    const index = /<ul class="govuk-list" id="glossary-index">([\s\S]*?)<\/ul>/.exec(response.body)
    const indexLinks = fragmentLinksOf(index?.[1] ?? '')

    for (const entry of GLOSSARY_TERMS) assert.ok(indexLinks.includes(entry.id), entry.id)
  })

  it('every fragment link has a target', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })
    const ids = new Set(idsOf(response.body))

    const broken = fragmentLinksOf(response.body).filter((target) => !ids.has(target))

    assert.deepEqual(broken, [])
  })

  it('lists terms A to Z', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })
    const letters = [...response.body.matchAll(/id="letter-([a-z])">/g)].map((match) => match[1])

    assert.deepEqual(letters, [...letters].sort())
    assert.ok(letters.length > 10)
  })

  it('shows ampersands and need codes', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })

    assert.match(response.body, /Careers &amp; Enterprise Company/)
    assert.match(response.body, /SLD: Severe Learning Difficulty/)
  })

  it('shows no stored data', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })

    assert.doesNotMatch(response.body, /Oak Hill School/)
  })

  it('footer links the glossary and the statement', async () => {
    const response = await signedOut.app.inject({ url: '/glossary' })

    assert.match(response.body, /<a class="govuk-footer__link" href="\/glossary">Glossary<\/a>/)
    assert.match(
      response.body,
      /<a class="govuk-footer__link" href="\/accessibility">Accessibility statement<\/a>/,
    )
  })
})
