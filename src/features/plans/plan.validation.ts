// Checks what a person entered for each part of a plan and converts it to the columns to store.
// Every check runs, so a form shows all its errors at once. Field names are the form's field ids.
import { findOutcome } from '../../domain/catalogue.js'
import { formatLongDate } from '../../domain/format.js'
import {
  ACTION_STATUSES,
  areasNotCovered,
  encodePfaAreas,
  GATHERED_HOW,
  GOAL_STATUSES,
  isKeyOf,
  isPlannedStartAccepted,
  listAreaLabels,
  MAX_TARGETS,
  needsPreparingForAdulthoodPrompt,
  PFA_AREAS,
  REVIEW_KINDS,
  reviewMustCoverAllAreas,
} from '../../domain/plan.js'
import type { PfaArea, PromptFacts, StoredStart } from '../../domain/plan.js'
import { provisionOf } from '../../domain/provision.js'
import { controlCharacterProblem } from '../../domain/text.js'
import type { IsoDate } from '../../domain/types.js'
import { readPlanDate } from './plan.dates.js'
import type { DateInput, DateRule, FieldError } from './plan.dates.js'
import type { PartKind } from './plan.types.js'

/** The maximum length of a plan's free text, such as an aspiration or a review summary. */
export const MAX_TEXT_LENGTH = 2000

/** The maximum length of a name list, such as who does an action or who attended a review. */
export const MAX_NAMES_LENGTH = 500

export interface AspirationInput {
  words: string
  gatheredHow: string
  recordedOn: DateInput
}

export interface GoalInput {
  area: string
  goal: string
  status: string
}

export interface ActionInput {
  what: string
  who: string
  dueOn: DateInput
  status: string
}

export interface ReviewInput {
  heldOn: DateInput
  kind: string
  participants: string
  summary: string
  nextReviewOn: DateInput
  pfaAreas: string[]
  /** The areas the review did not cover, and the reason. Blank or left out when there is none. */
  pfaReason?: string
}

/** One row of the targets form. A row with every box blank is no target. */
export interface TargetChoiceInput {
  outcomeId: string
  plannedStart: DateInput
  note: string
}

export interface PartInputs {
  aspiration: AspirationInput
  goal: GoalInput
  action: ActionInput
  review: ReviewInput
}

/** The columns each kind of part stores, beside the ids and stamps every part has. */
export interface PartColumns {
  aspiration: { words: string; gathered_how: string; recorded_on: IsoDate }
  goal: { area: string; goal: string; status: string }
  action: { what: string; who: string; due_on: IsoDate | null; status: string }
  review: {
    held_on: IsoDate
    kind: string
    participants: string
    summary: string
    next_review_on: IsoDate | null
    pfa_areas: string
    pfa_reason: string | null
  }
}

export interface TargetColumns {
  rank: number
  outcome_id: string
  planned_start: IsoDate | null
  note: string | null
}

export interface ValidationContext {
  today: IsoDate
  student: PromptFacts
  /** The plan's stored targets, which may keep a planned start that has passed. */
  storedTargets?: readonly StoredStart[]
  /** The kind of the review being edited, so a stored annual review stays editable. */
  storedReviewKind?: string
}

export type Validated<T> = { ok: true; values: T } | { ok: false; errors: FieldError[] }

