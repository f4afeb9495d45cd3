import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
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
    assert.match(summary, /Record it as part-time-employment/)
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
    assert.match(main, /Type: none → Further education college/)
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
    // The rejected form responds with status 400 by design, which Chromium logs as a failed load.
    const unexpected = browserErrors.filter((text) => !/status of 400/.test(text))
    assert.deepEqual(unexpected, [])
  })
})
