import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'

import type { Page } from 'playwright-core'

import { anActivityInput } from '../../src/features/activities/activity.test-data.js'
import {
  aGoal,
  anAction,
  anAspiration,
  aReview,
  aTargetChoice,
} from '../../src/features/plans/plan.test-data.js'
import type { PlanWriteResult } from '../../src/features/plans/plan.service.js'
import type { TestUser } from '../../src/web/testing/test-app.js'
import { SESSION_COOKIE } from '../../src/web/plugins/session.js'
import {
  checkPage,
  collectBrowserErrors,
  launchBrowser,
  pageWidths,
  wordsBrokenAcrossLines,
} from './browser.js'
import type { Browser } from './browser.js'
import { REGISTER } from './journeys.js'
import { startServer } from './server.js'
import type { RunningServer } from './server.js'

// Visits one real example of every HTML page the app serves, signed in as a role that may see it.
// Each page is checked at three widths for zero axe violations (WCAG 2.2 A and AA) and for no
// sideways scroll. A GET route with no row in PAGES or NOT_HTML fails the first test, so a new
// page cannot ship without these checks.

/** Ids of the records the examples show, created through the services before the visits. */
interface Seeded {
  calebId: number
  gabrielId: number
  importId: number
  previewId: string
  destinationPreviewId: string
  activityId: number
  aspirationId: number
  goalId: number
  actionId: number
  reviewId: number
  spellId: number
  organisationId: number
  passwordToken: string
}

type Visitor = 'admin' | 'staff' | 'new-senco' | 'password-only' | 'signed-out'

interface Example {
  /** What the example shows, when a route has more than one. */
  name?: string
  path: (seeded: Seeded) => string
  as: Visitor
  status?: number
}

const admin = (path: (seeded: Seeded) => string, name?: string): Example => ({
  path,
  as: 'admin',
  name,
})

