import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { currentTotpCode } from '../../src/features/accounts/totp.js'
import { checkPage, collectBrowserErrors, launchBrowser } from './browser.js'
import type { Browser } from './browser.js'
import { REGISTER } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

// The main journeys with the keyboard alone. page.goto opens the first page, and from then on the
// test only presses Tab, Shift+Tab, Enter and Space, and types. It never clicks or fills a field.
// Each element the test stops on must look different when it has focus.

/** The maximum Tab presses to reach one element, so a missing element fails fast. */
const MAX_TABS = 80

/**
 * Returns how the focused element looks different from the same element unfocused, as a list of
 * the changed style properties, or the reason no comparison was possible. Radios and checkboxes
 * in govuk-frontend hide the input and draw the focus ring on the label's ::before or ::after
 * box, so those are compared too.
 */
async function focusIndicatorChanges(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (!element || element === document.body) return ['(nothing focused)']
    const properties = [
      'outline-style',
      'outline-width',
      'outline-color',
      'box-shadow',
      'background-color',
      'border-color',
      'text-decoration-line',
      'color',
    ]
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null
    const boxes: [Element, string | null][] = [[element, null]]
    if (label) boxes.push([label, '::before'], [label, '::after'])
    // tsx wraps named functions in a helper that the page lacks, so both readings are inline.
    const focused: string[] = []
    for (const [box, pseudo] of boxes) {
      const style = getComputedStyle(box, pseudo)
      for (const property of properties)
        focused.push(`${pseudo ?? ''}${property}: ${style.getPropertyValue(property)}`)
    }
    element.blur()
    const unfocused: string[] = []
    for (const [box, pseudo] of boxes) {
      const style = getComputedStyle(box, pseudo)
      for (const property of properties)
        unfocused.push(`${pseudo ?? ''}${property}: ${style.getPropertyValue(property)}`)
    }
    element.focus()
    return focused.filter((value, index) => value !== unfocused[index])
  })
}

