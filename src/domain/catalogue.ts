// The sixteen positive career outcomes of the Career SEND groups, as versioned data so that a school
// can see what changed between versions and an LA can add local offers.
import { GROUP_ONE_OUTCOMES, GROUP_TWO_OUTCOMES } from './catalogue-outcomes.js'
import type { CareerSendGroup, IsoDate } from './types.js'

export { PAID_EMPLOYMENT_MIN_HOURS } from './catalogue-settings.js'

export interface OutcomeRules {
  minAge?: number
  maxAge?: number
  /** True when the age range is a usual range and not a condition. */
  ageIsAdvisory?: boolean
  /** `required`: no EHC plan, no route. `case_by_case`: another formal assessment of need may do. */
  ehcPlan?: 'required' | 'case_by_case'
  paid?: boolean
  minHoursPerWeek?: number
  minDurationMonths?: number
  maxDurationMonths?: number
  /** Later minimum durations in date order, each for starts on or after its date. */
  minDurationChanges?: readonly { startsFrom: IsoDate; minDurationMonths: number }[]
  /** True when the student must be over compulsory school age, which ends after the school leaving date. */
  overCompulsorySchoolAge?: boolean
  /** The first date on which the national programme took new starts. */
  firstStartsOn?: IsoDate
  /** The last date on which the national programme took new starts. */
  withdrawnAfter?: IsoDate
}

export interface OutcomeDefinition {
  id: string
  group: CareerSendGroup
  title: string
  summary: string
  rules: OutcomeRules
}

export interface OutcomeCatalogue {
  version: string
  publishedOn: IsoDate
  outcomes: readonly OutcomeDefinition[]
}

export const OUTCOME_CATALOGUE: OutcomeCatalogue = {
  // 1.1.0 added minimum ages to the apprenticeship, employment, enterprise, specialist college and
  // extended work placement outcomes, and the traineeship programme's first start date.
  version: '1.1.0',
  publishedOn: '2026-12-03',
  outcomes: [...GROUP_ONE_OUTCOMES, ...GROUP_TWO_OUTCOMES],
}

export function findOutcome(
  id: string,
  catalogue: OutcomeCatalogue = OUTCOME_CATALOGUE,
): OutcomeDefinition | null {
  return catalogue.outcomes.find((outcome) => outcome.id === id) ?? null
}

/** Returns the minimum duration in months for a start on the given date, or null when there is none. */
export function minDurationMonthsFor(
  outcome: OutcomeDefinition,
  startDate: IsoDate,
): number | null {
  let months = outcome.rules.minDurationMonths ?? null
  for (const change of outcome.rules.minDurationChanges ?? []) {
    if (startDate >= change.startsFrom) months = change.minDurationMonths
  }
  return months
}
