import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import {
  aggregateLeavers,
  summariseCurrentStudents,
  suppressReport,
} from '../../domain/reports/index.js'
import type { CohortReport, ReportLeaver } from '../../domain/reports/index.js'
import { formatPercent, reportPageContext, withNotYetKnown } from './reports.view-model.js'

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
    assert.deepEqual(headline?.series[0]?.values, [66.7, 66.7, 0, null, 66.7])
    // 2 with a plan is withheld, so the 10 without one is withheld as its complement.
    assert.deepEqual(plans?.series[0]?.values, [null, null])
    assert.equal(context.headline.rows[3]?.thisYear, 'withheld')
  })

  it('summary states the shares', () => {
    const context = reportPageContext(report(), OPTIONS)
    assert.equal(
      context.summary,
      'Of 9 students who left in 2024/25, 66.7% had a positive career outcome. 66.7% were in a sustained destination.',
    )
  })
})

describe('withNotYetKnown', () => {
  const total = aggregateLeavers(LEAVERS, 2024, TODAY).total

  it('adds a share above 0', () => {
    const cell = { ...total, leavers: 8, sustainedNotYetKnown: 2 }
    assert.equal(withNotYetKnown('0.0%', cell), '0.0% (not yet known: 25.0%)')
  })

  it('leaves other cases alone', () => {
    assert.equal(withNotYetKnown('50.0%', total), '50.0%')
    assert.equal(withNotYetKnown('no leavers', { ...total, leavers: 0 }), 'no leavers')
    assert.equal(withNotYetKnown('50.0%', null), '50.0%')
    const withheld = { ...total, leavers: null, sustainedNotYetKnown: null }
    assert.equal(withNotYetKnown('withheld', withheld), 'withheld')
  })

  it('words a withheld count', () => {
    const cell = { ...total, leavers: 8, sustainedNotYetKnown: null }
    assert.equal(withNotYetKnown('withheld', cell), 'withheld (not yet known: withheld)')
  })
})

describe('formatPercent', () => {
  it('words each case', () => {
    assert.equal(formatPercent(12.345), '12.3%')
    assert.equal(formatPercent(null), 'withheld')
    assert.equal(formatPercent(null, 0), 'no leavers')
  })
})
