// Calendar dates as `yyyy-mm-dd` strings and plain integers. Nothing here builds a Date from a string,
// so no result depends on the server's time zone or on British Summer Time.
import type { IsoDate } from './types.js'

export interface CalendarDate {
  year: number
  month: number
  day: number
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

export function monthName(month: number): string {
  const name = MONTH_NAMES[month - 1]
  if (!name) throw new RangeError(`Month must be 1 to 12, not ${month}`)
  return name
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  const wholeNumbers = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day)
  return wholeNumbers && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

function padTwo(value: number): string {
  return String(value).padStart(2, '0')
}

export function toIsoDate({ year, month, day }: CalendarDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${padTwo(month)}-${padTwo(day)}`
}

const ZERO = 48
const NINE = 57
const HYPHEN = 45

// Reads the ASCII digits from `start` up to `end` as a number, or returns -1 when one is not a digit.
function readDigits(value: string, start: number, end: number): number {
  let result = 0
  for (let index = start; index < end; index += 1) {
    const code = value.charCodeAt(index)
    if (code < ZERO || code > NINE) return -1
    result = result * 10 + (code - ZERO)
  }
  return result
}

// Reads `yyyy-mm-dd` by character codes, because cohort reports compare dates hundreds of
// thousands of times and a regular expression with a split cost several times as much.
function parseIsoDate(value: string): CalendarDate | null {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) {
    return null
  }
  const year = readDigits(value, 0, 4)
  const month = readDigits(value, 5, 7)
  const day = readDigits(value, 8, 10)
  if (year < 0 || month < 0 || day < 0) return null
  const date = { year, month, day }
  return isRealDate(date) ? date : null
}

export function isValidIsoDate(value: string): value is IsoDate {
  return parseIsoDate(value) !== null
}

/** Splits a valid ISO date into numbers. Raises a RangeError for anything else. */
export function splitIsoDate(date: IsoDate): CalendarDate {
  const parsed = parseIsoDate(date)
  if (!parsed) throw new RangeError(`Not a valid yyyy-mm-dd date: "${date}"`)
  return parsed
}

/** Orders two ISO dates: negative when `a` is earlier, 0 when equal, positive when later. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  splitIsoDate(a)
  splitIsoDate(b)
  if (a === b) return 0
  return a < b ? -1 : 1
}

/** Adds whole months, moving a day that the target month lacks to its last day (31 March + 1 = 30 April). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = splitIsoDate(date)
  const monthIndex = year * 12 + (month - 1) + months
  const targetYear = Math.floor(monthIndex / 12)
  const targetMonth = monthIndex - targetYear * 12 + 1
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth))
  return toIsoDate({ year: targetYear, month: targetMonth, day: targetDay })
}

/** Adds whole years. 29 February becomes 28 February in a year that is not a leap year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12)
}

/** Adds days (negative to go back) by counting through the calendar, with no Date object. */
export function addDays(date: IsoDate, days: number): IsoDate {
  let { year, month, day } = splitIsoDate(date)
  let remaining = days
  while (remaining !== 0) {
    if (remaining > 0) {
      ;({ year, month, day } = nextDay({ year, month, day }))
      remaining -= 1
    } else {
      ;({ year, month, day } = previousDay({ year, month, day }))
      remaining += 1
    }
  }
  return toIsoDate({ year, month, day })
}

function nextDay({ year, month, day }: CalendarDate): CalendarDate {
  if (day < daysInMonth(year, month)) return { year, month, day: day + 1 }
  if (month < 12) return { year, month: month + 1, day: 1 }
  return { year: year + 1, month: 1, day: 1 }
}

function previousDay({ year, month, day }: CalendarDate): CalendarDate {
  if (day > 1) return { year, month, day: day - 1 }
  if (month > 1) return { year, month: month - 1, day: daysInMonth(year, month - 1) }
  return { year: year - 1, month: 12, day: 31 }
}

/** Returns the day of the week, 0 for Sunday to 6 for Saturday, by Sakamoto's method for the Gregorian calendar. */
export function dayOfWeek(date: IsoDate): number {
  const { year, month, day } = splitIsoDate(date)
  const monthOffsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const
  const y = month < 3 ? year - 1 : year
  const offset = monthOffsets[month - 1] ?? 0
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offset + day) % 7
}

/** Returns the last Friday of June in a calendar year. */
export function lastFridayOfJune(year: number): IsoDate {
  const june30 = toIsoDate({ year, month: 6, day: 30 })
  const daysSinceFriday = (dayOfWeek(june30) - 5 + 7) % 7
  return addDays(june30, -daysSinceFriday)
}
