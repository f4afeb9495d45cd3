import assert from 'node:assert/strict'
import { describe, test } from 'node:test'

import { aggregateLeavers } from './cohort-report.js'
import type { LeaverOutcomes, ReportLeaver } from './cohort-report.js'
import { summariseCurrentStudents } from './current-students.js'
import {
  ehcPlanShareComparison,
  headlineComparison,
  provisionComparison,
} from './national-comparison.js'
import { classifyLeaver, chooseDestinationSpell } from './leaver-outcome.js'
import { suppressReport } from './report.js'
import type { CohortReport } from './report.js'
import { formatCount } from './suppression.js'

// Leavers of 2024/25, so the destination year is 2025/26, judged on 30 June 2026, after March.
const YEAR = 2024
const TODAY = '2026-06-30'

function leaver(id: number, fields: Partial<ReportLeaver>): ReportLeaver {
  return {
    studentId: id,
    schoolId: 1,
    leftOn: '2025-07-18',
    ncYear: '11',
    provisionCode: 'E',
    primaryNeed: 'ASD',
    group: 'one',
    basis: 'pathway',
    spells: [],
    ...fields,
  }
}

// Hand-worked: 6 leavers of 2024/25 and one of 2023/24.
const COHORT: ReportLeaver[] = [
  leaver(1, {
    spells: [{ type: 'further-education-college', startDate: '2025-09-01', endDate: null }],
  }),
  leaver(2, {
    provisionCode: 'K',
    primaryNeed: 'SEMH',
    group: 'two',
    basis: 'need',
    spells: [{ type: 'paid-employment', startDate: '2025-09-15', endDate: null }],
  }),
  leaver(3, {
    primaryNeed: 'SLD',
    basis: 'override',
    ncYear: '14',
    spells: [{ type: 'neet-seeking', startDate: '2025-09-01', endDate: null }],
  }),
  leaver(4, {
    leftOn: '2025-06-01',
    provisionCode: 'A',
    primaryNeed: 'MLD',
    group: null,
    basis: null,
  }),
  leaver(5, {
    spells: [{ type: 'school-sixth-form', startDate: '2025-09-03', endDate: '2025-11-30' }],
  }),
  leaver(6, {
    primaryNeed: 'PMLD',
    basis: 'need',
    ncYear: 'X',
    spells: [{ type: 'supported-volunteering', startDate: '2025-11-01', endDate: null }],
  }),
  leaver(7, { leftOn: '2024-07-19' }),
]

function cell(outcomes: LeaverOutcomes, breakdown: string, key: string) {
  const found = outcomes.breakdowns
    .find((item) => item.id === breakdown)
    ?.cells.find((item) => item.key === key)
  assert.ok(found, `${breakdown} ${key} exists`)
  return found
}

describe('chooseDestinationSpell', () => {
  const spells = [
    { type: 'school-sixth-form', startDate: '2025-09-01', endDate: '2025-09-30' },
    { type: 'paid-employment', startDate: '2025-10-20', endDate: null },
    { type: 'further-education-college', startDate: '2025-09-20', endDate: null },
  ]

  test('prefers the spell in force on 1 October', () => {
    assert.equal(chooseDestinationSpell(spells, 2025, TODAY)?.type, 'further-education-college')
  })

  test('falls back to the earliest in the year', () => {
    const later = spells.filter((spell) => spell.type !== 'further-education-college')
    assert.equal(chooseDestinationSpell(later, 2025, TODAY)?.type, 'school-sixth-form')
  })

  test('ignores spells starting after today', () => {
    assert.equal(chooseDestinationSpell(spells, 2025, '2025-09-10')?.type, 'school-sixth-form')
  })

  test('ignores spells outside the year', () => {
    const outside = [{ type: 'apprenticeship', startDate: '2026-09-01', endDate: null }]
    assert.equal(chooseDestinationSpell(outside, 2025, '2027-01-01'), null)
  })
})

