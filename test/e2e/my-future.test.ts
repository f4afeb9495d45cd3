import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { createPlanService } from '../../src/features/plans/plan.service.js'
import { importStudents } from '../../src/features/work-lists/work-lists.test-data.js'
import { checkPage, collectBrowserErrors, launchBrowser, pageWidths } from './browser.js'
import type { Browser } from './browser.js'
import { signInWithPassword } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

// The screenshots and the printed pages as PNG files, for a person to look at. `.tmp/` is ignored
// by git, and each run replaces the folder.
const OUTPUT = resolve('.tmp/my-future')

/** Turns a PDF into one PNG per page at 60 dots per inch with pdftoppm, returning the files. */
async function pngPagesOf(pdfPath: string): Promise<string[]> {
  try {
    execFileSync('pdftoppm', ['-png', '-r', '60', pdfPath, join(OUTPUT, 'print')])
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new Error('pdftoppm was not found: install it with `apt-get install -y poppler-utils`')
  }
  const names = await readdir(OUTPUT)
  return names.filter((name) => /^print-\d+\.png$/.test(name)).sort()
}

function textOfPdf(pdfPath: string): string {
  return execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' })
}

describe('my future in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let browserErrors: string[] = []
  let pageUrl = ''

  before(async () => {
    await rm(OUTPUT, { recursive: true, force: true })
    await mkdir(OUTPUT, { recursive: true })
    server = await startServer()

    const db = server.database.db
    const idOf = await importStudents(db, server.schoolId, [
      { legalSurname: 'Okafor', legalForename: 'Ada', ncYear: '11' },
    ])
    const adaId = idOf('Okafor')
    pageUrl = `${server.baseUrl}/students/${adaId}/my-future`
    const plans = createPlanService(db)
    const scope = { schoolIds: [server.schoolId] }
    let version = 0
    const add = async (result: ReturnType<typeof plans.addPart>) => {
      const done = await result
      assert.ok(done.ok, JSON.stringify(done))
      version = done.value.version
    }
    const aspiration = {
      words: 'I want to work with animals.',
      gatheredHow: 'own_words',
      recordedOn: '2026-11-20',
    }
    await add(plans.addPart(scope, adaId, 'aspiration', version, aspiration, 'setup'))
    const goal = { area: 'independent_living', goal: 'I will take the bus.', status: 'active' }
    await add(plans.addPart(scope, adaId, 'goal', version, goal, 'setup'))
    for (const [what, status] of [
      ['Visit the city farm.', 'not_started'],
      ['Try a day at the college.', 'in_progress'],
      ['Make a list of jobs with animals.', 'done'],
    ] as const) {
      const action = { what, who: 'Mr Cole', dueOn: '2027-02-10', status }
      await add(plans.addPart(scope, adaId, 'action', version, action, 'setup'))
    }
    const targets = await plans.setTargets(
      scope,
      adaId,
      version,
      [{ outcomeId: 'supported-internship', plannedStart: '', note: 'Staff note' }],
      'setup',
    )
    assert.ok(targets.ok)

    browser = await launchBrowser()
    page = browser.page
    browserErrors = collectBrowserErrors(page)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('staff open the page', async () => {
    await page.goto(pageUrl)
    await signInWithPassword(page, server.staff)
    await page.waitForURL(pageUrl)

    assert.equal(await page.locator('h1').innerText(), 'My future')
    const headings = await page.locator('h2').allInnerTexts()
    for (const heading of [
      'About me',
      'What I want to do',
      'My options',
      'My next steps',
      'Who helps me',
    ]) {
      assert.ok(headings.includes(heading), heading)
    }
    assert.ok(await page.locator('button[data-app-print]').isVisible())
    assert.ok(await page.locator('.app-my-future__card--wanted').first().isVisible())
    await page.screenshot({ path: join(OUTPUT, 'screen.png'), fullPage: true })
    await checkPage(page)
  })

  it('body text is large', async () => {
    const sizes = await page.$$eval('.app-idea__sentence', (sentences) =>
      sentences.map((sentence) => parseFloat(getComputedStyle(sentence).fontSize)),
    )

    assert.ok(sizes.length > 5)
    assert.ok(Math.min(...sizes) >= 19, `smallest sentence is ${Math.min(...sizes)}px`)
    const pictures = await page.locator('.app-idea svg').count()
    assert.equal(pictures, await page.locator('.app-idea').count())
  })

  it('reflows at 320 pixels wide', async () => {
    await page.setViewportSize({ width: 320, height: 800 })
    await page.reload()

    const { scrollWidth, innerWidth } = await pageWidths(page)
    await page.screenshot({ path: join(OUTPUT, 'screen-320.png'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 800 })
    assert.ok(scrollWidth <= innerWidth, `scrolls sideways: ${scrollWidth} > ${innerWidth}`)
  })

  it('form errors name the field', async () => {
    await page.goto(pageUrl)
    await page.click('#edit-link')
    await checkPage(page)

    await page.fill('#helper-1-name', 'Mr Cole')
    await page.click('button:has-text("Save choices")')

    await page.waitForSelector('.govuk-error-summary')
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter how helper 1 helps/)
    assert.match(await page.title(), /^Error: /)
    await page.screenshot({ path: join(OUTPUT, 'edit-errors.png'), fullPage: true })
    await checkPage(page)
  })

  it('staff choose what it shows', async () => {
    await page.fill('#about-me', 'I am Ada.\n\nI live with my gran and my dog.')
    await page.fill('#likes', 'I like drawing. I like the park.')
    await page.fill('#helper-1-role', 'He helps me plan my future.')
    await page.fill('#helper-2-name', 'Mrs Patel')
    await page.fill('#helper-2-role', 'She is my teacher.')
    await page.uncheck('#show-aspiration')
    await page.click('button:has-text("Save choices")')

    await page.waitForURL(/my-future\?saved=1$/)
    assert.match(await page.locator('#about-me').innerText(), /I live with my gran and my dog\./)
    assert.doesNotMatch(await page.locator('#wants').innerText(), /work with animals/)
    assert.match(await page.locator('#helpers').innerText(), /Mrs Patel\s+She is my teacher\./)
    await page.screenshot({ path: join(OUTPUT, 'screen-saved.png'), fullPage: true })
    await checkPage(page)
  })

  it('prints on A4 without the screen parts', async () => {
    await page.goto(pageUrl)
    const pdf = await page.pdf({ format: 'A4' })
    const pdfPath = join(OUTPUT, 'my-future.pdf')
    await writeFile(pdfPath, pdf)

    const pages = await pngPagesOf(pdfPath)
    const text = textOfPdf(pdfPath)

    assert.ok(pages.length >= 1, 'no printed pages')
    assert.ok(pages.length <= 8, `${pages.length} pages`)
    assert.match(text, /My future/)
    assert.match(text, /I live with my gran and my dog\./)
    for (const screenOnly of [
      'Print this page',
      'Choose what this page shows',
      'Back to',
      'Sign out',
    ]) {
      assert.ok(!text.includes(screenOnly), screenOnly)
    }
  })

  it('no script or CSP errors', () => {
    // The form with an error responds with 400 by design, which Chromium logs as a failed load.
    assert.deepEqual(
      browserErrors.filter((text) => !/status of 400 \(Bad Request\)/.test(text)),
      [],
    )
  })
})
