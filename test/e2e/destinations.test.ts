import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import {
  checkPage,
  collectBrowserErrors,
  launchBrowser,
  pageWidths,
  wordsBrokenAcrossLines,
} from './browser.js'
import type { Browser } from './browser.js'
import { importRegister, signInWithSecondFactor } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

describe('destinations in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let destinationsUrl = ''
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

  it('signs in as a careers leader', async () => {
    await page.goto(`${server.baseUrl}/students`)
    await page.waitForURL(/\/sign-in/)
    await checkPage(page)

    await signInWithSecondFactor(page, server.careersLeader)
    await page.waitForURL(/\/students$/)
  })

  it('imports the register the students come from', async () => {
    await importRegister(page, server)

    await page.goto(`${server.baseUrl}/students`)
    await page.click('a:has-text("Gabriel Fletcher")')
    await page.waitForURL(/\/students\/\d+$/)
    destinationsUrl = `${page.url()}/destinations`
  })

  it('shows an empty destinations page', async () => {
    await page.goto(destinationsUrl)

    assert.equal(await page.locator('h1').textContent(), 'Destinations')
    assert.match(await page.locator('main').innerText(), /No actual destination is recorded/)
    await checkPage(page)
  })

  it('shows field errors for a wrong destination', async () => {
    await page.click('a:has-text("Add a destination")')
    await page.waitForURL(/\/destinations\/new$/)
    await checkPage(page)
    // The student has not left, so the form starts on Intended, and this one records where he went.
    assert.equal(await page.isChecked('input[name="intent"][value="intended"]'), true)
    await page.check('input[name="intent"][value="actual"]')

    await page.selectOption('#type', 'paid-employment')
    await page.fill('#start-date-day', '3')
    await page.fill('#start-date-month', '9')
    await page.fill('#start-date-year', '2025')
    await page.fill('#end-date-day', '1')
    await page.fill('#end-date-month', '7')
    await page.fill('#end-date-year', '2025')
    await page.fill('#hours', '10')
    await page.click('button:has-text("Save destination")')

    await page.waitForSelector('.govuk-error-summary')
    const summary = await page.locator('.govuk-error-summary').innerText()
    assert.match(summary, /End date 1 July 2025 is before the start date 3 September 2025/)
    assert.match(summary, /Record it as Employment below the paid-employment hours threshold/)
    assert.equal(await page.inputValue('#hours'), '10')
    await checkPage(page)
  })

  it('records a destination and sees it sustained', async () => {
    await page.selectOption('#type', 'further-education-college')
    await page.fill('#end-date-day', '')
    await page.fill('#end-date-month', '')
    await page.fill('#end-date-year', '')
    await page.fill('#hours', '')
    await page.fill('#provider', 'Riverside College')
    await page.click('button:has-text("Save destination")')

    await page.waitForURL(/\/destinations\?saved=added$/)
    const main = await page.locator('main').innerText()
    assert.match(main, /Destination added/)
    assert.match(main, /Further education college/)
    assert.match(main, /Riverside College/)
    assert.match(main, /Sustained destination in 2025\/26/)
    assert.match(main, /Sustained education: education in every month from October to March/)
    assert.match(main, /no consent to track destinations is recorded/)
    assert.match(main, /Type: not recorded → Further education college/)
    await checkPage(page)
  })

  it('records consent, which ends the warning', async () => {
    await page.check('#status')
    await page.fill('#consent-date-day', '1')
    await page.fill('#consent-date-month', '9')
    await page.fill('#consent-date-year', '2026')
    await page.click('button:has-text("Save consent")')

    await page.waitForURL(/saved=consent/)
    const main = await page.locator('main').innerText()
    assert.match(main, /Consent given on 1 September 2026/)
    assert.doesNotMatch(main, /no consent to track destinations is recorded/)
    await checkPage(page)
  })

  it('wide tables scroll in a region at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 800 })
    try {
      await page.goto(destinationsUrl)

      const widths = await pageWidths(page)
      assert.ok(widths.scrollWidth <= 320, JSON.stringify(widths))
      const region = page.locator('[role="region"][aria-label="Actual destinations"]')
      assert.equal(await region.getAttribute('tabindex'), '0')
      assert.match(await region.innerText(), /Riverside College/)
      assert.equal(await page.locator('#actual-destinations table').count(), 1)
      const hint = page.locator(
        '.app-table-scroll:has(#actual-destinations) .app-table-scroll__hint',
      )
      assert.equal(await hint.isVisible(), true)
      assert.deepEqual(await wordsBrokenAcrossLines(page, '.govuk-table__cell'), [])
      await region.focus()
      await checkPage(page)
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 })
    }
  })

  it('tables fit unbroken at desktop width', async () => {
    await page.goto(destinationsUrl)

    assert.deepEqual(await wordsBrokenAcrossLines(page, '.govuk-table__cell'), [])
    // The hint shows only on a table that overflows its box.
    const months = page.locator('.app-table-scroll:has(#sustained-months) .app-table-scroll__hint')
    assert.equal(await months.isVisible(), false)
    const spells = page.locator('#actual-destinations')
    const overflows = await spells.evaluate((box) => box.scrollWidth > box.clientWidth)
    const hint = page.locator('.app-table-scroll:has(#actual-destinations) .app-table-scroll__hint')
    assert.equal(await hint.isVisible(), overflows)
    await checkPage(page)
  })

  it('logs no unexpected browser errors', () => {
    // The rejected form responds with status 400 by design, which Chromium logs as a failed load.
    const unexpected = browserErrors.filter((text) => !/status of 400/.test(text))
    assert.deepEqual(unexpected, [])
  })
})
