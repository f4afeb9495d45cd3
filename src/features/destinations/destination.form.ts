// Reads the spell and consent forms: govuk day, month and year boxes, hours, paid and the text
// fields. The answers are kept as typed, so a rejected form shows them again.
import { isRealDate, toIsoDate } from '../../domain/calendar.js'
import { MAX_HOURS_PER_WEEK } from '../../domain/destinations.js'
import type { FormErrors } from '../../web/form-errors.js'
import type { SpellField, SpellFieldProblem, SpellInput } from './destination.check.js'

const DATE_PARTS = ['day', 'month', 'year'] as const
type DatePart = (typeof DATE_PARTS)[number]

/** The form's date inputs: the id prefix of the boxes and the label used in messages. */
const DATE_FIELDS = {
  'start-date': { label: 'Start date', spellField: 'startDate' },
  'end-date': { label: 'End date', spellField: 'endDate' },
  'checked-on': { label: 'Date checked', spellField: 'checkedOn' },
} as const
type DateField = keyof typeof DATE_FIELDS

/** The form field (and element id) that shows each spell field's error. */
const FORM_FIELD: Record<SpellField, string> = {
  intent: 'intent',
  type: 'type',
  startDate: 'start-date',
  endDate: 'end-date',
  hoursPerWeek: 'hours',
  paid: 'paid',
  provider: 'provider',
  checkedOn: 'checked-on',
  nccisCode: 'nccis',
  reason: 'reason',
}

const TEXT_FIELDS = ['intent', 'type', 'hours', 'paid', 'provider', 'nccis', 'reason', 'version']

/** Every answer of the spell form, as typed. */
export type SpellAnswers = Record<string, string>

export const formMessages = {
  hours: (value: string) =>
    `Hours a week "${value}" is not a number. Enter the usual hours in one week, like 16 or 37.5`,
  negativeHours: (value: string) =>
    `Hours a week "${value}" cannot be negative. Enter the usual hours in one week, from 0 to ${MAX_HOURS_PER_WEEK}, like 16 or 37.5`,
  paid: 'Select whether the destination is paid, unpaid or not known',
}

function text(body: Record<string, unknown>, name: string): string {
  const value = body[name]
  return typeof value === 'string' ? value : ''
}

/** Reads every answer of the spell form from a urlencoded body. */
export function readSpellAnswers(body: unknown): SpellAnswers {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const answers: SpellAnswers = {}
  for (const name of TEXT_FIELDS) answers[name] = text(fields, name)
  for (const field of Object.keys(DATE_FIELDS)) {
    for (const part of DATE_PARTS) answers[`${field}-${part}`] = text(fields, `${field}-${part}`)
  }
  return answers
}

function emptyErrors(): FormErrors {
  return { list: [], byField: {} }
}

function addError(errors: FormErrors, field: string, message: string, href = field): void {
  if (errors.byField[field]) return
  errors.byField[field] = { text: message }
  errors.list.push({ href: `#${href}`, text: message })
}

/**
 * Reads one date input. Returns the ISO date, undefined when every box is empty, or null after
 * adding an error. A date outside the accepted range is left for the spell check to report.
 */
function readDate(answers: SpellAnswers, field: DateField, errors: FormErrors) {
  const parts = Object.fromEntries(
    DATE_PARTS.map((part) => [part, (answers[`${field}-${part}`] ?? '').trim()]),
  ) as Record<DatePart, string>
  const { label } = DATE_FIELDS[field]
  const missing = DATE_PARTS.filter((part) => parts[part] === '')
  if (missing.length === DATE_PARTS.length) return undefined

  const fail = (message: string, part: DatePart = 'day') => {
    addError(errors, field, message, `${field}-${part}`)
    return null
  }
  if (missing.length > 0)
    return fail(`${label} must include a ${missing.join(' and ')}`, missing[0])
  if (!/^\d{4}$/.test(parts.year)) return fail(`${label} year must include 4 numbers`, 'year')
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month)) {
    return fail(`${label} must be a real date, like 3 9 2025`)
  }
  const date = { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }
  if (!isRealDate(date)) return fail(`${label} must be a real date, like 3 9 2025`)
  return toIsoDate(date)
}

function readHours(answers: SpellAnswers, errors: FormErrors): number | undefined {
  const value = (answers.hours ?? '').trim()
  if (value === '') return undefined
  if (/^-\s*\d/.test(value)) {
    addError(errors, 'hours', formMessages.negativeHours(value))
    return undefined
  }
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) {
    addError(errors, 'hours', formMessages.hours(value))
    return undefined
  }
  return Number(value)
}