/** One or more examples of every GET route that returns an HTML page. */
const PAGES: Record<string, Example[]> = {
  '/sign-in': [
    { path: () => '/sign-in', as: 'signed-out' },
    { name: 'signed out', path: () => '/sign-in?signedOut=1', as: 'signed-out' },
  ],
  '/sign-in/second-factor': [{ path: () => '/sign-in/second-factor', as: 'password-only' }],
  '/account': [admin(() => '/account')],
  '/account/multi-factor': [
    admin(() => '/account/multi-factor'),
    { name: 'set up', path: () => '/account/multi-factor', as: 'new-senco' },
  ],
  '/set-password': [
    {
      path: (seeded) => `/set-password?token=${encodeURIComponent(seeded.passwordToken)}`,
      as: 'signed-out',
    },
    {
      name: 'unknown link',
      path: () => '/set-password?token=unknown',
      as: 'signed-out',
      status: 410,
    },
  ],
  '/': [admin(() => '/')],
  '/students': [admin(() => '/students'), admin(() => '/students?q=zzzz', 'no matches')],
  '/students/:id': [admin((seeded) => `/students/${seeded.calebId}`)],
  '/outcomes': [admin(() => '/outcomes')],
  '/outcomes/:id': [admin(() => '/outcomes/apprenticeship')],
  '/need-codes': [admin(() => '/need-codes')],
  '/import': [admin(() => '/import')],
  '/import/complete/:importId': [admin((seeded) => `/import/complete/${seeded.importId}`)],
  '/import/:previewId': [admin((seeded) => `/import/${seeded.previewId}`)],
  '/students/:id/left': [admin((seeded) => `/students/${seeded.calebId}/left`)],
  '/students/:id/subject-access': [admin((seeded) => `/students/${seeded.calebId}/subject-access`)],
  '/students/:id/erase': [admin((seeded) => `/students/${seeded.calebId}/erase`)],
  '/admin/users': [admin(() => '/admin/users')],
  '/admin/users/:id': [admin(() => '/admin/users/2')],
  '/admin/audit': [admin(() => '/admin/audit')],
  '/work-lists': [admin(() => '/work-lists')],
  '/work-lists/:list': [
    admin(() => '/work-lists/reviews'),
    admin(() => '/work-lists/no-plan', 'no plan'),
    admin(() => '/work-lists/september-guarantee', 'September guarantee'),
  ],
  '/students/:id/hand-over': [admin((seeded) => `/students/${seeded.gabrielId}/hand-over`)],
  '/activities': [admin(() => '/activities')],
  '/activities/new': [admin(() => '/activities/new')],
  '/activities/:id': [admin((seeded) => `/activities/${seeded.activityId}`)],
  '/activities/:id/edit': [admin((seeded) => `/activities/${seeded.activityId}/edit`)],
  '/activities/:id/students/:studentId': [
    admin((seeded) => `/activities/${seeded.activityId}/students/${seeded.calebId}`),
  ],
  '/activities/:id/students/:studentId/remove': [
    admin((seeded) => `/activities/${seeded.activityId}/students/${seeded.calebId}/remove`),
  ],
  '/activities/:id/delete': [admin((seeded) => `/activities/${seeded.activityId}/delete`)],
  '/students/:id/activities': [admin((seeded) => `/students/${seeded.calebId}/activities`)],
  '/students/:id/plan': [admin((seeded) => `/students/${seeded.calebId}/plan`)],
  '/students/:id/plan/targets': [admin((seeded) => `/students/${seeded.calebId}/plan/targets`)],
  '/students/:id/plan/aspirations/new': [
    admin((seeded) => `/students/${seeded.calebId}/plan/aspirations/new`),
  ],
  '/students/:id/plan/aspirations/:partId': [
    admin((seeded) => `/students/${seeded.calebId}/plan/aspirations/${seeded.aspirationId}`),
  ],
  '/students/:id/plan/aspirations/:partId/remove': [
    admin((seeded) => `/students/${seeded.calebId}/plan/aspirations/${seeded.aspirationId}/remove`),
  ],
  '/students/:id/plan/goals/new': [admin((seeded) => `/students/${seeded.calebId}/plan/goals/new`)],
  '/students/:id/plan/goals/:partId': [
    admin((seeded) => `/students/${seeded.calebId}/plan/goals/${seeded.goalId}`),
  ],
  '/students/:id/plan/goals/:partId/remove': [
    admin((seeded) => `/students/${seeded.calebId}/plan/goals/${seeded.goalId}/remove`),
  ],
  '/students/:id/plan/actions/new': [
    admin((seeded) => `/students/${seeded.calebId}/plan/actions/new`),
  ],
  '/students/:id/plan/actions/:partId': [
    admin((seeded) => `/students/${seeded.calebId}/plan/actions/${seeded.actionId}`),
  ],
  '/students/:id/plan/actions/:partId/remove': [
    admin((seeded) => `/students/${seeded.calebId}/plan/actions/${seeded.actionId}/remove`),
  ],
  '/students/:id/plan/reviews/new': [
    admin((seeded) => `/students/${seeded.calebId}/plan/reviews/new`),
  ],
  '/students/:id/plan/reviews/:partId': [
    admin((seeded) => `/students/${seeded.calebId}/plan/reviews/${seeded.reviewId}`),
  ],
  '/students/:id/plan/reviews/:partId/remove': [
    admin((seeded) => `/students/${seeded.calebId}/plan/reviews/${seeded.reviewId}/remove`),
  ],
  '/students/:id/destinations': [
    admin((seeded) => `/students/${seeded.gabrielId}/destinations`),
    admin((seeded) => `/students/${seeded.calebId}/destinations`, 'none recorded'),
  ],
  '/students/:id/destinations/new': [
    admin((seeded) => `/students/${seeded.gabrielId}/destinations/new`),
  ],
  '/students/:id/destinations/:spellId/edit': [
    admin((seeded) => `/students/${seeded.gabrielId}/destinations/${seeded.spellId}/edit`),
  ],
  '/students/:id/destinations/:spellId/remove': [
    admin((seeded) => `/students/${seeded.gabrielId}/destinations/${seeded.spellId}/remove`),
  ],
  '/destinations/import': [admin(() => '/destinations/import')],
  '/destinations/import/:previewId': [
    admin((seeded) => `/destinations/import/${seeded.destinationPreviewId}`),
  ],
  '/exports': [admin(() => '/exports')],
  '/students/:id/summary': [admin((seeded) => `/students/${seeded.calebId}/summary`)],
  '/reports': [admin(() => '/reports')],
  '/reports/organisations/:id': [
    admin((seeded) => `/reports/organisations/${seeded.organisationId}`),
  ],
  // The router sends a web address it cannot parse here, and the page explains the mistake.
  '/__framework-error': [{ path: () => '/students/%E0%A4%A', as: 'admin', status: 400 }],
  '/students/:id/my-future': [
    admin((seeded) => `/students/${seeded.calebId}/my-future`),
    admin((seeded) => `/students/${seeded.gabrielId}/my-future`, 'no plan'),
  ],
  '/students/:id/my-future/edit': [admin((seeded) => `/students/${seeded.calebId}/my-future/edit`)],
  '/glossary': [
    { path: () => '/glossary', as: 'signed-out' },
    admin(() => '/glossary', 'signed in'),
  ],
  '/accessibility': [
    { path: () => '/accessibility', as: 'signed-out' },
    admin(() => '/accessibility', 'signed in'),
  ],
}

