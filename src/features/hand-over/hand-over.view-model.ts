// The hand-over pack as one view model, which both the print-ready page and the PDF are built
// from, so the two always hold the same facts.
import { findOutcome } from '../../domain/catalogue.js'
import { findDestinationType } from '../../domain/destination-types.js'
import { formatLongDate, formatShortDate } from '../../domain/format.js'
import { findNccisCode, nccisCodeForDestination } from '../../domain/nccis-codes.js'
import { evaluateEligibility } from '../../domain/eligibility.js'
import type { IsoDate, OutcomeEligibility } from '../../domain/types.js'
import { resolveReferenceDate } from '../eligibility/reference-date.js'
import { toStudentFacts } from '../students/student.grouping.js'
import type { StudentDetail } from '../students/student.service.js'
import {
  basisLabel,
  displayName,
  flagTags,
  needLabel,
  provisionLabel,
} from '../students/students.view-model.js'
import { groupLabel } from '../../domain/group-label.js'
import {
  ACTION_STATUS_LABELS,
  ACTIVITY_KIND_LABELS,
  benchmarkLabel,
  GATHERED_HOW_LABELS,
  GOAL_STATUS_LABELS,
  INTENT_LABELS,
  labelOf,
  OPEN_ACTION_STATUSES,
  PFA_AREA_LABELS,
  REVIEW_KIND_LABELS,
} from './hand-over.labels.js'
import type { HandOverRecords } from './hand-over.repository.js'

/** A label and its value, as a summary list row or a table cell pair. */
export interface Fact {
  key: string
  value: string
}

/** A table: column headings and rows of cells, every cell text. */
export interface FactTable {
  caption: string
  head: string[]
  rows: string[][]
}

export interface HandOverPack {
  title: string
  studentId: number
  preparedOn: string
  profile: Fact[]
  group: { label: string; basis: string; flags: string[]; explanation: string[] }
  aspirations: FactTable | null
  goalAreas: { area: string; goals: string[] }[]
  targets: FactTable | null
  actions: FactTable | null
  latestReview: Fact[] | null
  activities: FactTable | null
  destinations: FactTable | null
  adjustments: string[]
}

/** The text each section shows when it has nothing to show. */
export const EMPTY_TEXT = {
  aspirations: 'No aspirations recorded.',
  goals: 'No goals recorded in this area.',
  targets: 'No target outcomes recorded.',
  actions: 'No open actions.',
  review: 'No review recorded.',
  activities: 'No careers activities recorded.',
  destinations: 'No destinations recorded.',
  adjustments: 'No adjustments recorded in careers activities.',
}

const longDate = (date: IsoDate | null) => (date ? formatLongDate(date) : 'None recorded')
const orNone = (text: string | null) => (text?.trim() ? text.trim() : 'None recorded')

function tableOrNull(caption: string, head: string[], rows: string[][]): FactTable | null {
  return rows.length > 0 ? { caption, head, rows } : null
}

function profileFacts({ student }: StudentDetail): Fact[] {
  return [
    { key: 'Name', value: displayName(student) },
    { key: 'Legal name', value: `${student.legalForename} ${student.legalSurname}` },
    { key: 'Date of birth', value: formatLongDate(student.dateOfBirth) },
    { key: 'UPN', value: student.upn ?? 'None recorded' },
    { key: 'Year group', value: student.ncYear ?? 'None recorded' },
    { key: 'SEN provision', value: provisionLabel(student.provisionCode) },
    { key: 'Primary need', value: needLabel(student.primaryNeed) },
    { key: 'Secondary need', value: needLabel(student.secondaryNeed) },
    { key: 'Left the school', value: student.leftOn ? formatLongDate(student.leftOn) : 'No' },
  ]
}

// The same group, basis, flags and reasons as the student page, without the form.
function groupFacts({ assignment }: StudentDetail) {
  return {
    label: groupLabel(assignment.group),
    basis: basisLabel(assignment.basis),
    flags: flagTags(assignment.flags, assignment.conflict !== null).map((tag) => tag.text),
    explanation: assignment.explanation,
  }
}

function goalAreas(goals: HandOverRecords['goals']) {
  const areas = Object.keys(PFA_AREA_LABELS)
  const unknown = [...new Set(goals.map((goal) => goal.area))].filter((a) => !areas.includes(a))
  return [...areas, ...unknown].map((area) => ({
    area: labelOf(PFA_AREA_LABELS, area),
    goals: goals
      .filter((goal) => goal.area === area)
      .map((goal) => `${goal.goal} (${labelOf(GOAL_STATUS_LABELS, goal.status).toLowerCase()})`),
  }))
}

function reviewFacts(review: HandOverRecords['reviews'][number] | undefined): Fact[] | null {
  if (!review) return null
  const areas = review.pfaAreas.map((area) => labelOf(PFA_AREA_LABELS, area))
  return [
    { key: 'Held on', value: formatLongDate(review.heldOn) },
    { key: 'Kind', value: labelOf(REVIEW_KIND_LABELS, review.kind) },
    { key: 'Who took part', value: review.participants },
    { key: 'Summary', value: review.summary },
    { key: 'Preparing for Adulthood areas covered', value: areas.join('; ') || 'None recorded' },
    ...(review.pfaReason ? [{ key: 'Areas not covered, and why', value: review.pfaReason }] : []),
    { key: 'Next review', value: longDate(review.nextReviewOn) },
  ]
}

function nccisText(spell: HandOverRecords['spells'][number]): string {
  const code = spell.nccisCode ?? nccisCodeForDestination(spell.type)?.code
  if (!code) return 'None'
  const known = findNccisCode(code)
  return known ? `${known.code} ${known.label}` : code
}

function paidText(paid: number | null): string {
  if (paid === null) return 'None recorded'
  return paid === 1 ? 'Yes' : 'No'
}