export const planMessages = {
  wordsMissing: 'Enter what the student wants to do, in the words they used',
  gatheredHow: 'Select how the aspiration was gathered',
  recordedOnMissing: 'Enter the date the aspiration was recorded',
  area: 'Select the Preparing for Adulthood area of the goal',
  goalMissing: 'Enter the goal',
  goalStatus: 'Select the status of the goal',
  whatMissing: 'Enter what is to be done',
  whoMissing: 'Enter who will do it',
  actionStatus: 'Select the status of the action',
  heldOnMissing: 'Enter the date the review was held',
  kind: 'Select the kind of review',
  participantsMissing: 'Enter who took part in the review',
  summaryMissing: 'Enter a summary of the review',
  annualReviewWithoutPlan:
    'An EHC plan annual review is for a student with an EHC plan, and the register shows none for this student. Select another kind of review, or import a register that records the EHC plan',
  pfaArea: 'Select only the Preparing for Adulthood areas listed',
  pfaAreasMissing: (missing: PfaArea[]) =>
    `An EHC plan annual review from Year 9 must cover all four Preparing for Adulthood areas, and this one does not cover: ${listAreaLabels(missing)}. ` +
    'Tick each area the review covered, or say below which area was not covered and why',
  pfaReasonNotNeeded:
    'The review covered all four Preparing for Adulthood areas, so clear the reason for an area not covered',
  tooLong: (name: string, max: number) =>
    `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`,
  nextBeforeHeld: (heldOn: string) =>
    `Date of the next review must be on or after the date this review was held, ${heldOn}`,
  tooManyTargets: (extra: string[]) =>
    `A plan can have no more than ${MAX_TARGETS} target outcomes, but the form also sent ${extra.join(' and ')}. ` +
    `Choose up to ${MAX_TARGETS} in the rows below, then save again`,
  plannedStartPassed: (choice: number, date: string) =>
    `Planned start of choice ${choice} is ${date}, but it must be today or later, because a target that started already belongs in the destinations`,
  targetMissing: (choice: number) =>
    `Select an outcome for choice ${choice}, or clear its planned start date and note`,
  unknownOutcome: (choice: number, id: string) =>
    `Choice ${choice} is "${id}", which is not an outcome in the catalogue. Select an outcome from the list`,
  repeatedOutcome: (choice: number, earlier: number, title: string) =>
    `Choice ${choice} repeats choice ${earlier}, ${title}. Select a different outcome, or leave choice ${choice} blank`,
}

/** Collects the errors of one form and the values that passed. */
class Checks {
  readonly errors: FieldError[] = []

  /** Checks free text. Only a `multiline` field, a textarea, may contain line breaks and tabs. */
  text(
    field: string,
    value: string,
    rule: { name: string; missing?: string; max: number; multiline?: boolean },
  ) {
    const text = value.normalize('NFC').trim()
    const controlProblem = controlCharacterProblem(rule.name, text, rule.multiline ?? false)
    if (text === '' && rule.missing) this.errors.push({ field, message: rule.missing })
    else if (text.length > rule.max) {
      this.errors.push({ field, message: planMessages.tooLong(rule.name, rule.max) })
    } else if (controlProblem !== null) {
      this.errors.push({ field, message: controlProblem })
    }
    return text
  }

  choice<T extends object>(field: string, vocabulary: T, value: string, message: string) {
    if (isKeyOf(vocabulary, value)) return value
    this.errors.push({ field, message })
    return ''
  }

  date(input: DateInput, rule: DateRule, today: IsoDate): IsoDate | null {
    const result = readPlanDate(input, rule, today)
    if (result.ok) return result.date
    this.errors.push(result.error)
    return null
  }

  result<T>(values: T): Validated<T> {
    return this.errors.length > 0 ? { ok: false, errors: this.errors } : { ok: true, values }
  }
}

function validateAspiration(
  input: AspirationInput,
  { today }: ValidationContext,
): Validated<PartColumns['aspiration']> {
  const checks = new Checks()
  const words = checks.text('words', input.words, {
    name: 'Aspiration',
    multiline: true,
    missing: planMessages.wordsMissing,
    max: MAX_TEXT_LENGTH,
  })
  const gatheredHow = checks.choice(
    'gathered-how',
    GATHERED_HOW,
    input.gatheredHow,
    planMessages.gatheredHow,
  )
  const recordedOn = checks.date(
    input.recordedOn,
    {
      field: 'recorded-on',
      name: 'Date recorded',
      missing: planMessages.recordedOnMissing,
      notFuture: true,
    },
    today,
  )
  return checks.result({ words, gathered_how: gatheredHow, recorded_on: recordedOn ?? '' })
}

