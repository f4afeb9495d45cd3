import assert from 'node:assert/strict'
import { test } from 'node:test'

import { parseHTML } from 'linkedom'

import { createViewEnvironment } from '../../../web/plugins/views.js'
import { renderChart } from './chart.render.js'
import { aCountChartSpec, aValidChartSpec } from './chart.test-data.js'
import type { ChartSpec } from './chart.types.js'

const TEMPLATE = '{% from "reports/charts/views/chart.njk" import appChart %}{{ appChart(chart) }}'

function renderFigure(spec: ChartSpec) {
  const html = createViewEnvironment(false).renderString(TEMPLATE, { chart: renderChart(spec) })
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const figure = document.querySelector('figure')
  assert.ok(figure, 'the macro renders a <figure>')
  return { html, figure }
}

test('chart figure has caption, SVG, table and note', () => {
  const spec = aValidChartSpec()

  const { figure } = renderFigure(spec)

  assert.equal(figure.id, spec.id)
  const caption = figure.querySelector('figcaption')?.textContent ?? ''
  assert.match(caption, /Leavers by Career SEND group/)
  assert.match(caption, /The largest share is 60%/)
  assert.equal(figure.querySelectorAll('svg[role="img"]').length, 1)
  const rows = Array.from(figure.querySelectorAll('tbody tr')).map((row) =>
    Array.from(row.children).map((cell) => cell.textContent?.trim()),
  )
  assert.deepEqual(rows[1], ['Group 2', 'withheld', '12%'])
  assert.equal(figure.querySelector('tbody th')?.textContent?.trim(), 'Group 1')
  assert.equal(figure.querySelector('.app-chart__note')?.textContent, spec.note)
})

test('chart figure leaves out a missing note', () => {
  const { figure } = renderFigure(aCountChartSpec())

  assert.equal(figure.querySelector('.app-chart__note'), null)
})

test('chart figure escapes a hostile label', () => {
  const hostile = '<script>alert("x")</script>'
  const spec = aCountChartSpec({
    title: hostile,
    categories: [hostile],
    values: [{ category: hostile, series: 'students', value: 9 }],
    note: hostile,
  })

  const { html, figure } = renderFigure(spec)

  assert.doesNotMatch(html, /<script/i)
  assert.equal(figure.querySelector('tbody th')?.textContent?.trim(), hostile)
  assert.equal(figure.querySelector('.app-chart__note')?.textContent, hostile)
})

test('chart figure without categories has no table', () => {
  const { figure } = renderFigure(aCountChartSpec({ categories: [], values: [] }))

  assert.equal(figure.querySelector('table'), null)
  assert.match(figure.querySelector('svg')?.textContent ?? '', /No data/)
})
