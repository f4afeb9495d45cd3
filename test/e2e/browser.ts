import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { AxeBuilder } from '@axe-core/playwright'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export interface Browser {
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

/** Starts Debian's Chromium on a fresh profile folder that close() deletes. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`,
    )
  }
  const profile = await mkdtemp(join(tmpdir(), 'send-careers-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  })
  const page = context.pages()[0] ?? (await context.newPage())

  async function close() {
    await context.close()
    await rm(profile, { recursive: true, force: true })
  }
  return { context, page, close }
}

/** Runs axe on the page and throws, listing every violation, unless there are none. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze()
  if (results.violations.length === 0) return

  const lines = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n')
    return `${violation.id}: ${violation.help}\n${targets}`
  })
  console.error(lines.join('\n'))
  throw new Error(
    `axe found ${results.violations.length} violations on ${page.url()}:\n${lines.join('\n')}`,
  )
}

/** Throws unless every POST form on the page carries a non-empty CSRF token field. */
export async function expectCsrfInEveryPostForm(page: Page): Promise<void> {
  const missing = await page.$$eval('form[method="post"]', (forms) =>
    forms
      .filter((form) => !form.querySelector<HTMLInputElement>('input[name="_csrf"]')?.value)
      .map((form) => form.getAttribute('action') ?? '(no action)'),
  )
  if (missing.length > 0) {
    throw new Error(`Forms without a CSRF token on ${page.url()}: ${missing.join(', ')}`)
  }
}

/**
 * Checks the page with axe and checks that every POST form on it carries a CSRF token. The e2e
 * tests call it on each page they visit before they move on.
 */
export async function checkPage(page: Page): Promise<void> {
  await expectNoAxeViolations(page)
  await expectCsrfInEveryPostForm(page)
}

/**
 * Starts recording the text of every uncaught script error on the page and, unless
 * `includeConsole` is false, every console error, which includes CSP violations and failed loads.
 * Returns the list that later errors are pushed to.
 */
export function collectBrowserErrors(page: Page, { includeConsole = true } = {}): string[] {
  const errors: string[] = []
  if (includeConsole) {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text())
    })
  }
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}
