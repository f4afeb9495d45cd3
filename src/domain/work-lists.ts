// Work lists: the students a careers leader should act on, for a reference date (usually today).
// Each function takes plain records and returns one entry per student (or per plan target) with
// the reason as a sentence, so the pages, exports and any later command return the same entries.
import { academicYearOf, formatAcademicYear, type AcademicYear } from './academic-year.js'
import { academicAge } from './age.js'
import { addDays, addMonths, addYears } from './calendar.js'
import { findOutcome } from './catalogue.js'
import { findDestinationType } from './destination-types.js'
import { evaluateEligibility } from './eligibility.js'
import { formatLongDate } from './format.js'
import { mayFollowUp, type TrackingConsent } from './tracking-consent.js'
import type { CareerSendGroup, IsoDate, OutcomeEligibility, StudentFacts } from './types.js'

/** A review is due when its next date is at most this many days after the reference date. */
export const REVIEW_DUE_WITHIN_DAYS = 28

/** A leaver's destination checked longer ago than this many months needs checking again. */
export const DESTINATION_CHECK_MONTHS = 3

/** Gatsby Benchmark 3 expects destinations to be collected for this many years after leaving. */
export const DESTINATION_TRACKING_YEARS = 3

/** The National Curriculum years of the September Guarantee. */
export const SEPTEMBER_GUARANTEE_YEARS: readonly string[] = ['11', '12']

/** The academic age of a student in Year 9, used when the NC year is X or missing. */
const YEAR_9_ACADEMIC_AGE = 13

export interface WorkListStudent {
  id: number
  /** `R`, `1` to `14`, `X`, or null when not recorded. */
  ncYear: string | null
  leftOn: IsoDate | null
  facts: StudentFacts
  group: CareerSendGroup | null
  /** The academic year the stored NC year belongs to: that of the school's latest import. */
  registerYear: AcademicYear
}

export interface WorkListReview {
  id: number
  studentId: number
  heldOn: IsoDate
  nextReviewOn: IsoDate | null
  /** `ehcp_annual`, `careers_guidance` or `transition`. */
  kind: string
}

export interface WorkListSpell {
  id: number
  studentId: number
  intent: 'intended' | 'actual' | string
  type: string
  startDate: IsoDate
  endDate: IsoDate | null
  checkedOn: IsoDate | null
}

export interface WorkListTarget {
  studentId: number
  rank: number
  outcomeId: string
  plannedStart: IsoDate | null
}

export interface WorkListEntry<Status extends string = string> {
  studentId: number
  status: Status
  /** The reason the student is listed, in one or more full sentences. */
  why: string
  /** The date that matters for the list, or null when the list has none for this entry. */
  date: IsoDate | null
}

export type ReviewStatus = 'overdue' | 'due'
export type NoPlanStatus = 'year_9_or_above' | 'below_year_9'
export type SeptemberGuaranteeStatus = 'missed' | 'due' | 'not_yet_due'
export type DestinationStatus = 'no_actual' | 'not_known' | 'ended' | 'never_checked' | 'stale'

const REVIEW_KIND_NAMES: Record<string, string> = {
  ehcp_annual: 'EHC plan annual review',
  careers_guidance: 'careers guidance review',
  transition: 'transition review',
}

/** Returns the name of a review kind for a sentence, such as "careers guidance review". */
export function reviewKindName(kind: string): string {
  return REVIEW_KIND_NAMES[kind] ?? 'review'
}

/** True when the student has a leaving date on or before the reference date. */
export function hasLeft(student: { leftOn: IsoDate | null }, today: IsoDate): boolean {
  return student.leftOn !== null && student.leftOn <= today
}

function latestBy<T extends { id: number }>(items: T[], dateOf: (item: T) => IsoDate): T | null {
  let latest: T | null = null
  for (const item of items) {
    const later =
      latest === null ||
      dateOf(item) > dateOf(latest) ||
      (dateOf(item) === dateOf(latest) && item.id > latest.id)
    if (later) latest = item
  }
  return latest
}

