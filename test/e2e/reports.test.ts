import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import {
  addSpell,
  importStudents,
  markLeft,
} from '../../src/features/work-lists/work-lists.test-data.js'
import { createServices } from '../../src/services.js'
import { createTestUser } from '../../src/web/testing/test-app.js'
import type { TestUser } from '../../src/web/testing/test-app.js'
import { checkPage, collectBrowserErrors, launchBrowser, pageWidths } from './browser.js'
import type { Browser } from './browser.js'
import { signInWithPassword } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

/** Reads back the text of a PDF printed by Chromium, with pdftotext from poppler-utils. */
function textOfPdf(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, encoding: 'utf8' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new Error('pdftotext was not found: install it with `apt-get install -y poppler-utils`')
  }
}

// Eight students left in July 2025: six went to college and two have no recorded destination.
const LEAVERS = ['Abbot', 'Birch', 'Carver', 'Dunn', 'Elder', 'Fenn', 'Garth', 'Hale']

describe('cohort reports in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let viewer: TestUser
  let browserErrors: string[] = []

  before(async () => {
    server = await startServer()
    const db = server.database.db
    const idOf = await importStudents(db, server.schoolId, [
      ...LEAVERS.map((legalSurname) => ({ legalSurname, ncYear: '11' })),
      ...Array.from({ length: 6 }, (_, index) => ({
        legalSurname: `Current${index}`,
        ncYear: '10',
      })),
    ])
    for (const surname of LEAVERS) await markLeft(db, idOf(surname), '2025-07-18')
    for (const surname of LEAVERS.slice(0, 6)) {
      await addSpell(db, server.schoolId, idOf(surname), {
        intent: 'actual',
        type: 'further-education-college',
        startDate: '2025-09-01',
      })
    }
    viewer = await createTestUser(createServices(server.database), {
      role: 'viewer',
      schoolId: server.schoolId,
      email: 'viewer@school.test',
    })
    browser = await launchBrowser()
    page = browser.page
    browserErrors = collectBrowserErrors(page)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('staff open the dashboard from the header', async () => {
    await page.goto(`${server.baseUrl}/`)
    await page.waitForURL(/\/sign-in/)
    await signInWithPassword(page, server.staff)
    await page.waitForURL(`${server.baseUrl}/`)
    await page.click('header a:has-text("Reports")')
    await page.waitForURL(/\/reports$/)

    assert.equal(await page.locator('h1').textContent(), 'Cohort report: Oak Hill School')
    await checkPage(page)
  })

  it('year form shows the chosen year', async () => {
    await page.selectOption('#year', '2024/25')
    await page.click('button:has-text("Show report")')
    await page.waitForURL(/year=2024%2F25/)

    assert.match(
      await page.locator('#summary').innerText(),
      /Of 8 students who left in 2024\/25, 75\.0%/,
    )
    const headline = page.locator('#headline-table tbody tr').first()
    assert.match(await headline.innerText(), /Positive career outcome\s+75\.0%/)
    assert.match(
      await page.locator('#chart-headline figcaption').innerText(),
      /^Headline figures: this year, last year and England\n/,
    )
    assert.equal(await page.locator('#chart-headline svg[role="img"]').count(), 1)
    assert.equal(await page.locator('[data-chart-error]').count(), 0)
    await checkPage(page)
  })

  it('dashboard prints every column', async () => {
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('form[method="get"]').isVisible(), false)
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })

    const text = textOfPdf(pdf)
    assert.match(text, /Benchmark 8/)
    assert.doesNotMatch(text, /Scroll sideways/)
    assert.doesNotMatch(text, /Show report/)
  })

  it('dashboard fits a narrow screen', async () => {
    await page.setViewportSize({ width: 320, height: 800 })
    await page.reload()
    const { scrollWidth, innerWidth } = await pageWidths(page)
    assert.ok(
      scrollWidth <= innerWidth,
      `the page scrolls sideways: ${scrollWidth} > ${innerWidth}`,
    )
    await checkPage(page)
    await page.setViewportSize({ width: 1024, height: 800 })
  })

  it('viewer sees withheld figures', async () => {
    await page.click('button:has-text("Sign out")')
    await page.goto(`${server.baseUrl}/reports?year=2024/25`)
    await page.waitForURL(/\/sign-in/)
    await signInWithPassword(page, viewer)
    await page.waitForURL(/\/reports/)

    assert.match(await page.locator('#suppression-note').innerText(), /fewer than 5/)
    const body = await page.locator('main').innerText()
    for (const surname of LEAVERS) assert.doesNotMatch(body, new RegExp(surname), surname)
    assert.equal(await page.locator('main a[href^="/students"]').count(), 0)
    await checkPage(page)
    assert.deepEqual(browserErrors, [])
  })
})
