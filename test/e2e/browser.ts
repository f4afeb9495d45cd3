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

export interface LaunchOptions {
  /** The viewport in CSS pixels; 1280 by 720 unless set. */
  viewport?: { width: number; height: number }
  /** Device pixels per CSS pixel; 2 makes the page lay out as a browser zoomed to 200% would. */
  deviceScaleFactor?: number
}

/** Starts Debian's Chromium on a fresh profile folder that close() deletes. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
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
    ...options,
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

/**
 * Returns the words inside elements matching `selector` that the browser broke across two lines
 * ("Cha" on one line, "nge" on the next), each with the text of its element. A word is a run of
 * characters between spaces, hyphens and slashes, where a line may break anyway, and it is broken
 * when its range has client rectangles on more than one line.
 */
export async function wordsBrokenAcrossLines(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => {
    const broken: string[] = []
    for (const element of elements) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Visually hidden text sits in a 1 px box, so its line layout is not what the user sees.
        if (node.parentElement?.closest('.govuk-visually-hidden')) continue
        const text = node.textContent ?? ''
        for (const match of text.matchAll(/[^\s/-]+/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const tops = new Set(
            Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)),
          )
          if (tops.size > 1) broken.push(`${match[0]} in "${element.textContent?.trim()}"`)
        }
      }
    }
    return broken
  })
}

/** Returns how far the page scrolls sideways: the document's scroll width and the window width. */
export async function pageWidths(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }))
}