/** Error pages, which no route of their own serves. */
const ERROR_PAGES: Example[] = [
  { name: 'not found', path: () => '/no-such-page', as: 'admin', status: 404 },
  { name: 'not allowed', path: () => '/import', as: 'staff', status: 403 },
  { name: 'student not found', path: () => '/students/999999', as: 'admin', status: 404 },
]

/** Forms that, submitted empty, show an error summary and errors beside their fields. */
const EMPTY_FORMS: Example[] = [
  { name: 'sign-in', path: () => '/sign-in', as: 'signed-out', status: 400 },
  { name: 'register import', path: () => '/import', as: 'admin', status: 400 },
  { name: 'activity', path: () => '/activities/new', as: 'admin', status: 400 },
  {
    name: 'aspiration',
    path: (seeded) => `/students/${seeded.calebId}/plan/aspirations/new`,
    as: 'admin',
    status: 400,
  },
  {
    name: 'action',
    path: (seeded) => `/students/${seeded.calebId}/plan/actions/new`,
    as: 'admin',
    status: 400,
  },
  {
    name: 'review',
    path: (seeded) => `/students/${seeded.calebId}/plan/reviews/new`,
    as: 'admin',
    status: 400,
  },
  {
    name: 'destination',
    path: (seeded) => `/students/${seeded.gabrielId}/destinations/new`,
    as: 'admin',
    status: 400,
  },
]

/** GET routes that return something other than an HTML page, with what they return. */
const NOT_HTML: Record<string, string> = {
  '/health': 'JSON status for load balancers',
  '/static/*': 'CSS, scripts, fonts and images',
  '/assets/images/*': 'govuk-frontend images',
  '/static/govuk-frontend.min.js': 'the govuk-frontend script',
  '/import/:previewId/problems.csv': 'CSV of the problems in an import preview',
  '/students/:id/subject-access.json': 'JSON subject access export',
  '/students/:id/hand-over.pdf': 'PDF hand-over document',
  '/exports/:file': 'CSV or XLSX export file',
}

const SCREENSHOT_FOLDER = process.env.A11Y_SCREENSHOTS