describe('classifyLeaver', () => {
  test('no spell is not known', () => {
    const outcome = classifyLeaver([], 2025, TODAY)
    assert.equal(outcome.type, 'not-known')
    assert.equal(outcome.notKnown, true)
    assert.equal(outcome.sustained, false)
  })

  test('sustained is not yet known before April', () => {
    const spells = [{ type: 'apprenticeship', startDate: '2025-09-01', endDate: null }]
    const outcome = classifyLeaver(spells, 2025, '2026-01-15')
    assert.equal(outcome.sustained, 'not_yet_known')
    assert.equal(outcome.positive, true)
    assert.equal(outcome.eet, true)
  })

  test('a positive outcome with no activity is not EET', () => {
    const spells = [{ type: 'supported-volunteering', startDate: '2025-09-01', endDate: null }]
    const outcome = classifyLeaver(spells, 2025, TODAY)
    assert.equal(outcome.positive, true)
    assert.equal(outcome.eet, false)
  })

  test('an unknown type counts as other', () => {
    const spells = [{ type: 'gap-year-abroad', startDate: '2025-09-01', endDate: null }]
    const outcome = classifyLeaver(spells, 2025, TODAY)
    assert.equal(outcome.category, 'other')
    assert.equal(outcome.positive, false)
    assert.equal(outcome.notKnown, false)
  })
})

describe('aggregateLeavers', () => {
  const outcomes = aggregateLeavers(COHORT, YEAR, TODAY)

  test('totals match the hand count', () => {
    const { total } = outcomes
    assert.equal(outcomes.destinationYear, 2025)
    assert.equal(total.leavers, 6)
    assert.equal(total.positive, 3)
    assert.equal(total.eet, 3)
    assert.equal(total.neet, 1)
    assert.equal(total.notKnown, 1)
    assert.equal(total.sustained, 2)
    assert.equal(total.sustainedNotYetKnown, 0)
    assert.equal(total.sustainedEmployment, 1)
  })

  test('mix counts each destination type', () => {
    const mix = Object.fromEntries(outcomes.total.mix.map((item) => [item.type, item.count]))
    assert.deepEqual(mix, {
      'further-education-college': 1,
      'paid-employment': 1,
      'neet-seeking': 1,
      'not-known': 1,
      'school-sixth-form': 1,
      'supported-volunteering': 1,
    })
  })

  test('group cells split firm and provisional', () => {
    assert.equal(cell(outcomes, 'group', 'one-firm').leavers, 3)
    assert.equal(cell(outcomes, 'group', 'one-provisional').leavers, 1)
    assert.equal(cell(outcomes, 'group', 'two-firm').leavers, 0)
    assert.equal(cell(outcomes, 'group', 'two-provisional').leavers, 1)
    assert.equal(cell(outcomes, 'group', 'unassigned').leavers, 1)
  })

  test('provision maps legacy codes', () => {
    assert.equal(cell(outcomes, 'provision', 'K').leavers, 2)
    assert.equal(cell(outcomes, 'provision', 'E').leavers, 4)
    assert.equal(cell(outcomes, 'provision', 'E').sustained, 1)
  })

  test('need and year cells', () => {
    assert.equal(cell(outcomes, 'need', 'ASD').leavers, 2)
    assert.equal(cell(outcomes, 'need', 'ASD').label, 'Autistic Spectrum Disorder (ASD)')
    assert.deepEqual(
      outcomes.breakdowns.find((item) => item.id === 'ncYear')?.cells.map((item) => item.key),
      ['11', '14', 'X'],
    )
    assert.equal(cell(outcomes, 'ncYear', '11').leavers, 4)
  })

  test('no leavers gives zeros', () => {
    const empty = aggregateLeavers([], YEAR, TODAY)
    assert.equal(empty.total.leavers, 0)
    assert.equal(empty.total.mix.length, 0)
    assert.equal(cell(empty, 'group', 'one-firm').leavers, 0)
    assert.equal(empty.breakdowns.find((item) => item.id === 'need')?.cells.length, 0)
  })

  test('school breakdown when names given', () => {
    const bySchool = aggregateLeavers(
      [...COHORT, leaver(8, { schoolId: 2 })],
      YEAR,
      TODAY,
      new Map([
        [1, 'Oak Hill'],
        [2, 'Birch Lane'],
        [3, 'Ash Grove'],
      ]),
    )
    assert.equal(cell(bySchool, 'school', '1').leavers, 6)
    assert.equal(cell(bySchool, 'school', '2').leavers, 1)
    assert.equal(cell(bySchool, 'school', '3').leavers, 0)
  })
})

function reportOf(leavers: ReportLeaver[]): CohortReport {
  return {
    today: TODAY,
    year: YEAR,
    schools: [{ id: 1, name: 'Oak Hill' }],
    suppressed: false,
    thisYear: aggregateLeavers(leavers, YEAR, TODAY),
    lastYear: aggregateLeavers(leavers, YEAR - 1, TODAY),
    current: summariseCurrentStudents([], []),
  }
}

