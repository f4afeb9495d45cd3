import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { addDays } from '../../src/domain/calendar.js'
import { todayInEngland } from '../../src/features/eligibility/reference-date.js'
import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { importRegister, signInWithSecondFactor } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

// Caleb Cartwright, the register's third row: EHC plan, Year 9, so reviews must cover the four
// Preparing for Adulthood areas.
const CALEB_PLAN = '/students/3/plan'

const [YEAR = '', MONTH = '', DAY = ''] = addDays(todayInEngland(), -1).split('-')

describe('career plan in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let browserErrors: string[] = []

  async function fillDate(id: string) {
    await page.fill(`#${id}-day`, String(Number(DAY)))
    await page.fill(`#${id}-month`, String(Number(MONTH)))
    await page.fill(`#${id}-year`, YEAR)
  }

  async function openPlanSection(link: string) {
    await page.goto(`${server.baseUrl}${CALEB_PLAN}`)
    await page.click(`a:has-text("${link}")`)
    await checkPage(page)
  }

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

  it('careers leader signs in and imports the register', async () => {
    await page.goto(`${server.baseUrl}/import`)
    await signInWithSecondFactor(page, server.careersLeader)
    await page.waitForURL(/\/import$/)

    await importRegister(page, server)
  })

  it('empty plan asks for the four areas', async () => {
    await page.goto(`${server.baseUrl}${CALEB_PLAN}`)

    assert.equal(await page.locator('h1').textContent(), 'Career plan')
    assert.match(await page.locator('#pfa-prompt').innerText(), /four Preparing for Adulthood/)
    assert.equal(await page.locator('#areas-without-goal li').count(), 4)
    await checkPage(page)
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
    await checkPage(page)
  })

  it('adds a goal', async () => {
    await openPlanSection('Add a goal')

    await page.check('#area')
    await page.fill('#goal', 'Spend a week at a city farm')
    await page.click('button:has-text("Add goal")')

    await page.waitForSelector('.govuk-notification-banner--success')
    assert.equal(await page.locator('#areas-without-goal li').count(), 3)
    await checkPage(page)
  })

  it('chooses a target outcome', async () => {
    await openPlanSection('Choose target outcomes')

    await page.selectOption('#target-1-outcome', 'supported-internship')
    await page.click('button:has-text("Save target outcomes")')

    await page.waitForSelector('.govuk-notification-banner--success')
    const target = await page.locator('.govuk-summary-card', { hasText: 'Choice 1' }).innerText()
    assert.match(target, /Supported internship/)
    assert.match(target, /Evaluated on\s+31 August \d{4}/)
    await checkPage(page)
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
    await checkPage(page)
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
    await checkPage(page)
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
    await checkPage(page)
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
      /The latest annual review \(EHC plan annual review, .*\) did not cover: Independent living/,
    )
    await checkPage(page)
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