/** Finds two students of the register fixture: Caleb (EHC plan, Year 9) and Gabriel (Year 12). */
async function findStudents(server: RunningServer) {
  const scope = { schoolIds: [server.schoolId] }
  const { students } = await server.services.students.listStudents(scope, { pageSize: 200 })
  const byName = (forename: string) => {
    const found = students.find((student) => student.legalForename === forename)
    if (!found) throw new Error(`Student ${forename} is missing from the register fixture`)
    return found
  }
  return { caleb: byName('Caleb'), gabriel: byName('Gabriel') }
}

function partOf(result: PlanWriteResult): { version: number; partId: number } {
  if (!result.ok) throw new Error(`Plan seed rejected: ${JSON.stringify(result.error)}`)
  return { version: result.value.version, partId: result.value.partId ?? 0 }
}

/** Imports the register and adds a plan with every part, an activity and destinations. */
async function seed(server: RunningServer): Promise<Seeded> {
  const { services, schoolId } = server
  const scope = { schoolIds: [schoolId] }
  const by = 'every-page test'
  const register = await readFile(REGISTER)
  const registerSource = () => ({
    fileName: 'register.csv',
    stream: Readable.from(register),
  })
  const options = { maxBytes: 1024 * 1024 }

  const first = await services.imports.previewFile(
    schoolId,
    registerSource(),
    'register.csv',
    options,
  )
  const { importId } = await services.imports.commit(first.id, scope, by)
  // A second upload of the same file stays as a preview, with every row unchanged.
  const pending = await services.imports.previewFile(
    schoolId,
    registerSource(),
    'register.csv',
    options,
  )
  const { caleb, gabriel } = await findStudents(server)

  const aspiration = partOf(
    await services.plans.addPart(scope, caleb.id, 'aspiration', 0, anAspiration(), by),
  )
  const goal = partOf(
    await services.plans.addPart(scope, caleb.id, 'goal', aspiration.version, aGoal(), by),
  )
  const action = partOf(
    await services.plans.addPart(scope, caleb.id, 'action', goal.version, anAction(), by),
  )
  const review = partOf(
    await services.plans.addPart(scope, caleb.id, 'review', action.version, aReview(), by),
  )
  const targets = await services.plans.setTargets(
    scope,
    caleb.id,
    review.version,
    [aTargetChoice()],
    by,
  )
  if (!targets.ok) throw new Error(`Target seed rejected: ${JSON.stringify(targets.error)}`)

  const activity = await services.activities.recordActivity(
    scope,
    anActivityInput(schoolId, { choice: { by: 'students', studentIds: [caleb.id, gabriel.id] } }),
    by,
  )
  if (!activity.ok) throw new Error(`Activity seed rejected: ${JSON.stringify(activity.error)}`)

  const spell = await services.destinations.addSpell(
    scope,
    gabriel.id,
    {
      intent: 'actual',
      type: 'further-education-college',
      startDate: '2025-09-03',
      provider: 'Riverside College',
      checkedOn: '2026-11-02',
    },
    by,
  )
  if (!spell.ok) throw new Error(`Destination seed rejected: ${JSON.stringify(spell.error)}`)
  const destinationCsv = [
    'UPN,Destination Type,Start Date,Provider,Intended or Actual',
    `${gabriel.upn},apprenticeship,01/10/2025,Town Garage,actual`,
    `${caleb.upn},gap-year,03/09/2025,,actual`,
  ].join('\n')
  const destinationPreview = await services.destinationImports.previewFile(
    schoolId,
    { fileName: 'destinations.csv', stream: Readable.from(Buffer.from(destinationCsv)) },
    { ...options, by },
  )

  const organisation = await services.accounts.findOrCreateOrganisation(
    'Oak Learning Trust',
    'trust',
  )
  await services.accounts.addSchoolToOrganisation(schoolId, organisation.id, by)

  return {
    calebId: caleb.id,
    gabrielId: gabriel.id,
    importId,
    previewId: pending.id,
    destinationPreviewId: destinationPreview.id,
    activityId: activity.value.id,
    aspirationId: aspiration.partId,
    goalId: goal.partId,
    actionId: action.partId,
    reviewId: review.partId,
    spellId: spell.value.id,
    organisationId: organisation.id,
    passwordToken: await services.accounts.issuePasswordLink(server.staff.id, by),
  }
}