describe('suppressReport', () => {
  test('small cells are withheld', () => {
    const report = suppressReport(reportOf(COHORT))
    assert.equal(report.suppressed, true)
    assert.equal(report.thisYear.total.leavers, 6)
    assert.equal(report.thisYear.total.positive, null)
    assert.equal(cell(report.thisYear, 'group', 'one-firm').leavers, null)
    assert.equal(cell(report.thisYear, 'group', 'two-firm').leavers, 0)
    assert.equal(cell(report.thisYear, 'provision', 'E').positive, null)
  })

  test('a cohort of one shows nothing', () => {
    const report = suppressReport(reportOf([leaver(1, {})]))
    const { total } = report.thisYear
    assert.equal(total.leavers, null)
    assert.equal(total.notKnown, null)
    assert.ok(total.mix.every((item) => item.count === null))
    assert.equal(headlineComparison(report)[3]?.thisYear, null)
  })

  test('complement is withheld across cells', () => {
    // Group One firm 6, Group Two provisional 3 and 7 unassigned: the 3 takes the 6 with it.
    const many = [
      ...Array.from({ length: 6 }, (_, i) => leaver(100 + i, {})),
      ...Array.from({ length: 3 }, (_, i) => leaver(200 + i, { group: 'two', basis: 'need' })),
      ...Array.from({ length: 7 }, (_, i) => leaver(300 + i, { group: null, basis: null })),
    ]
    const report = suppressReport(reportOf(many))
    assert.equal(report.thisYear.total.leavers, 16)
    assert.equal(cell(report.thisYear, 'group', 'one-firm').leavers, null)
    assert.equal(cell(report.thisYear, 'group', 'two-provisional').leavers, null)
    assert.equal(cell(report.thisYear, 'group', 'unassigned').leavers, 7)
    assert.equal(cell(report.thisYear, 'group', 'one-firm').notKnown, null)
    // 7 leavers are fewer than 10: only the number of leavers is shown.
    assert.equal(cell(report.thisYear, 'group', 'unassigned').notKnown, null)
  })

  test('small-row counts get a complement', () => {
    // 12 leavers of Group One firm, 7 unassigned and 30 of Group Two firm, none with a known
    // destination: the 7 unassigned are hidden as a row under 10 leavers, so the total minus the
    // other two rows must not give them back.
    const many = [
      ...Array.from({ length: 12 }, (_, i) => leaver(100 + i, {})),
      ...Array.from({ length: 7 }, (_, i) => leaver(200 + i, { group: null, basis: null })),
      ...Array.from({ length: 30 }, (_, i) => leaver(300 + i, { group: 'two' })),
    ]
    const report = suppressReport(reportOf(many))
    assert.equal(report.thisYear.total.notKnown, 49)
    assert.equal(cell(report.thisYear, 'group', 'unassigned').notKnown, null)
    assert.equal(cell(report.thisYear, 'group', 'one-firm').notKnown, null)
    assert.equal(cell(report.thisYear, 'group', 'one-firm').withheld?.notKnown, 'protects-another')
    assert.equal(cell(report.thisYear, 'group', 'two-firm').notKnown, 30)
  })

  test('each withheld count says why', () => {
    const many = [
      ...Array.from({ length: 6 }, (_, i) => leaver(100 + i, {})),
      ...Array.from({ length: 3 }, (_, i) => leaver(200 + i, { group: 'two', basis: 'need' })),
      ...Array.from({ length: 7 }, (_, i) => leaver(300 + i, { group: null, basis: null })),
    ]
    const report = suppressReport(reportOf(many))
    const firm = cell(report.thisYear, 'group', 'one-firm')
    const small = cell(report.thisYear, 'group', 'two-provisional')
    const unassigned = cell(report.thisYear, 'group', 'unassigned')
    // The 6 is withheld only to protect the 3, so it must not read "fewer than 5".
    assert.equal(firm.withheld?.leavers, 'protects-another')
    assert.equal(formatCount(firm.leavers, firm.withheld?.leavers), 'withheld')
    assert.equal(firm.withheld?.notKnown, 'row-withheld')
    assert.equal(small.withheld?.leavers, 'fewer-than-5')
    assert.equal(formatCount(small.leavers, small.withheld?.leavers), 'fewer than 5')
    // A figure that is itself 0 stays 0 in a withheld row.
    assert.equal(small.positive, 0)
    assert.equal(small.withheld?.positive, undefined)
    assert.equal(unassigned.withheld?.notKnown, 'fewer-than-10-leavers')
    assert.equal(report.thisYear.total.withheld?.leavers, undefined)
    assert.equal(report.thisYear.total.notKnown, 16)
  })
})