function groupByStudent<T extends { studentId: number }>(items: T[]): Map<number, T[]> {
  const byStudent = new Map<number, T[]>()
  for (const item of items) {
    const list = byStudent.get(item.studentId) ?? []
    list.push(item)
    byStudent.set(item.studentId, list)
  }
  return byStudent
}

function rankOf<Status extends string>(order: readonly Status[]) {
  return (entry: WorkListEntry<Status>) => order.indexOf(entry.status)
}

/**
 * Lists students whose latest review (by date held) names a next review date that has passed
 * (overdue) or falls within 28 days (due). A later review replaces an earlier one's next date,
 * so an overdue date is only reported while no review was held after it. Overdue comes first,
 * then by next review date.
 * NOTE: the EHC plan review date imported with the register is not read. Only reviews recorded
 * in a plan count, so a student whose annual review exists only in the MIS is not listed.
 */
export function reviewsDue(
  students: WorkListStudent[],
  reviews: WorkListReview[],
  today: IsoDate,
): WorkListEntry<ReviewStatus>[] {
  const byStudent = groupByStudent(reviews)
  const dueBy = addDays(today, REVIEW_DUE_WITHIN_DAYS)
  const entries: WorkListEntry<ReviewStatus>[] = []

  for (const student of students) {
    if (hasLeft(student, today)) continue
    const latest = latestBy(byStudent.get(student.id) ?? [], (review) => review.heldOn)
    const next = latest?.nextReviewOn
    if (!latest || !next || next > dueBy) continue

    const name = reviewKindName(latest.kind)
    const held = formatLongDate(latest.heldOn)
    if (next < today) {
      const why = `The next ${name} was due on ${formatLongDate(next)}. No review has been recorded since the one on ${held}.`
      entries.push({ studentId: student.id, status: 'overdue', why, date: next })
    } else {
      const when = next === today ? 'today' : `on ${formatLongDate(next)}`
      const why = `The next ${name} is due ${when}, as agreed at the review on ${held}.`
      entries.push({ studentId: student.id, status: 'due', why, date: next })
    }
  }

  const rank = rankOf<ReviewStatus>(['overdue', 'due'])
  return entries.sort((a, b) => rank(a) - rank(b) || (a.date ?? '').localeCompare(b.date ?? ''))
}

/**
 * True for NC years 9 to 14. With NC year X or none recorded, true when the student's academic
 * age is at least that of Year 9 (13), since special schools often record X.
 */
export function isYear9OrAbove(student: WorkListStudent, today: IsoDate): boolean {
  const year = student.ncYear?.trim().toUpperCase() ?? null
  if (year !== null && /^\d+$/.test(year)) return Number(year) >= 9
  if (year === 'R') return false
  return academicAge(student.facts.dateOfBirth, academicYearOf(today)) >= YEAR_9_ACADEMIC_AGE
}

/**
 * Lists students who have not left and have no career plan, Year 9 and above first. The order
 * of the input is kept within each part, so pass students in name order.
 */
export function studentsWithoutPlan(
  students: WorkListStudent[],
  studentsWithPlan: ReadonlySet<number>,
  today: IsoDate,
): WorkListEntry<NoPlanStatus>[] {
  const entries = students
    .filter((student) => !hasLeft(student, today) && !studentsWithPlan.has(student.id))
    .map((student): WorkListEntry<NoPlanStatus> => {
      if (isYear9OrAbove(student, today)) {
        const why = 'No career plan yet. Plans start in Year 9, so this student needs one now.'
        return { studentId: student.id, status: 'year_9_or_above', why, date: null }
      }
      const why = 'No career plan yet. A plan is needed by Year 9.'
      return { studentId: student.id, status: 'below_year_9', why, date: null }
    })
  const rank = rankOf<NoPlanStatus>(['year_9_or_above', 'below_year_9'])
  return entries.sort((a, b) => rank(a) - rank(b))
}

/**
 * Lists Year 11 and 12 students who have not left and have no intended or actual destination
 * starting in the academic year after their register year. The offer is due by 30 September of
 * that year: before 1 September the entry is "not yet due", from 1 to 30 September "due", and
 * from 1 October "missed". Missed comes first, then due, then not yet due.
 */