function validateGoal(input: GoalInput): Validated<PartColumns['goal']> {
  const checks = new Checks()
  const area = checks.choice('area', PFA_AREAS, input.area, planMessages.area)
  const goal = checks.text('goal', input.goal, {
    name: 'Goal',
    multiline: true,
    missing: planMessages.goalMissing,
    max: MAX_TEXT_LENGTH,
  })
  const status = checks.choice('status', GOAL_STATUSES, input.status, planMessages.goalStatus)
  return checks.result({ area, goal, status })
}

function validateAction(
  input: ActionInput,
  { today }: ValidationContext,
): Validated<PartColumns['action']> {
  const checks = new Checks()
  const what = checks.text('what', input.what, {
    name: 'What is to be done',
    multiline: true,
    missing: planMessages.whatMissing,
    max: MAX_TEXT_LENGTH,
  })
  const who = checks.text('who', input.who, {
    name: 'Who will do it',
    missing: planMessages.whoMissing,
    max: MAX_NAMES_LENGTH,
  })
  const dueOn = checks.date(input.dueOn, { field: 'due-on', name: 'Date due' }, today)
  const status = checks.choice('status', ACTION_STATUSES, input.status, planMessages.actionStatus)
  return checks.result({ what, who, due_on: dueOn, status })
}

function validateReview(
  input: ReviewInput,
  { today, student, storedReviewKind }: ValidationContext,
): Validated<PartColumns['review']> {
  const checks = new Checks()
  const heldOn = checks.date(
    input.heldOn,
    {
      field: 'held-on',
      name: 'Date held',
      missing: planMessages.heldOnMissing,
      notFuture: true,
    },
    today,
  )
  const kind = checks.choice('kind', REVIEW_KINDS, input.kind, planMessages.kind)
  if (
    kind === 'ehcp_annual' &&
    provisionOf(student.provisionCode) !== 'E' &&
    storedReviewKind !== 'ehcp_annual'
  ) {
    checks.errors.push({ field: 'kind', message: planMessages.annualReviewWithoutPlan })
  }
  const participants = checks.text('participants', input.participants, {
    name: 'Who took part',
    missing: planMessages.participantsMissing,
    max: MAX_NAMES_LENGTH,
  })
  const summary = checks.text('summary', input.summary, {
    name: 'Summary',
    multiline: true,
    missing: planMessages.summaryMissing,
    max: MAX_TEXT_LENGTH,
  })
  const nextRule = { field: 'next-review-on', name: 'Date of the next review' }
  const nextReviewOn = checks.date(input.nextReviewOn, nextRule, today)
  if (heldOn && nextReviewOn && nextReviewOn < heldOn) {
    const message = planMessages.nextBeforeHeld(formatLongDate(heldOn))
    checks.errors.push({ field: nextRule.field, message, part: 'day' })
  }

  const areas = pfaAreasOf(input.pfaAreas, checks)
  const reason = checks.text('pfa-reason', input.pfaReason ?? '', {
    name: 'Which area was not covered and why',
    max: MAX_NAMES_LENGTH,
  })
  const missing = areasNotCovered(areas)
  // NOTE: the register stores only the current NC year, so a review dated in an earlier school
  // year is judged by today's year group. Only a student in year X or with no year uses the date.
  const promptApplies = needsPreparingForAdulthoodPrompt(student, heldOn ?? today)
  if (missing.length === 0 && reason !== '') {
    checks.errors.push({ field: 'pfa-reason', message: planMessages.pfaReasonNotNeeded })
  } else if (
    reviewMustCoverAllAreas(kind, promptApplies) &&
    missing.length > 0 &&
    reason === '' &&
    !checks.errors.some((error) => error.field === 'pfa-areas')
  ) {
    // An area that is not in the list is reported first, and the form shows one error per field.
    checks.errors.push({ field: 'pfa-areas', message: planMessages.pfaAreasMissing(missing) })
  }
  return checks.result({
    held_on: heldOn ?? '',
    kind,
    participants,
    summary,
    next_review_on: nextReviewOn,
    pfa_areas: encodePfaAreas(areas),
    pfa_reason: reason === '' ? null : reason,
  })
}

function pfaAreasOf(values: string[], checks: Checks): PfaArea[] {
  const areas = values.filter((value): value is PfaArea => isKeyOf(PFA_AREAS, value))
  if (areas.length < values.length)
    checks.errors.push({ field: 'pfa-areas', message: planMessages.pfaArea })
  return [...new Set(areas)]
}

