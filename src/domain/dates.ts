// Dates as people type them in spreadsheets, plus the calendar helpers. Dates are read day first
// only, so a month above 12 is an error and never a reason to read the date month first.
import { daysInMonth, isRealDate, monthName, toIsoDate, type CalendarDate } from './calendar.js'
import { formatLongDate } from './format.js'
import type { IsoDate, Parsed } from './types.js'

export * from './calendar.js'

/** Years accepted from an import. A year outside them is taken to be a typing error. */
export const MIN_YEAR = 1900
export const MAX_YEAR = 2100

const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_FIRST_PATTERN = /^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$/
// Some MIS exports append midnight to a date: "24/11/2013 00:00:00".
const MIDNIGHT_SUFFIX = /[ T]00:00(:00(\.0+)?)?$/

const EXPECTED = 'Enter it as dd/mm/yyyy (for example 31/08/2026) or yyyy-mm-dd.'

/** Parses `dd/mm/yyyy`, `d/m/yyyy` (also with `-` or `.`) or `yyyy-mm-dd` into an ISO date. */
export function parseCalendarDate(raw: string): Parsed<IsoDate> {
  const text = raw.trim().replace(MIDNIGHT_SUFFIX, '')
  if (text === '') return { ok: false, error: `Date is missing. ${EXPECTED}` }

  const iso = ISO_PATTERN.exec(text)
  if (iso) return checkParts(toParts(iso[1], iso[2], iso[3]), raw)

  const dayFirst = DAY_FIRST_PATTERN.exec(text)
  if (dayFirst) {
    const yearText = dayFirst[4] ?? ''
    if (yearText.length !== 4) return { ok: false, error: yearLengthMessage(raw, yearText) }
    return checkParts(toParts(yearText, dayFirst[3], dayFirst[1]), raw)
  }

  if (/^\d+(\.\d+)?$/.test(text)) {
    const error = `Date "${raw}" is a bare number, not a date. A spreadsheet may have turned the date into a number. ${EXPECTED}`
    return { ok: false, error }
  }
  return { ok: false, error: `Date "${raw}" is not in a recognised format. ${EXPECTED}` }
}

function toParts(year?: string, month?: string, day?: string): CalendarDate {
  return { year: Number(year), month: Number(month), day: Number(day) }
}

function yearLengthMessage(raw: string, yearText: string): string {
  if (yearText.length === 2) {
    return `Date "${raw}" has a two-digit year, which could mean two different centuries. Write the year in full. ${EXPECTED}`
  }
  return `Date "${raw}" has the year "${yearText}", which is not four digits. ${EXPECTED}`
}

function checkParts(parts: CalendarDate, raw: string): Parsed<IsoDate> {
  const { year, month } = parts
  if (year < MIN_YEAR || year > MAX_YEAR) {
    const error = `Date "${raw}" has the year ${year}, which is outside ${MIN_YEAR} to ${MAX_YEAR}. Check the year.`
    return { ok: false, error }
  }
  if (month < 1 || month > 12) return { ok: false, error: badMonthMessage(parts, raw) }
  if (!isRealDate(parts)) return { ok: false, error: missingDayMessage(parts, raw) }
  return { ok: true, value: toIsoDate(parts), warnings: [] }
}

function badMonthMessage({ year, month, day }: CalendarDate, raw: string): string {
  const base = `Date "${raw}" has month ${month}, which does not exist. Dates are read day first.`
  if (day >= 1 && day <= 12 && month <= 31) {
    const swapped = formatLongDate(toIsoDate({ year, month: day, day: month }))
    const example = `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year}`
    return `${base} If this is a month-first date meaning ${swapped}, enter ${example}.`
  }
  return `${base} ${EXPECTED}`
}

function missingDayMessage({ year, month, day }: CalendarDate, raw: string): string {
  const name = monthName(month)
  const reason =
    month === 2 && day === 29
      ? `${year} is not a leap year`
      : `${name} has ${daysInMonth(year, month)} days`
  return `Date "${raw}" does not exist: there is no ${day} ${name} ${year}, because ${reason}.`
}