/** Describes the focused element for messages: tag, id and text. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement
    if (!element) return '(nothing)'
    const text = (element.textContent ?? '').trim().slice(0, 40)
    return `<${element.tagName.toLowerCase()}${element.id ? ` id="${element.id}"` : ''}> ${text}`
  })
}

describe('keyboard-only journeys in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let page: Page
  let browserErrors: string[] = []

  /**
   * Presses Tab (or Shift+Tab) until the focused element matches `selector`. Every element focus
   * lands on along the way, the target included, must look different when it has focus.
   */
  async function tabTo(selector: string, { backwards = false, text = '' } = {}) {
    for (let presses = 0; presses < MAX_TABS; presses++) {
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
      const changes = await focusIndicatorChanges(page)
      assert.ok(
        changes.length > 0,
        `${await describeFocus(page)} on ${page.url()} looks the same with and without focus`,
      )
      const matches = await page.evaluate(
        ([wanted, wantedText]) => {
          const element = document.activeElement
          if (!element?.matches(wanted)) return false
          return !wantedText || element.textContent?.trim() === wantedText
        },
        [selector, text] as const,
      )
      if (matches) return
    }
    throw new Error(`Tab never reached ${selector} on ${page.url()} in ${MAX_TABS} presses`)
  }

  /** Tabs to the form's main button (not a secondary one such as Show or Cancel) and presses Enter. */
  async function submit() {
    await tabTo('button.govuk-button:not(.govuk-button--secondary)')
    await page.keyboard.press('Enter')
  }

  async function typeInto(selector: string, text: string) {
    await tabTo(selector)
    await page.keyboard.type(text)
  }

  before(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = browser.page
    browserErrors = collectBrowserErrors(page)
  })

  after(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('skip link moves focus to the main content', async () => {
    await page.goto(`${server.baseUrl}/students`)
    await page.waitForURL(/\/sign-in\?next=%2Fstudents$/)

    await page.keyboard.press('Tab')
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent?.trim()),
      'Skip to main content',
    )
    assert.ok((await focusIndicatorChanges(page)).length > 0, 'skip link shows focus')
    assert.equal(await page.locator('.govuk-skip-link').isVisible(), true)
    await page.keyboard.press('Enter')

    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email')
  })

  it('signs in with a password and a code', async () => {
    await page.keyboard.type(server.careersLeader.email)
    await typeInto('#password', server.careersLeader.password)
    await submit()

    await page.waitForURL(/\/sign-in\/second-factor/)
    await checkPage(page)
    await typeInto('#code', currentTotpCode(server.careersLeader.totpSecret ?? ''))
    await submit()

    await page.waitForURL(/\/students$/)
    await checkPage(page)
  })

  it('imports a register', async () => {
    await tabTo('header a[href="/import"]', { backwards: true })
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/import$/)

    await tabTo('#file')
    // Space opens the file dialog, and the test sets the fixture as the chosen file.
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.keyboard.press('Space'),
    ])
    await chooser.setFiles(REGISTER)
    await submit()

    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/)
    await checkPage(page)
    await submit()
    await page.waitForURL(/\/import\/complete/)
    assert.match(await page.locator('.govuk-panel').innerText(), /35 students written/)
    await checkPage(page)
  })

  it('finds a student and opens them', async () => {
    await tabTo('header a[href="/students"]', { backwards: true })
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/students$/)

    await typeInto('#q', 'Cartwright')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/students\?.*q=Cartwright/)
    await tabTo('a[href^="/students/"]', { text: 'Caleb Cartwright' })
    await page.keyboard.press('Enter')

    await page.waitForURL(/\/students\/\d+$/)
    assert.match(await page.locator('h1').innerText(), /Caleb Cartwright/)
    await checkPage(page)
  })

  it('adds an aspiration to the plan', async () => {
    await tabTo('a[href$="/plan"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/plan$/)
    await tabTo('a[href$="/plan/aspirations/new"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/aspirations\/new$/)

    await typeInto('#words', 'I want to look after animals')
    await tabTo('input[name="gathered-how"]')
    await page.keyboard.press('Space')
    await submit()

    await page.waitForSelector('.govuk-notification-banner--success')
    assert.match(await page.locator('main').innerText(), /look after animals/)
    await checkPage(page)
  })

  it('adds an action to the plan', async () => {
    await tabTo('a[href$="/plan/actions/new"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/actions\/new$/)

    await typeInto('#what', 'Book a visit to the farm')
    await typeInto('#who', 'Careers adviser')
    await typeInto('#due-on-day', '15')
    await typeInto('#due-on-month', '1')
    await typeInto('#due-on-year', '2027')
    await submit()

    await page.waitForSelector('.govuk-notification-banner--success')
    assert.match(await page.locator('main').innerText(), /Book a visit to the farm/)
    await checkPage(page)
  })

  it('writes the My future page', async () => {
    await tabTo('a[href$="/my-future"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/my-future$/)
    await checkPage(page)
    await tabTo('#edit-link')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/my-future\/edit$/)

    await typeInto('#about-me', 'I am Caleb. I like animals.')
    await Promise.all([page.waitForNavigation(), submit()])

    await page.waitForURL(/\/my-future\?saved=1$/)
    assert.match(await page.locator('main').innerText(), /I like animals\./)
    await checkPage(page)
    await tabTo('.govuk-back-link', { backwards: true })
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/plan$/)
  })

  it('records a destination', async () => {
    await tabTo('.govuk-back-link', { backwards: true })
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/students\/\d+$/)
    await tabTo('a[href$="/destinations"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/destinations$/)
    await tabTo('a[href$="/destinations/new"]')
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/destinations\/new$/)

    // A closed select takes typed letters and picks the first option that starts with them.
    await typeInto('#type', 'Further')
    await typeInto('#start-date-day', '1')
    await typeInto('#start-date-month', '9')
    await typeInto('#start-date-year', '2027')
    await typeInto('#provider', 'Riverside College')
    await Promise.all([page.waitForNavigation(), submit()])

    assert.deepEqual(await page.locator('.govuk-error-summary').allInnerTexts(), [])
    await page.waitForURL(/\/destinations\?saved=added$/)
    const main = await page.locator('main').innerText()
    assert.match(main, /Further education college/)
    assert.match(main, /Riverside College/)
    await checkPage(page)
  })

  it('opens the menu at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 800 })
    try {
      // govuk-frontend hides the links from a media query listener, which runs after the resize.
      await page.locator('header a[href="/students"]').waitFor({ state: 'hidden', timeout: 5000 })
      await tabTo('.govuk-service-navigation__toggle', { backwards: true })
      await page.keyboard.press('Enter')

      assert.equal(await page.locator('header a[href="/students"]').isVisible(), true)
      await tabTo('header a[href="/students"]')
      await page.keyboard.press('Enter')
      await page.waitForURL(/\/students$/)
      await checkPage(page)
    } finally {
      await page.setViewportSize({ width: 1280, height: 720 })
    }
  })

  it('logs no browser errors', () => {
    assert.deepEqual(browserErrors, [])
  })
})
