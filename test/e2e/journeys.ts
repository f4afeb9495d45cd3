import { resolve } from 'node:path'

import type { Page } from 'playwright-core'

import { currentTotpCode } from '../../src/features/accounts/totp.js'
import type { TestUser } from '../../src/web/testing/test-app.js'
import { checkPage } from './browser.js'
import type { RunningServer } from './server.js'

export const REGISTER = resolve('test/fixtures/sims-style-register.csv')

/** Fills in the sign-in page with the user's email and password and submits it. */
export async function signInWithPassword(page: Page, user: TestUser): Promise<void> {
  await page.fill('#email', user.email)
  await page.fill('#password', user.password)
  await page.click('button:has-text("Sign in")')
}

/**
 * Signs in from the sign-in page with the user's password, then checks the second-factor page
 * and submits the current code from the user's authenticator app. The caller waits for the page
 * that follows.
 */
export async function signInWithSecondFactor(page: Page, user: TestUser): Promise<void> {
  if (!user.totpSecret) {
    throw new Error(`Test user ${user.email} has no TOTP secret. Create the user with mfa: true.`)
  }
  await signInWithPassword(page, user)
  await page.waitForURL(/\/sign-in\/second-factor/)
  await checkPage(page)
  await page.fill('#code', currentTotpCode(user.totpSecret))
  await page.click('button:has-text("Continue")')
}

/**
 * Uploads the register fixture on /import and waits for its preview. Returns the preview's path.
 * The staff journey test checks the import pages with axe, so this helper does not.
 */
export async function previewRegisterImport(page: Page, server: RunningServer): Promise<string> {
  await page.goto(`${server.baseUrl}/import`)
  await page.setInputFiles('#file', REGISTER)
  await page.click('button:has-text("Check the file")')
  await page.waitForURL(/\/import\/[0-9a-f-]{36}$/)
  return new URL(page.url()).pathname
}

/** Imports the register fixture through the /import preview and waits until it is written. */
export async function importRegister(page: Page, server: RunningServer): Promise<void> {
  await previewRegisterImport(page, server)
  await page.click('button:has-text("Confirm import")')
  await page.waitForURL(/\/import\/complete/)
}
