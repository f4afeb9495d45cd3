import { toIsoDate } from '../../domain/calendar.js'
import type { FormErrors } from '../../web/form-errors.js'
import type { ActivityInput, Activity, Problem, ProblemField } from './activity.js'
import type { StudentChoice } from './activity.repository.js'

// Reads the activity forms into service input, and service problems into form errors. Every
// answer is kept as typed, so a rejected form shows what the person entered.

const DATE_PARTS = ['day', 'month', 'year'] as const
type DatePart = (typeof DATE_PARTS)[number]

/** The activity form as typed: every value a string, the ticked students a list. */
export interface ActivityAnswers {
  school: string
  kind: string
  title: string
  day: string
  month: string
  year: string
  provider: string
  benchmark: string
  adjustments: string
  chooser: string
  yearGroup: string
  sendGroup: string
  students: string[]
  version: string
}

export const formMessages = {
  dateMissing: 'Enter the date of the activity',
  datePartMissing: (parts: string[]) =>
    `Date of the activity must include a ${parts.join(' and ')}`,
  yearDigits: 'Year must include 4 numbers',
  dateInvalid: 'Date of the activity must be a real date',
  chooser: 'Select how to choose the students',
  unreadableStudent: (value: string) =>
    `"${value.slice(0, 40)}" is not a student in the list. Tick students from the list`,
  yearGroup: 'Select a year group',
  sendGroup: 'Select Group One or Group Two',
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

/** Reads the posted fields, keeping them as typed. */
export function readAnswers(body: unknown): ActivityAnswers {
  const fields = (body ?? {}) as Record<string, unknown>
  const ticked = fields.students
  const students = (Array.isArray(ticked) ? ticked : [ticked]).filter(
    (value): value is string => typeof value === 'string' && value !== '',
  )
  return {
    school: text(fields, 'school'),
    kind: text(fields, 'kind'),
    title: text(fields, 'title'),
    day: text(fields, 'held-on-day').trim(),
    month: text(fields, 'held-on-month').trim(),
    year: text(fields, 'held-on-year').trim(),
    provider: text(fields, 'provider'),
    benchmark: text(fields, 'benchmark'),
    adjustments: text(fields, 'adjustments'),
    chooser: text(fields, 'chooser'),
    yearGroup: text(fields, 'yearGroup'),
    sendGroup: text(fields, 'sendGroup'),
    students,
    version: text(fields, 'version'),
  }
}

export function answersFrom(activity: Activity): ActivityAnswers {
  const [year = '', month = '', day = ''] = activity.heldOn.split('-')
  return {
    ...emptyAnswers(String(activity.schoolId)),
    kind: activity.kind,
    title: activity.title,
    day: String(Number(day)),
    month: String(Number(month)),
    year,
    provider: activity.provider ?? '',
    benchmark: String(activity.benchmark),
    adjustments: activity.adjustments ?? '',
    version: String(activity.version),
  }
}

export function emptyAnswers(school: string): ActivityAnswers {
  const blank = { kind: '', title: '', day: '', month: '', year: '', provider: '' }
  const rest = { benchmark: '', adjustments: '', chooser: '', yearGroup: '', sendGroup: '' }
  return { school, ...blank, ...rest, students: [], version: '' }
}

/** Reads the day, month and year boxes: an ISO date, or the problem with the part to link to. */
function readDate(
  answers: ActivityAnswers,
): { date: string } | { problem: Problem; part: DatePart } {
  const missing = DATE_PARTS.filter((part) => answers[part] === '')
  if (missing.length === DATE_PARTS.length) {
    return { problem: { field: 'heldOn', message: formMessages.dateMissing }, part: 'day' }
  }
  if (missing.length > 0) {
    const message = formMessages.datePartMissing(missing)
    return { problem: { field: 'heldOn', message }, part: missing[0]! }
  }
  if (!/^\d{4}$/.test(answers.year)) {
    return { problem: { field: 'heldOn', message: formMessages.yearDigits }, part: 'year' }
  }
  if (!/^\d{1,2}$/.test(answers.day) || !/^\d{1,2}$/.test(answers.month)) {
    return { problem: { field: 'heldOn', message: formMessages.dateInvalid }, part: 'day' }
  }
  const parts = {
    year: Number(answers.year),
    month: Number(answers.month),
    day: Number(answers.day),
  }
  return { date: toIsoDate(parts) }
}

/** Reads the shared activity fields. A date the boxes cannot make comes back as a problem. */
export function readActivityInput(answers: ActivityAnswers) {
  const date = readDate(answers)
  const benchmark = answers.benchmark.trim()
  const input: ActivityInput = {
    kind: answers.kind,
    title: answers.title,
    // An unreadable date is left blank here; the problem above is what the form shows.
    heldOn: 'date' in date ? date.date : '',
    provider: answers.provider,
    benchmark: benchmark === '' ? null : /^\d+$/.test(benchmark) ? Number(benchmark) : Number.NaN,
    adjustments: answers.adjustments,
  }
  return { input, dateProblem: 'date' in date ? null : date }
}

/** Reads how the students were chosen, or returns the problem with the chooser. */
export function readChoice(answers: ActivityAnswers): StudentChoice | Problem {
  if (answers.chooser === 'year') {
    const yearGroup = answers.yearGroup.trim()
    if (!/^(R|X|\d{1,2})$/.test(yearGroup)) {
      return { field: 'students', message: formMessages.yearGroup }
    }
    return { by: 'year', yearGroup }
  }
  if (answers.chooser === 'group') {
    const group = answers.sendGroup
    if (group !== 'one' && group !== 'two') {
      return { field: 'students', message: formMessages.sendGroup }
    }
    return { by: 'group', group }
  }
  if (answers.chooser === 'students') {
    // The list only ever sends record numbers, so anything else was not ticked in it.
    const unreadable = answers.students.find((value) => !/^\d{1,10}$/.test(value))
    if (unreadable !== undefined) {
      return { field: 'students', message: formMessages.unreadableStudent(unreadable) }
    }
    return { by: 'students', studentIds: answers.students.map(Number) }
  }
  return { field: 'students', message: formMessages.chooser }
}

// The summary link target of each problem, and the field that shows it inline.
const FIELD_TARGETS: Record<ProblemField, { href: string; key: string }> = {
  school: { href: '#school', key: 'school' },
  kind: { href: '#kind', key: 'kind' },
  title: { href: '#title', key: 'title' },
  heldOn: { href: '#held-on-day', key: 'held-on' },
  provider: { href: '#provider', key: 'provider' },
  benchmark: { href: '#benchmark', key: 'benchmark' },
  adjustments: { href: '#adjustments', key: 'adjustments' },
  students: { href: '#chooser', key: 'chooser' },
  student: { href: '#student', key: 'student' },
  studentAdjustments: { href: '#studentAdjustments', key: 'studentAdjustments' },
  reflection: { href: '#reflection', key: 'reflection' },
}

/**
 * Builds form errors from problems, in the order given. Several problems on one field are joined
 * in its inline message, so each one shows, as each ticked student's does.
 */
export function problemsToErrors(problems: Problem[], datePart: DatePart = 'day'): FormErrors {
  const errors: FormErrors = { list: [], byField: {} }
  for (const problem of problems) {
    const target = FIELD_TARGETS[problem.field]
    const href = problem.field === 'heldOn' ? `#held-on-${datePart}` : target.href
    errors.list.push({ href, text: problem.message })
    const existing = errors.byField[target.key]
    errors.byField[target.key] = {
      text: existing ? `${existing.text}. ${problem.message}` : problem.message,
    }
  }
  return errors
}

/** Orders problems as the form shows its fields, so the summary reads top to bottom. */
export function inFormOrder(problems: Problem[]): Problem[] {
  const order: ProblemField[] = [
    'school',
    'kind',
    'title',
    'heldOn',
    'provider',
    'benchmark',
    'adjustments',
    'students',
  ]
  return [...problems].sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field))
}
