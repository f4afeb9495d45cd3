import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { addPlanActivityAndDestinationRows } from '../../src/features/data-protection/data-protection.test-data.js'
import { importStudents } from '../../src/features/work-lists/work-lists.test-data.js'
import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { signInWithSecondFactor } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

describe('exports and the student summary in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let adaId: number
  let browserErrors: string[] = []

  before(async () => {
    server = await startServer()
    const db = server.database.db
    const idOf = await importStudents(db, server.schoolId, [
      { legalSurname: 'Okafor', legalForename: 'Ada', ncYear: '11' },
    ])
    adaId = idOf('Okafor')
    await addPlanActivityAndDestinationRows(db, server.schoolId, adaId, '2026-12-01T09:00:00Z')

    browser = await launchBrowser()
    page = browser.page
    browserErrors = collectBrowserErrors(page)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('careers leader opens exports from the header', async () => {
    await page.goto(`${server.baseUrl}/`)
    await signInWithSecondFactor(page, server.careersLeader)
    await page.waitForURL(`${server.baseUrl}/`)

    await page.click('header a:has-text("Exports")')

    await page.waitForURL(/\/exports$/)
    assert.equal(await page.locator('h1').textContent(), 'Export data')
    await checkPage(page)
  })

  it('downloads a csv from the page', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href="/exports/students.csv"]'),
    ])

    assert.match(download.suggestedFilename(), /^send-careers-students-\d{4}-\d{2}-\d{2}\.csv$/)
  })

  it('summary prints on one A4 page', async () => {
    await page.goto(`${server.baseUrl}/students/${adaId}`)
    await page.click('a:has-text("One-page summary")')
    await page.waitForURL(/\/summary$/)
    await checkPage(page)

    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('header').isVisible(), false)
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })

    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
    assert.equal(pages.length, 1)
  })

  it('logs no browser errors', () => {
    assert.deepEqual(browserErrors, [])
  })
})