const VALIDATORS: {
  [K in PartKind]: (input: PartInputs[K], context: ValidationContext) => Validated<PartColumns[K]>
} = {
  aspiration: validateAspiration,
  goal: validateGoal,
  action: validateAction,
  review: validateReview,
}

/** Checks one part's input and returns the columns to store, or every field error found. */
export function validatePart<K extends PartKind>(
  kind: K,
  input: PartInputs[K],
  context: ValidationContext,
): Validated<PartColumns[K]> {
  return VALIDATORS[kind](input, context)
}

/** Returns true when a row of the targets form has anything typed or chosen in it. */
function isFilled(choice: TargetChoiceInput): boolean {
  const start = choice.plannedStart
  const dateText = typeof start === 'string' ? start : `${start.day}${start.month}${start.year}`
  return [choice.outcomeId, dateText, choice.note].some((text) => text.trim() !== '')
}

/** Describes a filled row beyond the maximum for the message: "choice 4 (apprenticeship)". */
function extraChoiceName(choice: TargetChoiceInput, number: number): string {
  const outcomeId = choice.outcomeId.trim()
  if (outcomeId === '') return `choice ${number}`
  return `choice ${number} (${findOutcome(outcomeId)?.title ?? outcomeId})`
}

/**
 * Checks the rows of the targets form and returns the targets to store, ranked in the order of
 * the rows that name an outcome, so a blank row between two choices leaves no gap in the ranks.
 * A filled row beyond MAX_TARGETS is an error, so no choice is dropped without a message. A
 * planned start before today is accepted only when a stored target has that outcome and start.
 */
export function validateTargets(
  choices: TargetChoiceInput[],
  { today, storedTargets = [] }: ValidationContext,
): Validated<TargetColumns[]> {
  const checks = new Checks()
  const extra = choices
    .map((choice, index) => ({ choice, number: index + 1 }))
    .filter(({ choice, number }) => number > MAX_TARGETS && isFilled(choice))
  if (extra.length > 0) {
    const names = extra.map(({ choice, number }) => extraChoiceName(choice, number))
    checks.errors.push({ field: 'target-1-outcome', message: planMessages.tooManyTargets(names) })
  }

  const targets: TargetColumns[] = []
  const seen = new Map<string, number>()
  choices.slice(0, MAX_TARGETS).forEach((choice, index) => {
    const number = index + 1
    const field = `target-${number}`
    const outcomeId = choice.outcomeId.trim()
    const startRule = { field: `${field}-start`, name: `Planned start of choice ${number}` }
    const plannedStart = checks.date(choice.plannedStart, startRule, today)
    const note = checks.text(`${field}-note`, choice.note, {
      name: `Note on choice ${number}`,
      max: MAX_TEXT_LENGTH,
      multiline: true,
    })
    if (outcomeId === '') {
      if (plannedStart || note)
        checks.errors.push({
          field: `${field}-outcome`,
          message: planMessages.targetMissing(number),
        })
      return
    }

    if (
      plannedStart &&
      !isPlannedStartAccepted({ outcomeId, plannedStart }, today, storedTargets)
    ) {
      const message = planMessages.plannedStartPassed(number, formatLongDate(plannedStart))
      checks.errors.push({ field: startRule.field, message, part: 'day' })
    }

    const outcome = findOutcome(outcomeId)
    const earlier = seen.get(outcomeId)
    if (!outcome) {
      checks.errors.push({
        field: `${field}-outcome`,
        message: planMessages.unknownOutcome(number, outcomeId),
      })
    } else if (earlier !== undefined) {
      const message = planMessages.repeatedOutcome(number, earlier, outcome.title)
      checks.errors.push({ field: `${field}-outcome`, message })
    } else {
      seen.set(outcomeId, number)
    }
    targets.push({
      rank: targets.length + 1,
      outcome_id: outcomeId,
      planned_start: plannedStart,
      note: note || null,
    })
  })
  return checks.result(targets)
}