/** The longest run of characters without a space that must fit on one line. */
const MAX_WORD_LENGTH = 40

/** The widths each page is checked at in the browser at 1 device pixel per CSS pixel. */
const WIDTHS = [
  // A desktop window, to check the page as most staff see it.
  { label: '1280', width: 1280 },
  // WCAG 1.4.10 Reflow: content fits 320 CSS px without scrolling in two directions.
  { label: '320', width: 320 },
] as const

// A 1280 px wide window zoomed to 200% lays pages out in 640 CSS px at two device pixels per CSS
// pixel, so a second browser with that viewport and scale shows what the zoomed window would.
const ZOOMED = { label: '1280-at-200-percent', width: 640, deviceScaleFactor: 2 } as const

describe('every page in a browser', () => {
  let server: RunningServer
  let browser: Browser
  let zoomed: Browser
  let page: Page
  let seeded: Seeded
  let screenshots = ''
  let browserErrors: string[] = []
  let zoomedErrors: string[] = []
  const sessionTokens = new Map<Visitor, string | null>()

  async function sessionTokenFor(user: TestUser, secondFactorPassed: boolean) {
    return server.services.accounts.createSession(user.id, secondFactorPassed)
  }

  async function visitAs(visitor: Visitor) {
    const token = sessionTokens.get(visitor)
    for (const { context } of [browser, zoomed]) {
      await context.clearCookies()
      if (token) {
        await context.addCookies([{ name: SESSION_COOKIE, value: token, url: server.baseUrl }])
      }
    }
  }

  /** Opens the path, checks its status, saves a screenshot and checks width and axe. */
  async function checkAtWidth(page: Page, example: Example, label: string, fileStem: string) {
    const path = example.path(seeded)
    const response = await page.goto(`${server.baseUrl}${path}`)

    assert.equal(response?.status(), example.status ?? 200, `${path} status`)
    assert.match(response?.headers()['content-type'] ?? '', /text\/html/, `${path} type`)
    await page.screenshot({ path: join(screenshots, `${fileStem}-${label}.png`), fullPage: true })
    // Wide tables scroll inside their own labelled region (partials/table-scroll.njk), which
    // WCAG 1.4.10 allows for data tables, so only the page itself must not scroll sideways.
    const widths = await pageWidths(page)
    assert.ok(
      widths.scrollWidth <= widths.innerWidth,
      `${path} scrolls sideways at ${label}: ${JSON.stringify(widths)}`,
    )
    // Text that reflows must still read as words, so no word may be split across two lines. A
    // longer run of characters, such as a JSON value in the subject access export, must wrap.
    const broken = (await wordsBrokenAcrossLines(page, 'main')).filter(
      (entry) => (entry.split(' in "')[0] ?? '').length <= MAX_WORD_LENGTH,
    )
    assert.deepEqual(broken, [], `${path} at ${label}`)
    await checkPage(page)
    return widths
  }

  before(async () => {
    server = await startServer()
    seeded = await seed(server)
    browser = await launchBrowser()
    page = browser.page
    zoomed = await launchBrowser({
      viewport: { width: ZOOMED.width, height: 900 },
      deviceScaleFactor: ZOOMED.deviceScaleFactor,
    })
    browserErrors = collectBrowserErrors(page)
    zoomedErrors = collectBrowserErrors(zoomed.page)
    screenshots = SCREENSHOT_FOLDER ?? (await mkdtemp(join(tmpdir(), 'send-careers-a11y-')))
    await mkdir(screenshots, { recursive: true })
    console.log(`Full-page screenshots of every page are in ${screenshots}`)

    sessionTokens.set('admin', await sessionTokenFor(server.admin, true))
    sessionTokens.set('staff', await sessionTokenFor(server.staff, true))
    sessionTokens.set('new-senco', await sessionTokenFor(server.newSenco, false))
    sessionTokens.set('password-only', await sessionTokenFor(server.careersLeader, false))
    sessionTokens.set('signed-out', null)
  })

  after(async () => {
    await browser?.close()
    await zoomed?.close()
    await server?.stop()
  })

  it('every GET route is in the table', () => {
    const registered = server.routes
      .filter((route) => route.method === 'GET')
      .map((route) => route.url)
    const listed = new Set([...Object.keys(PAGES), ...Object.keys(NOT_HTML)])

    const missing = registered.filter((url) => !listed.has(url))
    assert.deepEqual(
      missing,
      [],
      'Add an example of each new page to PAGES, or list it in NOT_HTML',
    )
    const stale = [...listed].filter((url) => !registered.includes(url))
    assert.deepEqual(stale, [], 'Remove table rows for routes the app no longer has')
  })

  const examples = [
    ...Object.entries(PAGES).flatMap(([route, list]) =>
      list.map((example) => ({ route, example })),
    ),
    ...ERROR_PAGES.map((example) => ({ route: 'error page', example })),
  ]

  for (const { route, example } of examples) {
    const title = example.name ? `${route} (${example.name})` : route

    it(`${title} passes axe and reflows`, async () => {
      await visitAs(example.as)
      const fileStem =
        `${route}${example.name ? `-${example.name}` : ''}`
          .replace(/[^a-z0-9]+/gi, '-')
          .replace(/^-|-$/g, '') || 'home'

      for (const { label, width } of WIDTHS) {
        await page.setViewportSize({ width, height: 900 })
        const widths = await checkAtWidth(page, example, label, fileStem)
        assert.equal(widths.innerWidth, width, `viewport width at ${label}`)
      }
      const widths = await checkAtWidth(zoomed.page, example, ZOOMED.label, fileStem)
      assert.equal(widths.innerWidth, ZOOMED.width, `viewport width at ${ZOOMED.label}`)
      assert.equal(
        await zoomed.page.evaluate(() => window.devicePixelRatio),
        ZOOMED.deviceScaleFactor,
      )
    })
  }

  for (const example of EMPTY_FORMS) {
    it(`${example.name} form errors pass axe and reflow`, async () => {
      await visitAs(example.as)
      const fileStem = `errors-${String(example.name).replace(/[^a-z0-9]+/gi, '-')}`

      for (const [label, browserPage] of [
        ['320', page],
        [ZOOMED.label, zoomed.page],
      ] as const) {
        if (browserPage === page) await page.setViewportSize({ width: 320, height: 900 })
        await browserPage.goto(`${server.baseUrl}${example.path(seeded)}`)
        const [response] = await Promise.all([
          browserPage.waitForNavigation(),
          browserPage.click('main form[method="post"] .govuk-button:not(.govuk-button--secondary)'),
        ])

        assert.equal(response?.status(), example.status, `${browserPage.url()} status`)
        assert.equal(await browserPage.locator('.govuk-error-summary').count(), 1)
        await browserPage.screenshot({
          path: join(screenshots, `${fileStem}-${label}.png`),
          fullPage: true,
        })
        const widths = await pageWidths(browserPage)
        assert.ok(
          widths.scrollWidth <= widths.innerWidth,
          `${browserPage.url()} scrolls sideways at ${label}: ${JSON.stringify(widths)}`,
        )
        await checkPage(browserPage)
      }
    })
  }

  it('logs no unexpected browser errors', () => {
    // The error pages respond with 400, 403, 404 and 410 by design, which Chromium logs.
    const expected = /status of (400|403|404|410) /
    assert.deepEqual(
      [...browserErrors, ...zoomedErrors].filter((text) => !expected.test(text)),
      [],
    )
  })
})
