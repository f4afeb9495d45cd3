import assert from 'node:assert/strict'
import { test } from 'node:test'

import { chartCells, chartTable, formatValue, summariseChart } from './chart.summary.js'
import { aCountChartSpec, aStackedChartSpec, aValidChartSpec } from './chart.test-data.js'
import type { ChartSpec } from './chart.types.js'

function summary(spec: ChartSpec): string {
  return summariseChart(spec, chartCells(spec))
}

test('formatValue groups counts', () => {
  assert.equal(formatValue(1204, 'count'), '1,204')
  assert.equal(formatValue(0, 'count'), '0')
})

test('formatValue rounds percents to one place', () => {
  assert.equal(formatValue(45.25, 'percent'), '45.3%')
  assert.equal(formatValue(100, 'percent'), '100%')
  assert.equal(formatValue(0.04, 'percent'), '0%')
})

test('summary of counts gives range and total', () => {
  assert.equal(
    summary(aCountChartSpec()),
    'The largest count is 1,204, for Paid employment. ' +
      'The smallest count is 7, for Supported internship. ' +
      'The counts shown add up to 1,241.',
  )
})

test('summary of shares names the series', () => {
  assert.equal(
    summary(aValidChartSpec()),
    'The largest share is 60%, for Group 1 (2025 leavers). ' +
      'The smallest share is 0%, for Group 3 (2024 leavers). ' +
      '1 of the 6 values is withheld. 1 of the 6 values has no data.',
  )
})

test('summary lists tied values', () => {
  const spec = aCountChartSpec({
    values: [
      { category: 'Paid employment', series: 'students', value: 9 },
      { category: 'Supported internship', series: 'students', value: 9 },
      { category: 'Further education', series: 'students', value: 5 },
    ],
  })

  assert.match(
    summary(spec),
    /^The largest count is 9, for Paid employment and Supported internship\./,
  )
})

test('summary of equal values says so', () => {
  const spec = aCountChartSpec({
    values: aCountChartSpec().categories.map((category) => ({
      category,
      series: 'students',
      value: 6,
    })),
  })

  assert.equal(summary(spec), 'All 3 counts shown are 6. The counts shown add up to 18.')
})

test('summary when every value is withheld', () => {
  const spec = aCountChartSpec({
    values: aCountChartSpec().categories.map((category) => ({
      category,
      series: 'students',
      value: null,
    })),
  })

  assert.equal(summary(spec), 'No values can be shown. 3 of the 3 values are withheld.')
})

test('summary of a single shown value', () => {
  const spec = aCountChartSpec({
    values: [{ category: 'Further education', series: 'students', value: 12 }],
  })

  assert.equal(
    summary(spec),
    'The only count shown is 12, for Further education. 2 of the 3 values have no data.',
  )
})

test('table has a row per category and a column per series', () => {
  const spec = aValidChartSpec()

  const table = chartTable(spec, chartCells(spec))

  assert.equal(table.caption, spec.title)
  assert.deepEqual(
    table.head.map((cell) => cell.text),
    ['Career SEND group', '2024 leavers', '2025 leavers'],
  )
  assert.deepEqual(
    table.rows.map((row) => row.map((cell) => cell.text)),
    [
      ['Group 1', '45.3%', '60%'],
      ['Group 2', 'withheld', '12%'],
      ['Group 3', '0%', 'no data'],
    ],
  )
  assert.equal(table.rows[0]?.[1]?.format, 'numeric')
})

test('stacked count table has a Total column', () => {
  const spec = aStackedChartSpec()

  const table = chartTable(spec, chartCells(spec))

  assert.equal(table.head.at(-1)?.text, 'Total')
  assert.deepEqual(
    table.rows.map((row) => row.at(-1)?.text),
    ['41', 'not shown', '33', 'not shown'],
  )
})

test('summary of stacked counts gives the largest total', () => {
  assert.match(summary(aStackedChartSpec()), /The largest total is 41, for Group 1\./)
})
