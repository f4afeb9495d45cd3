// Loads a page of sample charts from the real app, with its CSP and styles, in Chromium.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'

import type { FastifyInstance } from 'fastify'

import {
  checkPage,
  collectBrowserErrors,
  launchBrowser,
  pageWidths,
} from '../../../../test/e2e/browser.js'
import type { Browser } from '../../../../test/e2e/browser.js'
import { openDatabase } from '../../../db/connection.js'
import type { Database } from '../../../db/connection.js'
import { migrateToLatest } from '../../../db/migrate.js'
import { createServices } from '../../../services.js'
import { buildApp } from '../../../web/app.js'
import { createViewEnvironment } from '../../../web/plugins/views.js'
import { testConfig } from '../../../web/testing/test-app.js'
import { renderChart } from './chart.render.js'
import { sampleChartSpecs } from './chart.test-data.js'

const SAMPLE_PATH = '/chart-sample'
const SAMPLE_PAGE = `{% extends "layout.njk" %}
{% from "reports/charts/views/chart.njk" import appChart %}
{% block pageContent %}
  <h1 class="govuk-heading-l">Sample charts</h1>
  {% for chart in charts %}{{ appChart(chart) }}{% endfor %}
{% endblock %}`

// Set CHART_SCREENSHOT_DIR to a folder to keep PNG and PDF captures of the sample page.
const screenshotDir = process.env.CHART_SCREENSHOT_DIR

let folder: string
let database: Database
let app: FastifyInstance
let baseUrl: string
let browser: Browser

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'send-careers-charts-'))
  database = openDatabase(`sqlite:${join(folder, 'charts.db')}`)
  await migrateToLatest(database.db)
  app = await buildApp({ config: testConfig, services: createServices(database), logger: false })

  // The page is rendered from a string, so the test adds no template and no route to the product.
  const environment = createViewEnvironment(false)
  const html = environment.renderString(SAMPLE_PAGE, {
    pageTitle: 'Sample charts',
    charts: sampleChartSpecs().map(renderChart),
  })
  app.get(SAMPLE_PATH, { config: { access: 'public' } }, (_request, reply) =>
    reply.type('text/html; charset=utf-8').send(html),
  )
  await app.listen({ host: '127.0.0.1', port: 0 })
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await app?.close()
  await database?.close()
  await rm(folder, { recursive: true, force: true })
})

async function openSample(width: number) {
  const { page } = browser
  await page.setViewportSize({ width, height: 900 })
  const errors = collectBrowserErrors(page)
  const response = await page.goto(`${baseUrl}${SAMPLE_PATH}`)
  return { page, errors, csp: response?.headers()['content-security-policy'] ?? '' }
}

test('sample charts load under the CSP without errors', async () => {
  const { page, errors, csp } = await openSample(1024)

  assert.match(csp, /style-src 'self'/)
  assert.doesNotMatch(csp, /unsafe-inline/)
  await page.waitForLoadState('load')
  assert.deepEqual(errors, [])
  await checkPage(page)
  if (screenshotDir) {
    await page.screenshot({ path: join(screenshotDir, 'charts-1024.png'), fullPage: true })
  }
})

test('sample charts name each chart image', async () => {
  const { page } = await openSample(1024)

  for (const spec of sampleChartSpecs()) {
    assert.equal(await page.getByRole('img', { name: spec.title, exact: true }).count(), 1)
  }
})

test('sample charts fit a 320 px screen', async () => {
  const { page, errors } = await openSample(320)

  await page.waitForLoadState('load')
  const widths = await pageWidths(page)
  assert.ok(widths.scrollWidth <= widths.innerWidth, `the page scrolls to ${widths.scrollWidth} px`)
  const svgWidths = await page.$$eval('.app-chart__svg', (svgs) =>
    svgs.map((svg) => svg.getBoundingClientRect().width),
  )
  for (const width of svgWidths) assert.ok(width > 250 && width <= 320, `an SVG is ${width} px`)
  assert.deepEqual(errors, [])
  await checkPage(page)
  if (screenshotDir) {
    await page.screenshot({ path: join(screenshotDir, 'charts-320.png'), fullPage: true })
    for (const spec of sampleChartSpecs()) {
      const path = join(screenshotDir, `chart-320-${spec.id}.png`)
      await page.locator(`figure[id="${spec.id}"]`).screenshot({ path })
    }
  }
})

test('sample charts print', async (context) => {
  if (!screenshotDir) return context.skip('CHART_SCREENSHOT_DIR is not set')

  const { page } = await openSample(1024)
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: join(screenshotDir, 'charts.pdf'), format: 'A4' })
  await page.emulateMedia({ media: 'print', colorScheme: 'light' })
})
