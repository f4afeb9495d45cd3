import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import {
  aggregateLeavers,
  summariseCurrentStudents,
  suppressReport,
} from '../../domain/reports/index.js'
import type { CohortReport, ReportLeaver } from '../../domain/reports/index.js'
import { formatPercent, reportPageContext } from './reports.view-model.js'

const TODAY = '2026-06-30'

function leaver(id: number, type: string | null): ReportLeaver {
  return {
    studentId: id,
    schoolId: 1,
    leftOn: '2025-07-18',
    ncYear: '11',
    provisionCode: 'E',
    primaryNeed: 'ASD',
    group: 'one',
    basis: 'pathway',
    spells: type ? [{ type, startDate: '2025-09-01', endDate: null }] : [],
  }
}

// Nine leavers: six at college and three with no known destination.
const LEAVERS = [
  ...Array.from({ length: 6 }, (_, index) => leaver(index, 'further-education-college')),
  ...Array.from({ length: 3 }, (_, index) => leaver(10 + index, null)),
]

function report(): CohortReport {
  return {
    today: TODAY,
    year: 2024,
    schools: [{ id: 1, name: 'Oak Hill' }],
    suppressed: false,
    thisYear: aggregateLeavers(LEAVERS, 2024, TODAY),
    lastYear: aggregateLeavers(LEAVERS, 2023, TODAY),
    current: summariseCurrentStudents(
      [
        {
          group: 'one',
          basis: 'pathway',
          provisionCode: 'E',
          primaryNeed: 'ASD',
          ncYear: '10',
          count: 12,
          withPlan: 2,
        },
      ],
      [{ ncYear: '10', benchmark: 5, covered: 6 }],
    ),
  }
}

const OPTIONS = { title: 'Cohort report', action: '/reports', years: [2024], namesAllowed: true }

describe('report page context', () => {
  it('charts match their categories', () => {
    const context = reportPageContext(report(), OPTIONS)

    assert.ok(context.charts.length >= 8)
    for (const chart of context.charts) {
      assert.ok(chart.title.length > 0, chart.id)
      assert.ok(chart.summary.length > 0, chart.id)
      for (const series of chart.series) {
        assert.equal(series.values.length, chart.categories.length, `${chart.id} ${series.name}`)
      }
    }
    assert.equal(new Set(context.charts.map((chart) => chart.id)).size, context.charts.length)
  })

  it('headline chart has three series', () => {
    const headline = reportPageContext(report(), OPTIONS).charts.find(
      (chart) => chart.id === 'headline',
    )

    assert.deepEqual(
      headline?.series.map((series) => series.name),
      ['2024/25 leavers', '2023/24 leavers', 'England'],
    )
    assert.deepEqual(headline?.series[0]?.values, [66.7, 66.7, 0, 33.3, 66.7])
    assert.deepEqual(headline?.series[2]?.values, [null, null, null, null, 90.5])
  })

  it('withheld values are null', () => {
    const context = reportPageContext(suppressReport(report()), OPTIONS)
    const headline = context.charts.find((chart) => chart.id === 'headline')
    const plans = context.charts.find((chart) => chart.id === 'plans')

    assert.equal(context.suppressed, true)
    // 9 leavers are fewer than 10, so every share of the total is withheld.
    assert.deepEqual(headline?.series[0]?.values, [null, null, null, null, null])
    assert.deepEqual(headline?.series[0]?.reasons, Array(5).fill('fewer-than-10-leavers'))
    assert.deepEqual(headline?.series[2]?.reasons, [
      'no-data',
      'no-data',
      'no-data',
      'no-data',
      null,
    ])
    // 2 with a plan is withheld, so the 10 without one is withheld as its complement.
    assert.deepEqual(plans?.series[0]?.values, [null, null])
    assert.deepEqual(plans?.series[0]?.reasons, ['suppressed', 'withheld'])
    assert.equal(context.current.withPlan, 'fewer than 5')
    assert.equal(context.current.withoutPlan, 'withheld')
    assert.equal(context.headline.rows[3]?.thisYear, 'withheld (fewer than 10 leavers)')
    assert.equal(
      context.summary,
      'Of 9 students who left in 2024/25, the share with a positive career outcome is withheld (fewer than 10 leavers). The share in a sustained destination is withheld (fewer than 10 leavers).',
    )
  })

  it('sustained share not yet known', () => {
    // Before the end of March 2026 the 2024/25 leavers' sustained result is not yet known.
    const early = '2025-12-01'
    const base = report()
    const context = reportPageContext(
      { ...base, today: early, thisYear: aggregateLeavers(LEAVERS, 2024, early) },
      OPTIONS,
    )
    const headline = context.charts.find((chart) => chart.id === 'headline')
    assert.equal(headline?.series[0]?.values[4], null)
    assert.equal(headline?.series[0]?.reasons?.[4], 'not-yet-known')
    assert.equal(context.headline.rows[4]?.thisYear, 'not yet known')
    assert.equal(context.provision[0]?.school, 'not yet known')
    assert.equal(context.provision[1]?.school, 'not yet known')
    assert.match(context.summary, /The share in a sustained destination is not yet known\./)
  })

  it('breakdown charts match their tables', () => {
    const context = reportPageContext(report(), OPTIONS)
    const group = context.breakdowns.find((section) => section.id === 'group')
    assert.deepEqual(
      group?.chart.series.map((series) => series.name),
      ['2024/25 leavers'],
    )
    // Group Two has no leavers: the chart and the table both say so.
    const index = group?.chart.categories.indexOf('Group Two, firm') ?? -1
    assert.equal(group?.chart.series[0]?.reasons?.[index], 'no-leavers')
    assert.equal(group?.rows[index]?.shares[0], 'no leavers')
  })

  it('summary states the shares', () => {
    const context = reportPageContext(report(), OPTIONS)
    assert.equal(
      context.summary,
      'Of 9 students who left in 2024/25, 66.7% had a positive career outcome. 66.7% were in a sustained destination.',
    )
  })
})

describe('formatPercent', () => {
  it('words each case', () => {
    assert.equal(formatPercent(12.345), '12.3%')
    assert.equal(formatPercent(null), 'withheld')
    assert.equal(formatPercent(null, 0), 'no leavers')
  })
})
