import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { importRegister, signInWithSecondFactor } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

describe('careers activities in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let activityPath = ''
  let browserErrors: string[] = []

  /** Returns the text of the coverage cell for a year group and benchmark. */
  async function coverageCell(yearGroup: string, benchmark: number): Promise<string> {
    const row = page.locator('#coverage ~ div table tbody tr', {
      has: page.locator('th', { hasText: new RegExp(`^${yearGroup}$`) }),
    })
    // The first two columns are the year group and the number of students; Benchmark 2 is next.
    return (
      await row
        .locator('td')
        .nth(benchmark - 1)
        .innerText()
    ).trim()
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

  it('careers leader signs in and imports', async () => {
    await page.goto(`${server.baseUrl}/activities`)
    await page.waitForURL(/\/sign-in/)
    await signInWithSecondFactor(page, server.careersLeader)
    await page.waitForURL(/\/activities$/)

    await importRegister(page, server)
  })

  it('coverage starts empty', async () => {
    await page.goto(`${server.baseUrl}/activities`)

    assert.equal(await page.locator('h1').textContent(), 'Careers activities')
    assert.match(await coverageCell('Year 10', 5), /^0 of \d+ \(0%\)$/)
    assert.match(await page.locator('#activities + p').innerText(), /No activities match/)
    await checkPage(page)
  })

  it('empty form shows the error summary', async () => {
    await page.click('a:has-text("Record an activity")')
    await page.waitForURL(/\/activities\/new$/)
    // The list of every student starts shut, so the form is short and its button is near.
    const list = page.locator('details#student-list')
    assert.equal(await list.getAttribute('open'), null)
    assert.equal(await page.locator('input[name="students"]').first().isVisible(), false)
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    assert.ok(height < 4000, `the form is ${height}px tall`)
    await checkPage(page)

    await page.click('button:has-text("Record activity")')

    await page.waitForSelector('.govuk-error-summary')
    assert.match(await page.title(), /^Error: /)
    assert.notEqual(await page.locator('details#student-list').getAttribute('open'), null)
    const summary = await page.locator('.govuk-error-summary').innerText()
    assert.match(summary, /Select the kind of activity/)
    assert.match(summary, /Enter a title for the activity/)
    assert.match(summary, /Enter the date of the activity/)
    assert.match(summary, /Select how to choose the students/)
    await checkPage(page)
  })

  it('records one activity for Year 10', async () => {
    await page.check('#kind')
    await page.fill('#title', 'Visit from the fire service')
    await page.fill('#held-on-day', '20')
    await page.fill('#held-on-month', '11')
    await page.fill('#held-on-year', '2026')
    await page.fill('#provider', 'County Fire and Rescue')
    await page.check('#chooser')
    await page.selectOption('#yearGroup', '10')
    await checkPage(page)

    // Enter in a box records the activity, as the button at the end does, not "Find students".
    await page.press('#provider', 'Enter')

    await page.waitForURL(/\/activities\/\d+\?saved=recorded$/)
    activityPath = new URL(page.url()).pathname
    const banner = await page.locator('.govuk-notification-banner--success').innerText()
    assert.match(banner, /Activity recorded for \d+ students/)
    await checkPage(page)
  })

  it('coverage shows Year 10 covered', async () => {
    await page.goto(`${server.baseUrl}/activities`)

    assert.match(await coverageCell('Year 10', 5), /^(\d+) of \1 \(100%\)$/)
    assert.match(await coverageCell('Year 11', 5), /^0 of \d+ \(0%\)$/)
    assert.equal(await page.locator('a:has-text("Visit from the fire service")').count(), 1)
    await checkPage(page)
  })

  it('activity, edit and student pages pass axe', async () => {
    await page.goto(`${server.baseUrl}${activityPath}`)
    const studentLink = page.locator('#students ~ div table tbody a').first()
    const studentPath = (await studentLink.getAttribute('href')) ?? ''
    const partPath = (await page.locator('a:has-text("Change")').nth(1).getAttribute('href')) ?? ''

    const paths = [
      `${activityPath}/edit`,
      partPath,
      `${partPath}/remove`,
      studentPath,
      '/activities?benchmark=8',
    ]
    for (const path of paths) {
      await page.goto(`${server.baseUrl}${path}`)
      assert.notEqual(await page.locator('h1').count(), 0, path)
      await checkPage(page)
    }
    await page.goto(`${server.baseUrl}${studentPath}`)
    assert.match(await page.locator('#coverage ~ table').innerText(), /Not yet covered/)
  })

  it('finds a student by name and records for them', async () => {
    await page.goto(`${server.baseUrl}/activities/new`)
    await page.click('summary:has-text("Choose students one by one")')
    const first = page.locator('details#student-list input[name="students"]').first()
    const name = (
      await page.locator(`label[for="${await first.getAttribute('id')}"]`).innerText()
    ).trim()
    const surname = name.split(' ').at(-1) ?? name
    await page.check('#kind-3')
    await page.fill('#title', 'Guidance found by name')
    await page.fill('#find', surname.toLowerCase())

    await page.click('button:has-text("Find students")')

    await page.waitForSelector('#find-result')
    assert.match(await page.locator('#filtered').innerText(), /Nothing is saved yet/)
    assert.equal(await page.inputValue('#title'), 'Guidance found by name')
    const listedNames = await page
      .locator('details#student-list label.govuk-checkboxes__label')
      .allInnerTexts()
    assert.ok(listedNames.length > 0)
    assert.ok(
      listedNames.every((text) => text.toLowerCase().includes(surname.toLowerCase())),
      listedNames.join(),
    )
    await checkPage(page)

    await page.check('#chooser-3')
    await page.locator('details#student-list input[name="students"]').first().check()
    await page.fill('#held-on-day', '21')
    await page.fill('#held-on-month', '11')
    await page.fill('#held-on-year', '2026')
    await page.click('button:has-text("Record activity")')

    await page.waitForURL(/\/activities\/\d+\?saved=recorded$/)
    assert.match(
      await page.locator('.govuk-notification-banner--success').innerText(),
      /1 student\./,
    )
    await checkPage(page)
  })

  it('student page opens the form with them ticked', async () => {
    const studentLink = page.locator('#students ~ div table tbody a').first()
    await studentLink.click()
    await page.waitForURL(/\/students\/\d+\/activities$/)
    const studentPath = new URL(page.url()).pathname
    assert.equal(
      await page.locator(`a[href="${studentPath.replace('/activities', '/plan')}"]`).count(),
      1,
    )
    await checkPage(page)

    // At 320px each row of the activities table reads as a card with its labels.
    await page.setViewportSize({ width: 320, height: 800 })
    const label = await page.evaluate(() => {
      const cell = document.querySelector('#activities ~ div td[data-label="Their reflection"]')
      return cell ? getComputedStyle(cell, '::before').content : ''
    })
    assert.match(label, /Their reflection: /)
    await checkPage(page)
    await page.setViewportSize({ width: 1280, height: 800 })

    await page.click('a:has-text("Record an activity for this student")')

    await page.waitForURL(/\/activities\/new\?school=\d+&student=\d+$/)
    assert.equal(await page.isChecked('#chooser-3'), true)
    assert.equal(
      await page.locator('details#student-list input[name="students"]:checked').count(),
      1,
    )
    assert.notEqual(await page.locator('details#student-list').getAttribute('open'), null)
    await checkPage(page)
  })

  it('planned activity is not counted yet', async () => {
    const ahead = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000)
    await page.goto(`${server.baseUrl}/activities/new`)
    await page.check('#kind-2')
    await page.fill('#title', 'Planned work experience week')
    await page.fill('#held-on-day', String(ahead.getUTCDate()))
    await page.fill('#held-on-month', String(ahead.getUTCMonth() + 1))
    await page.fill('#held-on-year', String(ahead.getUTCFullYear()))
    await page.check('#chooser')
    await page.selectOption('#yearGroup', '11')
    await page.click('button:has-text("Record activity")')
    await page.waitForURL(/\/activities\/\d+\?saved=recorded$/)
    assert.match(await page.locator('.govuk-summary-list').innerText(), /planned: not counted/)
    await checkPage(page)

    await page.goto(`${server.baseUrl}/activities`)

    assert.match(await coverageCell('Year 11', 6), /^0 of \d+ \(0%\)$/)
    const row = page.locator('#activities ~ div table tbody tr', {
      has: page.locator('a:has-text("Planned work experience week")'),
    })
    assert.match(await row.locator('td').first().innerText(), /Planned/)
    await checkPage(page)
  })

  it('activity deleted after confirming', async () => {
    await page.click('a:has-text("Planned work experience week")')
    await page.waitForURL(/\/activities\/\d+$/)
    await page.click('a:has-text("Delete the activity")')
    await page.waitForURL(/\/activities\/\d+\/delete$/)
    assert.match(await page.locator('h1').innerText(), /Delete “Planned work experience week”\?/)
    await checkPage(page)

    await page.click('button:has-text("Delete activity")')

    await page.waitForURL(/\/activities\?school=\d+&deleted=\d+$/)
    const banner = await page.locator('.govuk-notification-banner--success').innerText()
    assert.match(banner, /Activity deleted\. It was removed from the record of \d+ students?/)
    assert.equal(await page.locator('a:has-text("Planned work experience week")').count(), 0)
    await checkPage(page)
  })

  it('no page logged a browser error', () => {
    // The rejected form (400) logs its status, as every form with errors does.
    const expected = /status of 400 \(Bad Request\)/
    assert.deepEqual(
      browserErrors.filter((text) => !expected.test(text)),
      [],
    )
  })
})
