// Converts between the plan forms' fields and the service's input: a posted body to input and the
// answers to show again, and a stored part to the answers of its edit form.
import { MAX_TARGETS } from '../../domain/plan.js'
import { listOf, textOf } from '../../web/form-body.js'
import type { FormBody } from '../../web/form-body.js'
import type { FormErrors } from '../../web/form-errors.js'
import { datePartsOf } from './plan.dates.js'
import type { DateParts, FieldError } from './plan.dates.js'
import type { PartKind, PartOf, Target } from './plan.types.js'
import type { PartInputs, TargetChoiceInput } from './plan.validation.js'

/** A form's answers by field name. Date inputs have `<field>-day`, `-month` and `-year`. */
export type Answers = Record<string, string | string[]>

type Body = FormBody

/** The fields of each form that hold one line or block of text, or one choice. */
const TEXT_FIELDS: Record<PartKind, string[]> = {
  aspiration: ['words', 'gathered-how'],
  goal: ['area', 'goal', 'status'],
  action: ['what', 'who', 'status'],
  review: ['kind', 'participants', 'summary', 'pfa-reason'],
}

const DATE_FIELDS: Record<PartKind, string[]> = {
  aspiration: ['recorded-on'],
  goal: [],
  action: ['due-on'],
  review: ['held-on', 'next-review-on'],
}

function dateAnswers(answers: Answers, field: string, parts: DateParts) {
  answers[`${field}-day`] = parts.day
  answers[`${field}-month`] = parts.month
  answers[`${field}-year`] = parts.year
}

function dateOf(answers: Answers, field: string): DateParts {
  const text = (key: string) => String(answers[`${field}-${key}`] ?? '')
  return { day: text('day'), month: text('month'), year: text('year') }
}

/** Reads the answers of a part's form from a posted body, keeping exactly what was typed. */
export function readPartAnswers(kind: PartKind, body: Body): Answers {
  const answers: Answers = {}
  for (const field of TEXT_FIELDS[kind]) answers[field] = textOf(body, field)
  for (const field of DATE_FIELDS[kind]) {
    const parts = { day: '', month: '', year: '' }
    for (const key of ['day', 'month', 'year'] as const)
      parts[key] = textOf(body, `${field}-${key}`)
    dateAnswers(answers, field, parts)
  }
  if (kind === 'review') answers['pfa-areas'] = listOf(body, 'pfa-areas')
  return answers
}

/** Converts a part form's answers to the service's input. */
export function partInputOf<K extends PartKind>(kind: K, answers: Answers): PartInputs[K] {
  const text = (field: string) => String(answers[field] ?? '')
  const inputs: { [P in PartKind]: () => PartInputs[P] } = {
    aspiration: () => ({
      words: text('words'),
      gatheredHow: text('gathered-how'),
      recordedOn: dateOf(answers, 'recorded-on'),
    }),
    goal: () => ({ area: text('area'), goal: text('goal'), status: text('status') }),
    action: () => ({
      what: text('what'),
      who: text('who'),
      dueOn: dateOf(answers, 'due-on'),
      status: text('status'),
    }),
    review: () => ({
      heldOn: dateOf(answers, 'held-on'),
      kind: text('kind'),
      participants: text('participants'),
      summary: text('summary'),
      nextReviewOn: dateOf(answers, 'next-review-on'),
      pfaAreas: Array.isArray(answers['pfa-areas']) ? answers['pfa-areas'] : [],
      pfaReason: text('pfa-reason'),
    }),
  }
  return inputs[kind]()
}

/** Returns the answers a new part's form starts with. */
export function blankAnswers(kind: PartKind, today: string): Answers {
  const answers: Answers = {}
  for (const field of TEXT_FIELDS[kind]) answers[field] = ''
  for (const field of DATE_FIELDS[kind]) dateAnswers(answers, field, datePartsOf(null))
  // A new aspiration or review is nearly always recorded on the day it happens.
  if (kind === 'aspiration') dateAnswers(answers, 'recorded-on', datePartsOf(today))
  if (kind === 'review') dateAnswers(answers, 'held-on', datePartsOf(today))
  if (kind === 'goal') answers.status = 'active'
  if (kind === 'action') answers.status = 'not_started'
  if (kind === 'review') answers['pfa-areas'] = []
  return answers
}