function readPaid(answers: SpellAnswers, errors: FormErrors): boolean | undefined {
  const value = answers.paid ?? ''
  if (value === 'yes') return true
  if (value === 'no') return false
  if (value !== '' && value !== 'unknown') addError(errors, 'paid', formMessages.paid)
  return undefined
}

/**
 * Turns the answers into a spell for the service. Errors in the boxes themselves (a date that
 * does not exist, hours that are not a number) are returned as form errors.
 */
export function spellInputFrom(answers: SpellAnswers): { input: SpellInput; errors: FormErrors } {
  const errors = emptyErrors()
  const startDate = readDate(answers, 'start-date', errors)
  const endDate = readDate(answers, 'end-date', errors)
  const checkedOn = readDate(answers, 'checked-on', errors)
  const hoursPerWeek = readHours(answers, errors)
  const paid = readPaid(answers, errors)
  const input: SpellInput = {
    intent: answers.intent ?? '',
    type: answers.type ?? '',
    ...(startDate && { startDate }),
    ...(endDate && { endDate }),
    ...(checkedOn && { checkedOn }),
    ...(hoursPerWeek !== undefined && { hoursPerWeek }),
    ...(paid !== undefined && { paid }),
    provider: answers.provider ?? '',
    nccisCode: answers.nccis ?? '',
    reason: answers.reason ?? '',
  }
  return { input, errors }
}

/**
 * Adds the service's problems to the form errors, each on the field that shows it. A problem on
 * a field that already has a form error is left out, because that error is the one to fix first.
 */
export function addSpellProblems(errors: FormErrors, problems: SpellFieldProblem[]): FormErrors {
  for (const problem of problems) {
    const field = FORM_FIELD[problem.field]
    const href = field in DATE_FIELDS ? `${field}-day` : field
    addError(errors, field, problem.message, href)
  }
  return errors
}

function paidAnswer(paid: boolean | null): string {
  if (paid === null) return 'unknown'
  return paid ? 'yes' : 'no'
}

/** Fills the answers from a stored spell, for the edit form. */
export function answersFromSpell(spell: {
  intent: string
  type: string
  startDate: string
  endDate: string | null
  hoursPerWeek: number | null
  paid: boolean | null
  provider: string | null
  checkedOn: string | null
  nccisCode: string | null
  reason: string | null
  version: number
}): SpellAnswers {
  const answers: SpellAnswers = {
    intent: spell.intent,
    type: spell.type,
    hours: spell.hoursPerWeek === null ? '' : String(spell.hoursPerWeek),
    paid: paidAnswer(spell.paid),
    provider: spell.provider ?? '',
    nccis: spell.nccisCode ?? '',
    reason: spell.reason ?? '',
    version: String(spell.version),
  }
  const dates: Record<DateField, string | null> = {
    'start-date': spell.startDate,
    'end-date': spell.endDate,
    'checked-on': spell.checkedOn,
  }
  for (const [field, date] of Object.entries(dates)) {
    const [year, month, day] = date ? date.split('-') : ['', '', '']
    answers[`${field}-day`] = day ? String(Number(day)) : ''
    answers[`${field}-month`] = month ? String(Number(month)) : ''
    answers[`${field}-year`] = year ?? ''
  }
  return answers
}

/** Reads the consent form's status, date and note. */
export function consentInputFrom(body: unknown) {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const answers: SpellAnswers = {
    status: text(fields, 'status'),
    note: text(fields, 'note'),
    'consent-date-day': text(fields, 'consent-date-day'),
    'consent-date-month': text(fields, 'consent-date-month'),
    'consent-date-year': text(fields, 'consent-date-year'),
  }
  const errors = emptyErrors()
  if (!['given', 'refused', 'withdrawn'].includes(answers.status ?? '')) {
    addError(errors, 'status', 'Select whether consent was given, refused or withdrawn')
  }
  const recordedOn = readConsentDate(answers, errors)
  return { answers, errors, recordedOn }
}

function readConsentDate(answers: SpellAnswers, errors: FormErrors): string | null {
  const parts = DATE_PARTS.map((part) => (answers[`consent-date-${part}`] ?? '').trim())
  const [day = '', month = '', year = ''] = parts
  const fail = (message: string) => {
    addError(errors, 'consent-date', message, 'consent-date-day')
    return null
  }
  if (parts.every((part) => part === '')) return fail('Enter the date of the young person’s answer')
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return fail('Date of the answer must be a real date, like 10 9 2026')
  }
  const date = { year: Number(year), month: Number(month), day: Number(day) }
  if (!isRealDate(date)) return fail('Date of the answer must be a real date, like 10 9 2026')
  return toIsoDate(date)
}
