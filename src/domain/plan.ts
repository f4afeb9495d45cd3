// The vocabulary of a career plan, and the rules about it that need no storage. They decide when a
// review must cover the Preparing for Adulthood areas, which areas still have no goal, when an
// action is overdue, and which planned starts of targets are accepted.
import { academicYearOf } from './academic-year.js'
import { academicAge } from './age.js'
import { provisionOf } from './provision.js'
import type { IsoDate, ProvisionCode } from './types.js'

/** Ways an aspiration is gathered from the student, so a reader can weigh whose words they are. */
export const GATHERED_HOW = {
  own_words: 'In the student’s own words',
  with_support: 'With support from an adult',
  symbols_aac: 'Using symbols or AAC (augmentative and alternative communication)',
  family_view: 'The family’s view',
} as const
export type GatheredHow = keyof typeof GATHERED_HOW

/** The four Preparing for Adulthood outcome areas of the SEND Code of Practice, chapter 8. */
export const PFA_AREAS = {
  employment: 'Employment and higher education',
  independent_living: 'Independent living',
  community: 'Friends, relationships and community',
  health: 'Good health',
} as const
export type PfaArea = keyof typeof PFA_AREAS

export const GOAL_STATUSES = {
  active: 'Working towards it',
  achieved: 'Achieved',
  stopped: 'Stopped',
} as const
export type GoalStatus = keyof typeof GOAL_STATUSES

export const ACTION_STATUSES = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
} as const
export type ActionStatus = keyof typeof ACTION_STATUSES

export const REVIEW_KINDS = {
  ehcp_annual: 'EHC plan annual review',
  careers_guidance: 'Careers guidance',
  transition: 'Transition review',
} as const
export type ReviewKind = keyof typeof REVIEW_KINDS

/** The maximum number of ranked target outcomes in one plan. */
export const MAX_TARGETS = 3

/** Returns true when `value` is a key of one of the vocabularies above. */
export function isKeyOf<T extends object>(
  vocabulary: T,
  value: string,
): value is Extract<keyof T, string> {
  return Object.prototype.hasOwnProperty.call(vocabulary, value)
}

/** The facts about a student that the Preparing for Adulthood prompt reads. */
export interface PromptFacts {
  provisionCode: ProvisionCode
  /** `R`, `1` to `14`, `X`, or null when the register gave none. */
  ncYear: string | null
  dateOfBirth: IsoDate
}

/** The first NC year whose EHC plan reviews must cover the Preparing for Adulthood areas. */
const FIRST_PFA_YEAR = 9

/** Academic age at the start of Year 9, used when the NC year gives none (`X` or blank). */
const FIRST_PFA_ACADEMIC_AGE = 13

/**
 * Returns true when a student's reviews must cover the four Preparing for Adulthood areas: an EHC
 * plan (a legacy statement counts) and Year 9 or above. A student in NC year `X`, or with no year,
 * counts from academic age 13 (age on the 31 August before the academic year that `on` falls in).
 */
export function needsPreparingForAdulthoodPrompt(student: PromptFacts, on: IsoDate): boolean {
  if (provisionOf(student.provisionCode) !== 'E') return false

  const year = student.ncYear?.trim().toUpperCase() ?? ''
  if (/^\d{1,2}$/.test(year)) return Number(year) >= FIRST_PFA_YEAR && Number(year) <= 14
  if (year !== '' && year !== 'X') return false

  return academicAge(student.dateOfBirth, academicYearOf(on)) >= FIRST_PFA_ACADEMIC_AGE
}

/** Returns the Preparing for Adulthood areas missing from `covered`, in the areas' order. */
export function areasNotCovered(covered: readonly string[]): PfaArea[] {
  return (Object.keys(PFA_AREAS) as PfaArea[]).filter((area) => !covered.includes(area))
}

/**
 * Joins the labels of some Preparing for Adulthood areas into one phrase for a message, separated
 * by semicolons, because the label "Friends, relationships and community" has a comma of its own.
 */
export function listAreaLabels(areas: readonly PfaArea[]): string {
  return areas.map((area) => PFA_AREAS[area]).join('; ')
}

/**
 * Returns true when a review must cover all four Preparing for Adulthood areas, or record why it
 * did not: an EHC plan annual review of a student whose reviews get the prompt. Other kinds of
 * review may cover fewer, and the plan page warns about the areas they left out.
 */
export function reviewMustCoverAllAreas(kind: string, promptApplies: boolean): boolean {
  return promptApplies && kind === 'ehcp_annual'
}

/** Returns the Preparing for Adulthood areas that none of the goals is in, in the areas' order. */
export function areasWithoutGoal(goals: readonly { area: string }[]): PfaArea[] {
  const covered = new Set(goals.map((goal) => goal.area))
  return (Object.keys(PFA_AREAS) as PfaArea[]).filter((area) => !covered.has(area))
}

/** Returns true when an action is still open and its due date is before `today`. */
export function isActionOverdue(
  action: { dueOn: IsoDate | null; status: string },
  today: IsoDate,
): boolean {
  const open = action.status === 'not_started' || action.status === 'in_progress'
  return open && action.dueOn !== null && action.dueOn < today
}

/**
 * Writes Preparing for Adulthood areas the way `plan_reviews.pfa_areas` stores them: each between
 * commas, in the areas' order (`,employment,health,`), or `,` for none.
 */
export function encodePfaAreas(areas: readonly PfaArea[]): string {
  const chosen = (Object.keys(PFA_AREAS) as PfaArea[]).filter((area) => areas.includes(area))
  return chosen.length === 0 ? ',' : `,${chosen.join(',')},`
}

/** Reads a stored `pfa_areas` value, leaving out any word that is not an area. */
export function decodePfaAreas(stored: string): PfaArea[] {
  return stored.split(',').filter((word): word is PfaArea => isKeyOf(PFA_AREAS, word))
}

/** A target as the plan stores it, as far as the planned-start rule reads it. */
export interface StoredStart {
  outcomeId: string
  plannedStart: IsoDate | null
}

/**
 * Returns true when a target's planned start is accepted on `today`. A start before today is
 * rejected for a new or changed target, because an outcome that has begun belongs in the
 * destinations. A stored target whose outcome and start are unchanged stays valid after its date
 * passes, so saving the form again, for example to reorder the targets, does not fail.
 */
export function isPlannedStartAccepted(
  target: StoredStart,
  today: IsoDate,
  stored: readonly StoredStart[],
): boolean {
  if (target.plannedStart === null || target.plannedStart >= today) return true
  return stored.some(
    (kept) => kept.outcomeId === target.outcomeId && kept.plannedStart === target.plannedStart,
  )
}

/** Returns true when a planned start is set and is before `today`. */
export function hasPlannedStartPassed(plannedStart: IsoDate | null, today: IsoDate): boolean {
  return plannedStart !== null && plannedStart < today
}
