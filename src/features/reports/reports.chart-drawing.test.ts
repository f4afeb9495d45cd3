import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { drawReportChart, toChartSpec } from './reports.chart-drawing.js'
import type { ReportChart } from './reports.charts.js'

function aValidChart(overrides: Partial<ReportChart> = {}): ReportChart {
  return {
    id: 'groups',
    title: 'Current students by group',
    summary: 'Group sizes.',
    categoryLabel: 'Career SEND group',
    valueLabel: 'Students',
    unit: 'count',
    categories: ['Group One', 'Group Two'],
    series: [{ name: 'Current students', values: [12, null] }],
    ...overrides,
  }
}

describe('report chart drawing', () => {
  it('maps series to keys and values', () => {
    const spec = toChartSpec(aValidChart(), false)

    assert.deepEqual(spec.series, [{ key: 's0', label: 'Current students' }])
    assert.deepEqual(spec.values, [
      { category: 'Group One', series: 's0', value: 12 },
      { category: 'Group Two', series: 's0', value: null, reason: 'no-data' },
    ])
    assert.equal(spec.note, undefined)
  })

  it('marks nulls withheld when suppressed', () => {
    const spec = toChartSpec(aValidChart(), true)

    assert.equal(spec.values[1]?.reason, 'suppressed')
    assert.equal(
      spec.note,
      'Counts from 1 to 4, figures that would give them away and the shares of rows with fewer than 10 leavers are not shown.',
    )
  })

  it('prints each missing value reason', () => {
    const chart = aValidChart({
      unit: 'percent',
      categories: ['Sustained destination', 'Positive career outcome', 'NEET'],
      series: [
        {
          name: '2025/26 leavers',
          values: [null, null, null],
          reasons: ['not-yet-known', 'fewer-than-10-leavers', null],
        },
      ],
    })
    const spec = toChartSpec(chart, true)
    assert.deepEqual(
      spec.values.map((value) => value.reason),
      ['not-yet-known', 'fewer-than-10-leavers', 'suppressed'],
    )
    const drawing = drawReportChart(chart, true)
    assert.ok('svg' in drawing)
    assert.match(drawing.svg, /not yet known/)
    assert.match(drawing.svg, /1 of the 3 values is not yet known\./)
    assert.match(drawing.svg, /withheld \(fewer than 10 leavers\)/)
  })

  it('draws an SVG with an accessible name', () => {
    const drawing = drawReportChart(aValidChart(), false)

    assert.ok('svg' in drawing)
    assert.match(drawing.svg, /role="img"/)
    assert.match(drawing.svg, /Current students by group/)
  })

  it('returns an error for a rejected spec', () => {
    const drawing = drawReportChart(
      aValidChart({ unit: 'percent', series: [{ name: 'x', values: [150, 1] }] }),
      false,
    )

    assert.ok('error' in drawing)
    assert.match(drawing.error, /Invalid chart spec/)
  })
})