/** Returns the answers of a stored part's edit form. */
export function partAnswers<K extends PartKind>(kind: K, part: PartOf[K]): Answers {
  const answers: Answers = {}
  if (kind === 'aspiration') {
    const aspiration = part as PartOf['aspiration']
    answers.words = aspiration.words
    answers['gathered-how'] = aspiration.gatheredHow
    dateAnswers(answers, 'recorded-on', datePartsOf(aspiration.recordedOn))
  } else if (kind === 'goal') {
    const goal = part as PartOf['goal']
    Object.assign(answers, { area: goal.area, goal: goal.goal, status: goal.status })
  } else if (kind === 'action') {
    const action = part as PartOf['action']
    Object.assign(answers, { what: action.what, who: action.who, status: action.status })
    dateAnswers(answers, 'due-on', datePartsOf(action.dueOn))
  } else {
    const review = part as PartOf['review']
    const { kind: reviewKind, participants, summary } = review
    Object.assign(answers, { kind: reviewKind, participants, summary })
    dateAnswers(answers, 'held-on', datePartsOf(review.heldOn))
    dateAnswers(answers, 'next-review-on', datePartsOf(review.nextReviewOn))
    answers['pfa-areas'] = [...review.pfaAreas]
    answers['pfa-reason'] = review.pfaReason ?? ''
  }
  return answers
}

const TARGET_KEYS = ['outcome', 'start-day', 'start-month', 'start-year', 'note']

/** Matches a targets form field of any row number, such as `target-4-outcome`. */
const TARGET_FIELD = /^target-([1-9]\d{0,3})-(outcome|start-day|start-month|start-year|note)$/

/** Returns the highest row number of the targets form sent with something in it, at least 0. */
function lastFilledTargetRow(body: Body): number {
  let last = 0
  for (const [field, value] of Object.entries(body)) {
    const match = TARGET_FIELD.exec(field)
    const filled = [value].flat().some((item) => typeof item === 'string' && item.trim() !== '')
    if (match && filled) last = Math.max(last, Number(match[1]))
  }
  return last
}

/**
 * Reads the targets form's rows, one per choice, keeping what was typed. A hand-made form can
 * send rows beyond MAX_TARGETS. Those are read too, so validation rejects them with a message.
 */
export function readTargetAnswers(body: Body): Answers {
  const answers: Answers = {}
  const rows = Math.max(MAX_TARGETS, lastFilledTargetRow(body))
  for (let choice = 1; choice <= rows; choice++) {
    for (const key of TARGET_KEYS) {
      const field = `target-${choice}-${key}`
      answers[field] = textOf(body, field)
    }
  }
  return answers
}

/** Converts the targets form's answers to one choice per row, including rows beyond the maximum. */
export function targetInputOf(answers: Answers): TargetChoiceInput[] {
  const choices: TargetChoiceInput[] = []
  for (let choice = 1; `target-${choice}-outcome` in answers; choice++) {
    const field = `target-${choice}`
    choices.push({
      outcomeId: String(answers[`${field}-outcome`] ?? ''),
      plannedStart: dateOf(answers, `${field}-start`),
      note: String(answers[`${field}-note`] ?? ''),
    })
  }
  return choices
}

export function targetAnswers(targets: Target[]): Answers {
  const answers: Answers = {}
  for (let choice = 1; choice <= MAX_TARGETS; choice++) {
    const target = targets.find((candidate) => candidate.rank === choice)
    const field = `target-${choice}`
    answers[`${field}-outcome`] = target?.outcomeId ?? ''
    answers[`${field}-note`] = target?.note ?? ''
    dateAnswers(answers, `${field}-start`, datePartsOf(target?.plannedStart ?? null))
  }
  return answers
}

/** Converts the service's field errors to the summary list and inline messages of a page. */
export function toPageErrors(errors: FieldError[]): FormErrors {
  const page: FormErrors = { list: [], byField: {} }
  for (const error of errors) {
    if (page.byField[error.field]) continue
    page.byField[error.field] = { text: error.message }
    const href = error.part ? `#${error.field}-${error.part}` : `#${error.field}`
    page.list.push({ href, text: error.message })
  }
  return page
}
