import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'

import type { FastifyInstance } from 'fastify'
import type { Page } from 'playwright-core'

import { openDatabase } from '../../src/db/connection.js'
import type { Database } from '../../src/db/connection.js'
import { migrateToLatest } from '../../src/db/migrate.js'
import { currentTotpCode } from '../../src/features/accounts/totp.js'
import { createServices } from '../../src/services.js'
import { buildApp } from '../../src/web/app.js'
import { createTestUser, testConfig } from '../../src/web/testing/test-app.js'
import type { TestUser } from '../../src/web/testing/test-app.js'
import { expectCsrfInEveryPostForm, expectNoAxeViolations, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'

describe('admin pages in a browser', () => {
  let folder: string
  let database: Database
  let app: FastifyInstance
  let baseUrl: string
  let admin: TestUser
  let browser: Browser
  let page: Page
  const browserErrors: string[] = []

  async function checkPage() {
    await expectNoAxeViolations(page)
    await expectCsrfInEveryPostForm(page)
  }

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'send-careers-e2e-admin-'))
    database = openDatabase(`sqlite:${join(folder, 'e2e.db')}`)
    await migrateToLatest(database.db)
    const services = createServices(database)
    app = await buildApp({ config: testConfig, services, logger: false })
    const school = await services.students.findOrCreateSchool('Oak Hill School')
    admin = await createTestUser(services, { role: 'admin', schoolId: school.id })
    await app.listen({ host: '127.0.0.1', port: 0 })
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`

    browser = await launchBrowser()
    page = browser.page
    page.on('pageerror', (error) => browserErrors.push(error.message))
  })

  after(async () => {
    await browser?.close()
    await app?.close()
    await database?.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('admin signs in with a code', async () => {
    await page.goto(`${baseUrl}/admin/users`)
    await page.fill('#email', admin.email)
    await page.fill('#password', admin.password)
    await page.click('button:has-text("Sign in")')
    await page.waitForURL(/\/sign-in\/second-factor/)
    await page.fill('#code', currentTotpCode(admin.totpSecret ?? ''))
    await page.click('button:has-text("Continue")')

    await page.waitForURL(/\/admin\/users$/)
    assert.equal(await page.locator('h1').textContent(), 'Users')
    await checkPage()
  })

  it('add form shows errors and keeps values', async () => {
    await page.fill('#email', 'not-an-email')
    await page.click('button:has-text("Add user")')

    await page.waitForSelector('.govuk-error-summary')
    assert.match(await page.title(), /^Error: /)
    assert.equal(await page.inputValue('#email'), 'not-an-email')
    await checkPage()
  })

  it('adds a user and opens their page', async () => {
    await page.fill('#email', 'new.teacher@school.test')
    await page.fill('#displayName', '<b>New</b> Teacher')
    await page.selectOption('#role', 'staff')
    await page.click('button:has-text("Add user")')

    await page.waitForSelector('#password-link')
    assert.match(await page.locator('#password-link').innerText(), /\/set-password\?token=/)
    await checkPage()

    await page.click('a:has-text("’s page")')
    await page.waitForURL(/\/admin\/users\/\d+$/)
    assert.equal(await page.locator('h1').textContent(), '<b>New</b> Teacher')
    await checkPage()
  })

  it('audit page searches and shows errors', async () => {
    await page.goto(`${baseUrl}/admin/audit`)
    await checkPage()

    await page.selectOption('#action', 'user.create')
    await page.click('button:has-text("Search")')

    await page.waitForURL(/action=user.create/)
    assert.ok((await page.locator('#results tbody tr').count()) >= 1)
    await checkPage()

    await page.goto(`${baseUrl}/admin/audit?from=2026-02-30`)
    await page.waitForSelector('.govuk-error-summary')
    await checkPage()
  })

  it('no admin page raised a script error', () => {
    assert.deepEqual(browserErrors, [])
  })
})
