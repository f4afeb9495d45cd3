// The headline figures of a report beside last year's and England's, with a plain statement of
// where England has no figure or measures something else.
import {
  EHC_PLAN_SHARE_OF_SEN,
  SUSTAINED_EHC_PLAN_KS4,
  SUSTAINED_EMPLOYMENT_KS4,
} from '../national-figures.js'
import type { NationalFigure } from '../national-figures.js'
import type { LeaverOutcomes, OutcomeMeasure } from './cohort-report.js'
import type { CurrentStudents } from './current-students.js'
import type { CohortReport } from './report.js'
import { shareOf } from './shares.js'
import type { ShareReason } from './shares.js'
import { percentOf } from './suppression.js'

export type HeadlineMeasure = 'positive' | 'eet' | 'neet' | 'notKnown' | 'sustained'

export interface HeadlineRow {
  measure: HeadlineMeasure
  label: string
  /** Percentages from 0 to 100 of all leavers, or null when withheld or there are no leavers. */
  thisYear: number | null
  lastYear: number | null
  /** The reason each share is null, or null when the share has a value. */
  reasons: { thisYear: ShareReason | null; lastYear: ShareReason | null }
  /**
   * For `sustained` only: the shares whose destination year has not reached the end of March, so
   * they are neither sustained nor not sustained yet. Null for the other measures.
   */
  notYetKnown: { thisYear: number | null; lastYear: number | null } | null
  england: NationalFigure | null
  /** The reason England's figure is missing or measures something else. */
  note: string
}

const COHORT_DIFFERS =
  "The school's figure counts every leaver of the year, not only KS4 leavers, and a small cohort can swing by many points from one year to the next."

const HEADLINES: {
  measure: HeadlineMeasure
  label: string
  england: NationalFigure | null
  note: string
}[] = [
  {
    measure: 'positive',
    label: 'Positive career outcome',
    england: null,
    note: 'No national figure: positive career outcomes are the SEND Gatsby Benchmark Toolkit’s own measure, which DfE does not publish.',
  },
  {
    measure: 'eet',
    label: 'In education, employment or training',
    england: null,
    note: 'No national figure is held for this measure.',
  },
  {
    measure: 'neet',
    label: 'Not in education, employment or training (NEET)',
    england: null,
    note: 'No national figure is held for this measure.',
  },
  {
    measure: 'notKnown',
    label: 'Destination not known',
    england: null,
    note: 'No national figure is held for this measure.',
  },
  {
    measure: 'sustained',
    label: 'Sustained destination',
    england: SUSTAINED_EHC_PLAN_KS4,
    note: `England's figure is for KS4 leavers with an EHC plan only. ${COHORT_DIFFERS}`,
  },
]

function share(outcomes: LeaverOutcomes, measure: OutcomeMeasure): number | null {
  return shareOf(outcomes.total, measure).percent
}

/** Builds the table of headline figures: this year, last year and England. */
export function headlineComparison(report: CohortReport): HeadlineRow[] {
  return HEADLINES.map((row) => ({
    ...row,
    thisYear: share(report.thisYear, row.measure),
    lastYear: share(report.lastYear, row.measure),
    reasons: {
      thisYear: shareOf(report.thisYear.total, row.measure).reason,
      lastYear: shareOf(report.lastYear.total, row.measure).reason,
    },
    notYetKnown:
      row.measure === 'sustained'
        ? {
            thisYear: share(report.thisYear, 'sustainedNotYetKnown'),
            lastYear: share(report.lastYear, 'sustainedNotYetKnown'),
          }
        : null,
  }))
}

export interface ProvisionComparisonRow {
  provision: 'E' | 'K'
  label: string
  measure: 'sustained' | 'sustainedEmployment'
  measureLabel: string
  school: number | null
  /** The reason the school's share is null, or null when the share has a value. */
  schoolReason: ShareReason | null
  england: NationalFigure
  note: string
}

/**
 * Compares the leavers with an EHC plan and with SEN support with England's KS4 figures for the
 * same provision: sustained destinations (EHC plans only) and sustained employment.
 */
export function provisionComparison(outcomes: LeaverOutcomes): ProvisionComparisonRow[] {
  const provision = outcomes.breakdowns.find((breakdown) => breakdown.id === 'provision')
  const cellOf = (key: 'E' | 'K') => provision?.cells.find((cell) => cell.key === key)
  const school = (key: 'E' | 'K', measure: 'sustained' | 'sustainedEmployment') => {
    const cell = cellOf(key)
    const found = cell ? shareOf(cell, measure) : { percent: null, reason: 'no-leavers' as const }
    return { school: found.percent, schoolReason: found.reason }
  }
  return [
    {
      provision: 'E',
      label: 'EHC plan (E)',
      measure: 'sustained',
      measureLabel: 'Sustained destination',
      ...school('E', 'sustained'),
      england: SUSTAINED_EHC_PLAN_KS4,
      note: COHORT_DIFFERS,
    },
    {
      provision: 'E',
      label: 'EHC plan (E)',
      measure: 'sustainedEmployment',
      measureLabel: 'Sustained employment',
      ...school('E', 'sustainedEmployment'),
      england: SUSTAINED_EMPLOYMENT_KS4.E,
      note: COHORT_DIFFERS,
    },
    {
      provision: 'K',
      label: 'SEN support (K)',
      measure: 'sustainedEmployment',
      measureLabel: 'Sustained employment',
      ...school('K', 'sustainedEmployment'),
      england: SUSTAINED_EMPLOYMENT_KS4.K,
      note: COHORT_DIFFERS,
    },
  ]
}

/**
 * Compares the share of current students with SEN who have an EHC plan with England's. Returns a
 * null school share when either provision's count is withheld or there are no such students.
 */
export function ehcPlanShareComparison(current: CurrentStudents): {
  school: number | null
  england: NationalFigure
} {
  const totalOf = (provision: 'K' | 'E') =>
    current.needMix.find((mix) => mix.provision === provision)?.total ?? 0
  const senSupport = totalOf('K')
  const ehcPlan = totalOf('E')
  const withSen = senSupport === null || ehcPlan === null ? null : senSupport + ehcPlan
  return { school: percentOf(ehcPlan, withSen), england: EHC_PLAN_SHARE_OF_SEN }
}