function spellRows(spells: HandOverRecords['spells']): string[][] {
  return spells.map((spell) => [
    labelOf(INTENT_LABELS, spell.intent),
    findDestinationType(spell.type)?.label ?? spell.type,
    formatShortDate(spell.startDate),
    spell.endDate ? formatShortDate(spell.endDate) : 'Ongoing',
    orNone(spell.provider),
    spell.hoursPerWeek === null ? 'None recorded' : String(spell.hoursPerWeek),
    paidText(spell.paid),
    spell.checkedOn ? formatShortDate(spell.checkedOn) : 'None recorded',
    nccisText(spell),
  ])
}

/** Gathers each distinct adjustment from the activities, in the order first met. */
function adjustmentsThatWork(activities: HandOverRecords['activities']): string[] {
  const seen = new Map<string, string>()
  for (const activity of activities) {
    for (const text of [activity.adjustmentsForStudent, activity.adjustmentsForAll]) {
      const trimmed = text?.trim()
      if (trimmed && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed)
    }
  }
  return [...seen.values()]
}

const VERDICT_WORDS: Record<OutcomeEligibility['verdict'], string> = {
  eligible: 'Eligible',
  check: 'Check',
  not_eligible: 'Not eligible',
}

/**
 * Describes whether the student may take up a target outcome, judged on its planned start, or
 * on the default planning year's reference date when none is recorded, as the plan page does.
 */
function eligibilityText(
  detail: StudentDetail,
  target: HandOverRecords['targets'][number],
  today: IsoDate,
): string {
  const planning = resolveReferenceDate({}, today)
  const on = target.plannedStart ?? (planning.ok ? planning.value.date : today)
  const results = evaluateEligibility({
    facts: toStudentFacts(detail.student),
    group: detail.assignment.group,
    referenceDate: on,
  })
  const result = results.find((candidate) => candidate.outcomeId === target.outcomeId)
  if (!result) return 'Not in the outcome catalogue'
  return `${VERDICT_WORDS[result.verdict]} on ${formatLongDate(on)}. ${result.reasons.join(' ')}`
}

function planTables(detail: StudentDetail, records: HandOverRecords, today: IsoDate) {
  const aspirations = tableOrNull(
    'Aspirations',
    ['What the student wants', 'How it was gathered', 'Recorded on'],
    records.aspirations.map((aspiration) => [
      aspiration.words,
      labelOf(GATHERED_HOW_LABELS, aspiration.gatheredHow),
      formatLongDate(aspiration.recordedOn),
    ]),
  )
  const targets = tableOrNull(
    'Target outcomes',
    ['Rank', 'Outcome', 'Planned start', 'Eligibility', 'Note'],
    records.targets.map((target) => [
      String(target.rank),
      findOutcome(target.outcomeId)?.title ?? target.outcomeId,
      longDate(target.plannedStart),
      eligibilityText(detail, target, today),
      orNone(target.note),
    ]),
  )
  const open = records.actions.filter((action) => OPEN_ACTION_STATUSES.includes(action.status))
  const actions = tableOrNull(
    'Open actions',
    ['Action', 'Who', 'Due', 'Status'],
    open.map((action) => [
      action.what,
      action.who,
      longDate(action.dueOn),
      labelOf(ACTION_STATUS_LABELS, action.status),
    ]),
  )
  return { aspirations, targets, actions }
}

/** Builds the hand-over pack of a student from their record and step-3 rows. */
export function handOverPack(
  detail: StudentDetail,
  records: HandOverRecords,
  today: IsoDate,
): HandOverPack {
  const activities = tableOrNull(
    'Careers activities',
    ['Activity', 'Kind', 'Held on', 'Provider', 'Gatsby Benchmark', 'Reflection'],
    records.activities.map((activity) => [
      activity.title,
      labelOf(ACTIVITY_KIND_LABELS, activity.kind),
      activity.heldOn > today
        ? `${formatLongDate(activity.heldOn)} (planned)`
        : formatLongDate(activity.heldOn),
      orNone(activity.provider),
      benchmarkLabel(activity.benchmark, activity.heldOn),
      orNone(activity.reflection),
    ]),
  )
  const destinations = tableOrNull(
    'Destinations',
    [
      'Intent',
      'Destination',
      'Start',
      'End',
      'Provider',
      'Hours a week',
      'Paid',
      'Last checked',
      'NCCIS code',
    ],
    spellRows(records.spells),
  )

  return {
    title: `Hand-over pack: ${displayName(detail.student)}`,
    studentId: detail.student.id,
    preparedOn: formatLongDate(today),
    profile: profileFacts(detail),
    group: groupFacts(detail),
    ...planTables(detail, records, today),
    goalAreas: goalAreas(records.goals),
    latestReview: reviewFacts(records.reviews[0]),
    activities,
    destinations,
    adjustments: adjustmentsThatWork(records.activities),
  }
}

/** Lists every text fact of the pack, for a test that the page and the PDF hold the same. */
export function packFacts(pack: HandOverPack): string[] {
  const tableCells = (table: FactTable | null) => table?.rows.flat() ?? []
  return [
    pack.title,
    ...pack.profile.flatMap((fact) => [fact.key, fact.value]),
    pack.group.label,
    pack.group.basis,
    ...pack.group.flags,
    ...pack.group.explanation,
    ...tableCells(pack.aspirations),
    ...pack.goalAreas.flatMap((area) => [area.area, ...area.goals]),
    ...tableCells(pack.targets),
    ...tableCells(pack.actions),
    ...(pack.latestReview ?? []).flatMap((fact) => [fact.key, fact.value]),
    ...tableCells(pack.activities),
    ...tableCells(pack.destinations),
    ...pack.adjustments,
  ]
}
