// Reads the dates of the plan forms: the day, month and year boxes of a govuk date input, or an ISO
// date from code, checked against the bounds each date has.
import { addYears, isRealDate, isValidIsoDate, toIsoDate } from '../../domain/calendar.js'
import { formatLongDate } from '../../domain/format.js'
import type { IsoDate } from '../../domain/types.js'

export type DatePart = 'day' | 'month' | 'year'

/** A date as the form's three boxes sent it. */
export interface DateParts {
  day: string
  month: string
  year: string
}

/** A date as a caller gives it: the form's boxes, or an ISO date (blank for none). */
export type DateInput = DateParts | string

/** A problem with one field. `part` names the box of a date input the error summary links to. */
export interface FieldError {
  field: string
  message: string
  part?: DatePart
}

/** No plan date may be before this: the records a plan holds are all from this century. */
export const EARLIEST_PLAN_DATE: IsoDate = '2000-01-01'

/** How many years after today a date in a plan may be, so a mistyped year is caught. */
export const MAX_YEARS_AHEAD = 5

export interface DateRule {
  /** The form field, such as `recorded-on`. */
  field: string
  /** The date's name at the start of a sentence: "Date recorded". */
  name: string
  /** The message for a required date left blank: "Enter the date the aspiration was recorded". */
  missing?: string
  /** True when the date may not be after today (something that has happened). */
  notFuture?: boolean
}

export type DateResult = { ok: true; date: IsoDate | null } | { ok: false; error: FieldError }

const PARTS: DatePart[] = ['day', 'month', 'year']

function partsOf(input: DateInput): DateParts {
  if (typeof input !== 'string') {
    return { day: input.day.trim(), month: input.month.trim(), year: input.year.trim() }
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.trim())
  if (!match) return { day: input.trim(), month: '', year: '' }
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' }
}

/** Splits an ISO date into the boxes a form shows, or blank boxes for none. */
export function datePartsOf(date: IsoDate | null): DateParts {
  if (!date) return { day: '', month: '', year: '' }
  return partsOf(date)
}

/**
 * Reads and checks one date: all boxes blank gives null (or an error when the rule has a `missing`
 * message), and otherwise the date must be real, on or after 1 January 2000, and no later than
 * today (`notFuture`) or 5 years from today.
 */
export function readPlanDate(input: DateInput, rule: DateRule, today: IsoDate): DateResult {
  const fail = (message: string, part: DatePart = 'day'): DateResult => ({
    ok: false,
    error: { field: rule.field, message, part },
  })
  if (typeof input === 'string' && input.trim() !== '' && !isValidIsoDate(input.trim())) {
    return fail(`${rule.name} must be a real date, written yyyy-mm-dd, not "${input.trim()}"`)
  }

  const parts = partsOf(input)
  const missing = PARTS.filter((part) => parts[part] === '')
  if (missing.length === PARTS.length) {
    return rule.missing ? fail(rule.missing) : { ok: true, date: null }
  }
  if (missing.length > 0) {
    return fail(`${rule.name} must include a ${missing.join(' and ')}`, missing[0])
  }
  if (!/^\d{4}$/.test(parts.year)) {
    return fail(`${rule.name} must have a year of 4 numbers, such as 2026`, 'year')
  }
  const numbers = { day: Number(parts.day), month: Number(parts.month), year: Number(parts.year) }
  const digitsOnly = /^\d{1,2}$/.test(parts.day) && /^\d{1,2}$/.test(parts.month)
  if (!digitsOnly || !isRealDate(numbers)) {
    const written = `${parts.day}/${parts.month}/${parts.year}`
    return fail(`${rule.name} must be a real date, and ${written} is not one`)
  }

  const date = toIsoDate(numbers)
  return checkBounds(date, rule, today)
}

function checkBounds(date: IsoDate, rule: DateRule, today: IsoDate): DateResult {
  const fail = (message: string): DateResult => ({
    ok: false,
    error: { field: rule.field, message, part: 'year' },
  })
  if (date < EARLIEST_PLAN_DATE) {
    return fail(`${rule.name} must be on or after ${formatLongDate(EARLIEST_PLAN_DATE)}`)
  }
  if (rule.notFuture && date > today) {
    return fail(`${rule.name} must be today or in the past`)
  }
  const latest = addYears(today, MAX_YEARS_AHEAD)
  if (date > latest) {
    return fail(
      `${rule.name} must be on or before ${formatLongDate(latest)}, ${MAX_YEARS_AHEAD} years from today`,
    )
  }
  return { ok: true, date }
}