export function septemberGuarantee(
  students: WorkListStudent[],
  spells: WorkListSpell[],
  today: IsoDate,
): WorkListEntry<SeptemberGuaranteeStatus>[] {
  const byStudent = groupByStudent(spells)
  const entries: WorkListEntry<SeptemberGuaranteeStatus>[] = []

  for (const student of students) {
    const year = student.ncYear?.trim() ?? ''
    if (hasLeft(student, today) || !SEPTEMBER_GUARANTEE_YEARS.includes(year)) continue
    const destinationYear = student.registerYear + 1
    const hasOffer = (byStudent.get(student.id) ?? []).some(
      (spell) =>
        (spell.intent === 'intended' || spell.intent === 'actual') &&
        academicYearOf(spell.startDate) === destinationYear,
    )
    if (hasOffer) continue

    const deadline = `${destinationYear}-09-30`
    const opens = `${destinationYear}-09-01`
    const missing = `Year ${year}, with no offer or destination recorded for ${formatAcademicYear(destinationYear)}.`
    const deadlineText = formatLongDate(deadline)
    let entry: WorkListEntry<SeptemberGuaranteeStatus>
    if (today > deadline) {
      const why = `${missing} The September Guarantee was missed on ${deadlineText}.`
      entry = { studentId: student.id, status: 'missed', why, date: deadline }
    } else if (today >= opens) {
      const why = `${missing} The offer is due by ${deadlineText}.`
      entry = { studentId: student.id, status: 'due', why, date: deadline }
    } else {
      const why = `${missing} The September Guarantee asks for an offer by ${deadlineText}.`
      entry = { studentId: student.id, status: 'not_yet_due', why, date: deadline }
    }
    entries.push(entry)
  }

  const rank = rankOf<SeptemberGuaranteeStatus>(['missed', 'due', 'not_yet_due'])
  return entries.sort((a, b) => rank(a) - rank(b))
}

function typeLabel(type: string): string {
  return findDestinationType(type)?.label ?? type
}

function destinationEntry(
  student: WorkListStudent & { leftOn: IsoDate },
  spells: WorkListSpell[],
  consent: TrackingConsent | null,
  today: IsoDate,
): WorkListEntry<DestinationStatus> | null {
  const id = student.id
  const left = `Left on ${formatLongDate(student.leftOn)}`
  const actual = spells.filter((spell) => spell.intent === 'actual' && spell.startDate <= today)
  const latest = latestBy(actual, (spell) => spell.startDate)
  const followUp = { dateOfBirth: student.facts.dateOfBirth, latestType: latest?.type ?? null }
  if (!mayFollowUp({ ...followUp, consent }, today)) return null
  if (!latest) {
    return {
      studentId: id,
      status: 'no_actual',
      why: `${left}, with no actual destination recorded.`,
      date: student.leftOn,
    }
  }
  if (latest.type === 'not-known') {
    const why = `${left}. The latest destination is recorded as not known.`
    return { studentId: id, status: 'not_known', why, date: student.leftOn }
  }

  const label = typeLabel(latest.type)
  if (latest.endDate !== null && latest.endDate < today) {
    const why = `The latest destination, ${label}, ended on ${formatLongDate(latest.endDate)}.`
    return { studentId: id, status: 'ended', why, date: latest.endDate }
  }
  if (latest.checkedOn === null) {
    const why = `The latest destination, ${label}, has never been checked.`
    return { studentId: id, status: 'never_checked', why, date: student.leftOn }
  }
  if (latest.checkedOn < addMonths(today, -DESTINATION_CHECK_MONTHS)) {
    const why = `The latest destination, ${label}, was last checked on ${formatLongDate(latest.checkedOn)}, more than ${DESTINATION_CHECK_MONTHS} months ago.`
    return { studentId: id, status: 'stale', why, date: latest.checkedOn }
  }
  return null
}

