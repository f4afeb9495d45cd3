import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { addPlanActivityAndDestinationRows } from '../../src/features/data-protection/data-protection.test-data.js'
import { importStudents, markLeft } from '../../src/features/work-lists/work-lists.test-data.js'
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
  let leaverId: number
  let browserErrors: string[] = []

  before(async () => {
    server = await startServer()
    const db = server.database.db
    const idOf = await importStudents(db, server.schoolId, [
      { legalSurname: 'Okafor', legalForename: 'Ada', ncYear: '11' },
      { legalSurname: 'Reyes', legalForename: 'Lola', ncYear: '13' },
    ])
    adaId = idOf('Okafor')
    await addPlanActivityAndDestinationRows(db, server.schoolId, adaId, '2026-12-01T09:00:00Z')
    // A leaver with three long open actions, whose summary must still fit one A4 page.
    leaverId = idOf('Reyes')
    await markLeft(db, leaverId, '2026-07-17')
    await addPlanActivityAndDestinationRows(db, server.schoolId, leaverId, '2026-12-01T09:00:00Z')
    const plan = await db
      .selectFrom('career_plans')
      .select('id')
      .where('student_id', '=', leaverId)
      .executeTakeFirstOrThrow()
    for (const due of ['2026-06-01', '2026-06-02', '2026-06-03']) {
      await db
        .insertInto('plan_actions')
        .values({
          plan_id: plan.id,
          school_id: server.schoolId,
          student_id: leaverId,
          created_by: 'teacher',
          created_at: '2026-12-01T09:00:00Z',
          updated_by: 'teacher',
          updated_at: '2026-12-01T09:00:00Z',
          // Near the 2,000 characters a plan's text may have.
          what: `Arrange ${'a long visit to the college with a support worker '.repeat(38)}`,
          who: 'Tutor',
          due_on: due,
          status: 'not_started',
        })
        .execute()
    }

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

  it('leaver summary with long actions prints on one page', async () => {
    await page.goto(`${server.baseUrl}/students/${leaverId}/summary`)
    assert.match(await page.locator('#summary-left').innerText(), /^Left on 17 July 2026\.$/)

    await page.emulateMedia({ media: 'print' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'screen' })

    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []
    assert.equal(pages.length, 1)
  })

  it('logs no browser errors', () => {
    assert.deepEqual(browserErrors, [])
  })
})
