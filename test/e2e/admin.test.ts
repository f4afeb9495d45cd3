import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { signInWithSecondFactor } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

describe('admin pages in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let browserErrors: string[] = []

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = browser.page
    browserErrors = collectBrowserErrors(page, { includeConsole: false })
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('admin signs in with a code', async () => {
    await page.goto(`${server.baseUrl}/admin/users`)
    await signInWithSecondFactor(page, server.admin)

    await page.waitForURL(/\/admin\/users$/)
    assert.equal(await page.locator('h1').textContent(), 'Users')
    await checkPage(page)
  })

  it('add form shows errors and keeps values', async () => {
    await page.fill('#email', 'not-an-email')
    await page.click('button:has-text("Add user")')

    await page.waitForSelector('.govuk-error-summary')
    assert.match(await page.title(), /^Error: /)
    assert.equal(await page.inputValue('#email'), 'not-an-email')
    await checkPage(page)
  })

  it('adds a user and opens their page', async () => {
    await page.fill('#email', 'new.teacher@school.test')
    await page.fill('#displayName', '<b>New</b> Teacher')
    await page.selectOption('#role', 'staff')
    await page.click('button:has-text("Add user")')

    await page.waitForSelector('#password-link')
    assert.match(await page.locator('#password-link').innerText(), /\/set-password\?token=/)
    await checkPage(page)

    await page.click('a:has-text("’s page")')
    await page.waitForURL(/\/admin\/users\/\d+$/)
    assert.equal(await page.locator('h1').textContent(), '<b>New</b> Teacher')
    await checkPage(page)
  })

  it('audit page searches and shows errors', async () => {
    await page.goto(`${server.baseUrl}/admin/audit`)
    await checkPage(page)

    await page.selectOption('#action', 'user.create')
    await page.click('button:has-text("Search")')

    await page.waitForURL(/action=user.create/)
    assert.ok((await page.locator('#results tbody tr').count()) >= 1)
    await checkPage(page)

    await page.goto(`${server.baseUrl}/admin/audit?from=2026-02-30`)
    await page.waitForSelector('.govuk-error-summary')
    await checkPage(page)
  })

  it('no admin page raised a script error', () => {
    assert.deepEqual(browserErrors, [])
  })
})
