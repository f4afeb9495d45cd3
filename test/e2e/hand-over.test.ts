import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { addPlanActivityAndDestinationRows } from '../../src/features/data-protection/data-protection.test-data.js'
import {
  addPlan,
  addReview,
  importStudents,
} from '../../src/features/work-lists/work-lists.test-data.js'
import {
  checkPage,
  collectBrowserErrors,
  launchBrowser,
  pageWidths,
  wordsBrokenAcrossLines,
} from './browser.js'
import type { Browser } from './browser.js'
import { signInWithSecondFactor } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

describe('work lists and hand-over pack in a browser', () => {
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
      { legalSurname: 'Quill', legalForename: 'Quinn', ncYear: '10' },
      { legalSurname: 'Nash', legalForename: 'Noor', ncYear: '9' },
    ])
    adaId = idOf('Okafor')
    await addPlanActivityAndDestinationRows(db, server.schoolId, adaId, '2026-12-01T09:00:00Z')
    const quinnPlan = await addPlan(db, server.schoolId, idOf('Quill'))
    await addReview(db, quinnPlan, { heldOn: '2025-01-10', nextReviewOn: '2025-07-01' })

    browser = await launchBrowser()
    page = browser.page
    browserErrors = collectBrowserErrors(page)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('careers leader signs in and opens the work lists', async () => {
    await page.goto(`${server.baseUrl}/work-lists`)
    await page.waitForURL(/\/sign-in\?next=%2Fwork-lists$/)
    await checkPage(page)
    await signInWithSecondFactor(page, server.careersLeader)

    await page.waitForURL(/\/work-lists$/)
    assert.equal(await page.locator('h1').textContent(), 'Work lists')
    assert.match(
      await page.locator('#work-lists').innerText(),
      /Students with no plan \(1 student\)/,
    )
    await checkPage(page)
  })

  it('opens a list and follows a student link', async () => {
    await page.click('a:has-text("Reviews due or overdue")')

    await page.waitForURL(/\/work-lists\/reviews$/)
    const table = await page.locator('table').innerText()
    assert.match(table, /Quinn Quill/)
    assert.match(table, /was due on 1 July 2025/)
    await checkPage(page)

    await page.click('a:has-text("Quinn Quill")')
    await page.waitForURL(/\/students\/\d+\/plan$/)
    await checkPage(page)
  })

  it('list and hand-over fit at 320 px with whole words', async () => {
    await page.setViewportSize({ width: 320, height: 800 })
    try {
      for (const path of ['/work-lists/reviews', `/students/${adaId}/hand-over`]) {
        await page.goto(`${server.baseUrl}${path}`)

        const widths = await pageWidths(page)
        assert.ok(widths.scrollWidth <= 320, `${path}: ${JSON.stringify(widths)}`)
        assert.ok((await page.locator('.app-table-scroll__region[role="region"]').count()) > 0)
        assert.deepEqual(await wordsBrokenAcrossLines(page, '.govuk-table__cell'), [], path)
        await checkPage(page)
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 })
    }
  })

  it('list cells keep whole words at desktop width', async () => {
    for (const path of ['/work-lists/reviews', `/students/${adaId}/hand-over`]) {
      await page.goto(`${server.baseUrl}${path}`)

      assert.deepEqual(await wordsBrokenAcrossLines(page, '.govuk-table__cell'), [], path)
    }
  })

  it('an empty list says so', async () => {
    await page.goto(`${server.baseUrl}/work-lists/destinations-unknown`)

    assert.match(await page.locator('#empty-list').innerText(), /Every leaver/)
    await checkPage(page)
  })

  it('opens the hand-over page, which prints without navigation', async () => {
    await page.goto(`${server.baseUrl}/students/${adaId}/hand-over`)

    assert.equal(await page.locator('h1').textContent(), 'Hand-over pack: Ada Okafor')
    assert.match(await page.locator('#adjustments').innerText(), /Visual timetable/)
    await checkPage(page)

    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('header').isVisible(), false)
    assert.equal(await page.locator('a:has-text("Download as PDF")').isVisible(), false)
    assert.equal(await page.locator('h1').isVisible(), true)
    await page.emulateMedia({ media: 'screen' })
  })

  it('downloads the PDF from the page', async () => {
    const response = await page.request.get(`${server.baseUrl}/students/${adaId}/hand-over.pdf`)

    assert.equal(response.status(), 200)
    assert.equal(response.headers()['content-type'], 'application/pdf')
    assert.ok((await response.body()).subarray(0, 5).equals(Buffer.from('%PDF-')))
  })

  it('logs no browser errors', () => {
    assert.deepEqual(browserErrors, [])
  })
})
