import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { importRegister, signInWithSecondFactor } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

describe('glossary and accessibility statement in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let browserErrors: string[] = []

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = browser.page
    browserErrors = collectBrowserErrors(page)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('glossary opens signed out', async () => {
    await page.goto(`${server.baseUrl}/glossary`)

    assert.equal(new URL(page.url()).pathname, '/glossary')
    assert.equal(await page.locator('h1').textContent(), 'Glossary')
    assert.equal(await page.locator('#ehc-plan').textContent(), 'EHC plan')
    await checkPage(page)
  })

  it('index link moves to its entry', async () => {
    await page.click('#glossary-index a[href="#supported-internship"]')

    await page.waitForURL(/#supported-internship$/)
    assert.equal(await page.locator(':target').getAttribute('id'), 'supported-internship')
    assert.ok(await page.locator('#supported-internship').isVisible())
  })

  it('footer opens the statement signed out', async () => {
    await page.click('footer a:has-text("Accessibility statement")')

    await page.waitForURL(/\/accessibility$/)
    assert.equal(await page.locator('h1').textContent(), 'Accessibility statement')
    assert.match(await page.locator('#prepared-on').innerText(), /4 December 2026/)
    await checkPage(page)
  })

  it('both pages open signed in', async () => {
    await page.goto(`${server.baseUrl}/import`)
    await signInWithSecondFactor(page, server.careersLeader)
    await page.waitForURL(/\/import$/)
    await importRegister(page, server)

    for (const path of ['/glossary', '/accessibility']) {
      await page.goto(`${server.baseUrl}${path}`)

      assert.equal(new URL(page.url()).pathname, path)
      assert.match(await page.locator('header').innerText(), /Test careers_leader/)
      await checkPage(page)
    }
  })

  it('student page links to the glossary', async () => {
    await page.goto(`${server.baseUrl}/students`)
    await page.locator('table a[href^="/students/"]').first().click()
    await page.waitForURL(/\/students\/\d+$/)
    await checkPage(page)

    await page.click('#group-glossary a[href="/glossary#career-send-group"]')

    await page.waitForURL(/\/glossary#career-send-group$/)
    assert.equal(await page.locator(':target').textContent(), 'Career SEND group')
    await checkPage(page)
  })

  it('no page raised a script error', () => {
    assert.deepEqual(browserErrors, [])
  })
})