/**
 * Lists students who left in the last 3 years whose destination needs chasing: no actual spell
 * has started, the latest is not known, it has ended, or it was never checked or last checked
 * more than 3 months ago. A student who left today is a leaver. In the order of the input.
 * A leaver aged 16 or more who refused or withdrew consent to tracking is left out, unless
 * their latest destination is a school sixth form. `consents` maps student ids to their
 * latest answer.
 */
export function destinationsUnknown(
  students: WorkListStudent[],
  spells: WorkListSpell[],
  today: IsoDate,
  consents: ReadonlyMap<number, TrackingConsent> = new Map(),
): WorkListEntry<DestinationStatus>[] {
  const byStudent = groupByStudent(spells)
  const trackedFrom = addYears(today, -DESTINATION_TRACKING_YEARS)
  const entries: WorkListEntry<DestinationStatus>[] = []
  for (const student of students) {
    const leftOn = student.leftOn
    if (leftOn === null || leftOn > today || leftOn < trackedFrom) continue
    const entry = destinationEntry(
      { ...student, leftOn },
      byStudent.get(student.id) ?? [],
      consents.get(student.id) ?? null,
      today,
    )
    if (entry) entries.push(entry)
  }
  return entries
}

/**
 * Counts the leavers of the last 3 years that destinationsUnknown leaves out because they
 * refused or withdrew consent to tracking, so the list page can state that they are not in it.
 */
export function leaversWithoutConsent(
  students: WorkListStudent[],
  spells: WorkListSpell[],
  today: IsoDate,
  consents: ReadonlyMap<number, TrackingConsent>,
): number {
  const byStudent = groupByStudent(spells)
  const trackedFrom = addYears(today, -DESTINATION_TRACKING_YEARS)
  let count = 0
  for (const student of students) {
    const leftOn = student.leftOn
    if (leftOn === null || leftOn > today || leftOn < trackedFrom) continue
    const started = (byStudent.get(student.id) ?? []).filter(
      (spell) => spell.intent === 'actual' && spell.startDate <= today,
    )
    const latest = latestBy(started, (spell) => spell.startDate)
    const followUp = {
      dateOfBirth: student.facts.dateOfBirth,
      latestType: latest?.type ?? null,
      consent: consents.get(student.id) ?? null,
    }
    if (!mayFollowUp(followUp, today)) count += 1
  }
  return count
}

/**
 * Lists each target outcome of a student who has not left that is now `not_eligible`, judged
 * on the target's planned start, or on `planningDate` (the planning year's reference date) when
 * none is recorded. A target whose outcome is no longer in the catalogue is listed too.
 */
export function ineligibleTargets(
  students: WorkListStudent[],
  targets: WorkListTarget[],
  today: IsoDate,
  planningDate: IsoDate,
): WorkListEntry<'not_eligible'>[] {
  const byStudent = groupByStudent(targets)
  const entries: WorkListEntry<'not_eligible'>[] = []

  for (const student of students) {
    if (hasLeft(student, today)) continue
    const ranked = [...(byStudent.get(student.id) ?? [])].sort((a, b) => a.rank - b.rank)
    const verdicts = new Map<IsoDate, OutcomeEligibility[]>()
    for (const target of ranked) {
      const on = target.plannedStart ?? planningDate
      const outcome = findOutcome(target.outcomeId)
      const label = `Target ${target.rank} (${outcome?.title ?? target.outcomeId})`
      if (!outcome) {
        const why = `${label} is no longer in the outcome catalogue. Choose another target.`
        entries.push({ studentId: student.id, status: 'not_eligible', why, date: on })
        continue
      }

      const results =
        verdicts.get(on) ??
        evaluateEligibility({ facts: student.facts, group: student.group, referenceDate: on })
      verdicts.set(on, results)
      const result = results.find((candidate) => candidate.outcomeId === target.outcomeId)
      if (result?.verdict !== 'not_eligible') continue
      const why = `${label} is not eligible. ${result.reasons.join(' ')}`
      entries.push({ studentId: student.id, status: 'not_eligible', why, date: on })
    }
  }
  return entries
}
