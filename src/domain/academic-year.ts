// Academic years run from 1 September to 31 August and are written `2026/27`.
import { splitIsoDate } from './calendar.js'
import type { IsoDate, Parsed } from './types.js'

/** An academic year, identified by the calendar year of its 1 September: 2026 is 2026/27. */
export type AcademicYear = number

const YEAR_PATTERN = /^(\d{4})\s*(?:\/|-|to)\s*(\d{2}|\d{4})$/i

/** Parses `2026/27`, also `2026-27`, `2026/2027` and `2026 to 2027`. */
export function parseAcademicYear(raw: string): Parsed<AcademicYear> {
  const text = raw.trim()
  const match = YEAR_PATTERN.exec(text)
  if (!match) {
    return {
      ok: false,
      error: `Academic year "${raw}" is not in the form 2026/27. Enter it like 2026/27.`,
    }
  }

  const start = Number(match[1])
  const endText = match[2] ?? ''
  const followsStart =
    endText.length === 2 ? Number(endText) === (start + 1) % 100 : Number(endText) === start + 1
  if (!followsStart) {
    const expected = formatAcademicYear(start)
    return {
      ok: false,
      error: `Academic year "${raw}" must end the year after it starts, as in ${expected}.`,
    }
  }
  return { ok: true, value: start, warnings: [] }
}

/** The first planning year accepted. EHC plans, which several rules depend on, began on 1 September 2014. */
export const FIRST_PLANNING_YEAR: AcademicYear = 2014

/** How many academic years after the current one a plan may look ahead. */
export const MAX_PLANNING_YEARS_AHEAD = 20

/** Parses a planning year and rejects one before 2014/15 or more than 20 years after `currentYear`. */
export function parsePlanningYear(raw: string, currentYear: AcademicYear): Parsed<AcademicYear> {
  const parsed = parseAcademicYear(raw)
  if (!parsed.ok) return parsed

  const lastYear = currentYear + MAX_PLANNING_YEARS_AHEAD
  if (parsed.value < FIRST_PLANNING_YEAR || parsed.value > lastYear) {
    const range = `${formatAcademicYear(FIRST_PLANNING_YEAR)} to ${formatAcademicYear(lastYear)}`
    return {
      ok: false,
      error: `Planning year "${raw.trim()}" is outside the accepted range. Enter a year from ${range}.`,
    }
  }
  return parsed
}

export function formatAcademicYear(year: AcademicYear): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`
}

export function academicYearOf(date: IsoDate): AcademicYear {
  const { year, month } = splitIsoDate(date)
  return month >= 9 ? year : year - 1
}

export function firstDayOf(year: AcademicYear): IsoDate {
  return `${year}-09-01`
}

export function lastDayOf(year: AcademicYear): IsoDate {
  return `${year + 1}-08-31`
}

/** Returns the 31 August before the academic year opens, the date that decides post-16 funding age. */
export function referenceDateFor(year: AcademicYear): IsoDate {
  return `${year}-08-31`
}
