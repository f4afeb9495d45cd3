import assert from 'node:assert/strict'
import { resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { addDays } from '../../src/domain/calendar.js'
import { currentTotpCode } from '../../src/features/accounts/totp.js'
import { todayInEngland } from '../../src/features/eligibility/reference-date.js'
import type { TestUser } from '../../src/web/testing/test-app.js'
import { expectCsrfInEveryPostForm, expectNoAxeViolations, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

const REGISTER = resolve('test/fixtures/sims-style-register.csv')
// Caleb Cartwright, the register's third row: EHC plan, Year 9, so reviews must cover the four
// Preparing for Adulthood areas.
const CALEB_PLAN = '/students/3/plan'

const [YEAR = '', MONTH = '', DAY = ''] = addDays(todayInEngland(), -1).split('-')

describe('career plan in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  const browserErrors: string[] = []

  // Every page visited is checked with axe and for CSRF tokens before the journey moves on.
  async function checkPage() {
    await expectNoAxeViolations(page)
    await expectCsrfInEveryPostForm(page)
  }

  async function signInWithPassword(user: TestUser) {
    await page.fill('#email', user.email)
    await page.fill('#password', user.password)
    await page.click('button:has-text("Sign in")')
  }

  async function fillDate(id: string) {
    await page.fill(`#${id}-day`, String(Number(DAY)))
    await page.fill(`#${id}-month`, String(Number(MONTH)))
    await page.fill(`#${id}-year`, YEAR)
  }

  async function openPlanSection(link: string) {
    await page.goto(`${server.baseUrl}${CALEB_PLAN}`)
    await page.click(`a:has-text("${link}")`)
    await checkPage()
  }

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = browser.page
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text())
    })
    page.on('pageerror', (error) => browserErrors.push(error.message))
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('careers leader signs in and imports the register', async () => {
    await page.goto(`${server.baseUrl}/import`)
    await signInWithPassword(server.careersLeader)
    await page.waitForURL(/\/sign-in\/second-factor/)
    await page.fill('#code', currentTotpCode(server.careersLeader.totpSecret ?? ''))
    await page.click('button:has-text("Continue")')
    await page.waitForURL(/\/import$/)

    await page.setInputFiles('#file', REGISTER)
    await page.click('button:has-text("Check the file")')
    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/)
    await page.click('button:has-text("Confirm import")')
    await page.waitForURL(/\/import\/complete/)
  })

  it('empty plan asks for the four areas', async () => {
    await page.goto(`${server.baseUrl}${CALEB_PLAN}`)

    assert.equal(await page.locator('h1').textContent(), 'Career plan')
    assert.match(await page.locator('#pfa-prompt').innerText(), /four Preparing for Adulthood/)
    assert.equal(await page.locator('#areas-without-goal li').count(), 4)
    await checkPage()
  })

  it('adds an aspiration', async () => {
    await openPlanSection('Add an aspiration')

    await page.fill('#words', 'I want to look after animals')
    await page.check('#gathered-how-3')
    await page.click('button:has-text("Add aspiration")')

    await page.waitForSelector('.govuk-notification-banner--success')
    assert.match(
      await page.locator('#aspirations ~ .govuk-summary-card').first().innerText(),
      /look after animals[\s\S]*symbols/,
    )
    await checkPage()
  })

  it('adds a goal', async () => {
    await openPlanSection('Add a goal')

    await page.check('#area')
    await page.fill('#goal', 'Spend a week at a city farm')
    await page.click('button:has-text("Add goal")')

    await page.waitForSelector('.govuk-notification-banner--success')
    assert.equal(await page.locator('#areas-without-goal li').count(), 3)
    await checkPage()
  })

  it('chooses a target outcome', async () => {
    await openPlanSection('Choose target outcomes')

    await page.selectOption('#target-1-outcome', 'supported-internship')
    await page.click('button:has-text("Save target outcomes")')

    await page.waitForSelector('.govuk-notification-banner--success')
    const target = await page.locator('.govuk-summary-card', { hasText: 'Choice 1' }).innerText()
    assert.match(target, /Supported internship/)
    assert.match(target, /Evaluated on\s+31 August \d{4}/)
    await checkPage()
  })

  it('adds an action', async () => {
    await openPlanSection('Add an action')

    await page.fill('#what', 'Book a visit to the farm')
    await page.fill('#who', 'Careers adviser')
    await fillDate('due-on')
    await page.click('button:has-text("Add action")')

    await page.waitForSelector('.govuk-notification-banner--success')
    assert.match(
      await page.locator('.govuk-summary-card', { hasText: 'Action 1' }).innerText(),
      /Overdue/,
    )
    await checkPage()
  })

  it('annual review without areas shows the error', async () => {
    await openPlanSection('Add a review')
    assert.match(await page.locator('#pfa-prompt').innerText(), /tick each area it covered/)

    await fillDate('held-on')
    await page.check('#kind')
    await page.fill('#participants', 'Caleb, his father, the SENCO')
    await page.fill('#summary', 'Caleb wants to work with animals')
    await page.click('button:has-text("Add review")')

    await page.waitForSelector('.govuk-error-summary')
    assert.match(await page.title(), /^Error: /)
    assert.equal(await page.locator('.govuk-error-summary a[href="#pfa-areas"]').count(), 1)
    assert.equal(await page.inputValue('#summary'), 'Caleb wants to work with animals')
    await checkPage()
  })

  it('annual review with two areas needs a reason', async () => {
    await page.check('#pfa-areas')
    await page.check('#pfa-areas-4')
    await page.click('button:has-text("Add review")')

    await page.waitForSelector('.govuk-error-summary')
    assert.match(
      await page.locator('.govuk-error-summary').innerText(),
      /does not cover: Independent living; Friends, relationships and community\./,
    )
    assert.equal(await page.isChecked('#pfa-areas-4'), true)
    await checkPage()
  })

  it('annual review with a reason is saved', async () => {
    await page.fill('#pfa-reason', 'Not covered: friends and community, because Caleb was tired')
    await page.click('button:has-text("Add review")')

    await page.waitForSelector('.govuk-notification-banner--success')
    const review = await page
      .locator('.govuk-summary-card', { hasText: 'EHC plan annual review' })
      .innerText()
    assert.match(review, /Employment and higher education[\s\S]*Good health/)
    assert.match(review, /This review did not cover: Independent living; Friends/)
    assert.match(review, /because Caleb was tired/)
    assert.match(
      await page.locator('#latest-review-missed').innerText(),
      /The latest review \(EHC plan annual review, .*\) did not cover: Independent living/,
    )
    await checkPage()
  })

  it('no page logged a browser error', () => {
    // The review form with an error answers 400, which the browser logs.
    const expected = /status of 400 \(Bad Request\)/
    assert.deepEqual(
      browserErrors.filter((text) => !expected.test(text)),
      [],
    )
  })
})
