import assert from 'node:assert/strict'
import { mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { currentTotpCode } from '../../src/features/accounts/totp.js'
import {
  previewRegisterImport,
  REGISTER,
  signInWithPassword,
  signInWithSecondFactor,
} from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

const SCREENSHOTS = join(tmpdir(), 'send-careers-screenshots')

describe('staff journey in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let browserErrors: string[] = []

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = browser.page
    // A CSP violation or a script error shows in the console, so the journey fails on either.
    browserErrors = collectBrowserErrors(page)
    await mkdir(SCREENSHOTS, { recursive: true })
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('asks for a password, then a code from the app', async () => {
    await page.goto(`${server.baseUrl}/students`)
    await page.waitForURL(/\/sign-in\?next=%2Fstudents$/)
    await checkPage(page)

    await signInWithPassword(page, { ...server.careersLeader, password: 'not the password at all' })
    await page.waitForSelector('.govuk-error-summary')
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter a correct email/)
    await checkPage(page)

    await signInWithSecondFactor(page, server.careersLeader)

    await page.waitForURL(/\/students$/)
    assert.match(await page.locator('header').innerText(), /Test careers_leader/)
    await checkPage(page)
  })

  it('start page links the journeys', async () => {
    await page.goto(`${server.baseUrl}/`)

    assert.equal(await page.locator('h1').textContent(), 'Plan careers for students with SEND')
    await checkPage(page)
  })

  it('imports the register through the preview', async () => {
    await page.goto(`${server.baseUrl}/import`)
    await checkPage(page)

    await page.setInputFiles('#file', REGISTER)
    await page.click('button:has-text("Check the file")')

    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/)
    const rejectedValue = page.locator('td', { hasText: /^"31\/09\/2013"$/ })
    assert.equal(await rejectedValue.count(), 1)
    await page.screenshot({ path: join(SCREENSHOTS, 'import-preview.png'), fullPage: true })
    await checkPage(page)

    await page.click('button:has-text("Confirm import")')
    await page.waitForURL(/\/import\/complete/)
    assert.match(await page.locator('.govuk-panel').innerText(), /35 students written/)
    await checkPage(page)
  })

  it('lists students and opens one', async () => {
    await page.goto(`${server.baseUrl}/students`)
    await checkPage(page)

    await page.click('a:has-text("Alfie Ashworth")')

    await page.waitForURL(/\/students\/\d+$/)
    assert.match(
      await page.locator('#career-send-group ~ h3 + p').innerText(),
      /No clear qualification pathway/,
    )
    assert.equal(await page.locator('h3:has-text("Group One outcomes")').count(), 1)
    assert.ok((await page.locator('.govuk-summary-list .govuk-tag').count()) >= 16)
    await page.screenshot({ path: join(SCREENSHOTS, 'student.png'), fullPage: true })
    await checkPage(page)
  })

  it('override without a reason shows the error summary', async () => {
    await page.check('#group-2')
    await page.click('button:has-text("Save override")')

    await page.waitForSelector('.govuk-error-summary')
    assert.match(await page.title(), /^Error: /)
    assert.equal(await page.locator('.govuk-error-summary a[href="#reason"]').count(), 1)
    assert.equal(await page.isChecked('#group-2'), true)
    await checkPage(page)
  })

  it('override with a reason is saved', async () => {
    await page.fill('#reason', 'Moving to a GCSE timetable in September')
    await page.click('button:has-text("Save override")')

    await page.waitForSelector('.govuk-notification-banner--success')
    assert.match(await page.locator('#career-send-group + p').innerText(), /Group Two/)
    await checkPage(page)
  })

  it('other pages and empty states pass axe', async () => {
    const paths = [
      '/outcomes',
      '/outcomes/apprenticeship',
      '/need-codes',
      '/students?q=zzzz',
      '/account',
    ]
    for (const path of [...paths, '/no-such-page']) {
      await page.goto(`${server.baseUrl}${path}`)
      await checkPage(page)
    }
  })

  it('pages fit and pass axe at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 640 })
    try {
      const previewPath = await previewRegisterImport(page, server)

      const pages: [string, string][] = [
        ['students-320.png', '/students'],
        ['student-320.png', '/students/1'],
        ['import-preview-320.png', previewPath],
      ]
      for (const [screenshot, path] of pages) {
        await page.goto(`${server.baseUrl}${path}`)
        await page.screenshot({ path: join(SCREENSHOTS, screenshot), fullPage: true })
        const overflow = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }))

        assert.ok(
          overflow.scrollWidth <= overflow.innerWidth,
          `${path}: ${JSON.stringify(overflow)}`,
        )
        await checkPage(page)
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 })
    }
  })

  it('staff see students but not the import page', async () => {
    await page.click('button:has-text("Sign out")')
    await page.waitForURL(/\/sign-in\?signedOut=1$/)
    await checkPage(page)

    await signInWithPassword(page, server.staff)
    await page.waitForURL(/\/$/)
    assert.equal(await page.locator('header a[href="/import"]').count(), 0)
    await page.goto(`${server.baseUrl}/import`)

    assert.equal(await page.locator('h1').textContent(), 'Page not available')
    await checkPage(page)
  })

  it('a new SENCO sets up the authenticator app first', async () => {
    await page.click('button:has-text("Sign out")')
    await signInWithPassword(page, server.newSenco)
    await page.waitForURL(/\/account\/multi-factor$/)
    await checkPage(page)

    const secret = ((await page.locator('#secret').textContent()) ?? '').replace(/\s+/g, '')
    await page.fill('#code', currentTotpCode(secret))
    await page.click('button:has-text("Turn on multi-factor sign-in")')

    await page.waitForSelector('#recovery-codes')
    assert.equal(await page.locator('#recovery-codes li').count(), 10)
    await checkPage(page)
    await page.goto(`${server.baseUrl}/students`)
    assert.equal(await page.locator('h1').textContent(), 'Students')
  })

  it('no page logged a browser error', () => {
    // Forms with errors (400), the missing page (404) and the denied one (403) log their status.
    const expected = /status of (400 \(Bad Request\)|403 \(Forbidden\)|404 \(Not Found\))/
    const unexpected = browserErrors.filter((text) => !expected.test(text))
    assert.deepEqual(unexpected, [])
  })
})