describe('comparison', () => {
  test('headline rows with England', () => {
    const rows = headlineComparison(reportOf(COHORT))
    assert.deepEqual(
      rows.map((row) => row.measure),
      ['positive', 'eet', 'neet', 'notKnown', 'sustained'],
    )
    assert.equal(rows[0]?.thisYear, 50)
    assert.equal(rows[0]?.england, null)
    assert.match(rows[0]?.note ?? '', /No national figure/)
    assert.equal(rows[4]?.england?.percent, 90.5)
    assert.equal(rows[4]?.lastYear, 0)
    assert.deepEqual(rows[4]?.notYetKnown, { thisYear: 0, lastYear: 0 })
    assert.equal(rows[0]?.notYetKnown, null)
  })

  test('provision rows with England', () => {
    const rows = provisionComparison(aggregateLeavers(COHORT, YEAR, TODAY))
    assert.equal(rows[0]?.school, 25)
    assert.equal(rows[0]?.england.percent, 90.5)
    assert.equal(rows[2]?.school, 50)
    assert.equal(rows[2]?.england.percent, 3.4)
  })
})

describe('summariseCurrentStudents', () => {
  test('groups, plans, coverage and need mix', () => {
    const current = summariseCurrentStudents(
      [
        {
          group: 'one',
          basis: 'pathway',
          provisionCode: 'E',
          primaryNeed: 'ASD',
          ncYear: '10',
          count: 4,
          withPlan: 4,
        },
        {
          group: 'one',
          basis: 'need',
          provisionCode: 'S',
          primaryNeed: 'SLD',
          ncYear: '10',
          count: 2,
          withPlan: 0,
        },
        {
          group: null,
          basis: null,
          provisionCode: 'K',
          primaryNeed: null,
          ncYear: '9',
          count: 5,
          withPlan: 0,
        },
      ],
      [{ ncYear: '10', benchmark: 5, covered: 3 }],
    )

    assert.equal(current.total, 11)
    assert.equal(current.withPlan, 4)
    assert.equal(current.withoutPlan, 7)
    assert.deepEqual(
      current.groups.map((group) => group.count),
      [4, 2, 0, 0, 5],
    )
    assert.deepEqual(
      current.coverage.map((row) => [row.yearGroup, row.students]),
      [
        ['9', 5],
        ['10', 6],
      ],
    )
    const year10 = current.coverage[1]
    assert.equal(year10?.benchmarks.find((item) => item.benchmark === 5)?.covered, 3)
    const ehc = current.needMix.find((mix) => mix.provision === 'E')
    assert.equal(ehc?.total, 6)
    assert.equal(ehc?.needs[0]?.code, 'ASD')
    assert.equal(ehc?.needs[0]?.nationalPercent, 33.0)

    const share = ehcPlanShareComparison(current)
    assert.equal(Math.round((share.school ?? 0) * 10) / 10, 54.5)
    assert.equal(share.england.percent, 26)
  })

  test('suppressed coverage rows', () => {
    const report = reportOf([])
    report.current = summariseCurrentStudents(
      [
        {
          group: 'one',
          basis: 'pathway',
          provisionCode: 'E',
          primaryNeed: 'ASD',
          ncYear: '10',
          count: 12,
          withPlan: 12,
        },
        {
          group: 'one',
          basis: 'pathway',
          provisionCode: 'E',
          primaryNeed: 'ASD',
          ncYear: '11',
          count: 2,
          withPlan: 2,
        },
      ],
      [{ ncYear: '10', benchmark: 5, covered: 3 }],
    )
    const current = suppressReport(report).current
    assert.equal(current.total, 14)
    // Year 11 has 2 students, so Year 10's 12 is withheld as its complement.
    assert.deepEqual(
      current.coverage.map((row) => row.students),
      [null, null],
    )
    assert.equal(current.withPlan, 14)
    assert.equal(current.withoutPlan, 0)
  })
})
