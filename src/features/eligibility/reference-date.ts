import {
  academicYearOf,
  formatAcademicYear,
  parsePlanningYear,
  referenceDateFor,
} from '../../domain/academic-year.js'
import { parseCalendarDate } from '../../domain/dates.js'
import type { IsoDate, Parsed } from '../../domain/types.js'

export interface ReferenceDate {
  date: IsoDate
  basis: 'planned_start' | 'academic_year'
  /** The academic year planned, such as `2027/28`. */
  academicYear: string
  /** Says where the date came from, to show beside it. */
  description: string
}

/**
 * Chooses the date eligibility is judged on: a planned start date when given, otherwise the
 * 31 August that opens the planning year. With no year given, the planning year is the next
 * academic year to start, because careers plans are for the student's next step.
 */
export function resolveReferenceDate(
  options: { year?: string; date?: string },
  today: IsoDate = todayInEngland(),
): Parsed<ReferenceDate> {
  if (options.year && options.date) {
    return { ok: false, error: 'Give a planning year or a planned start date, not both.' }
  }
  if (options.date) {
    const date = parseCalendarDate(options.date)
    if (!date.ok) return date
    const academicYear = formatAcademicYear(academicYearOf(date.value))
    // A start date falls in an academic year, which has the same bounds as a planning year.
    const inRange = parsePlanningYear(academicYear, academicYearOf(today))
    if (!inRange.ok) {
      return {
        ok: false,
        error: `Planned start date ${options.date.trim()} is in ${academicYear}. ${inRange.error}`,
      }
    }
    const description = 'the planned start date'
    return {
      ok: true,
      value: { date: date.value, basis: 'planned_start', academicYear, description },
      warnings: [],
    }
  }

  const currentYear = academicYearOf(today)
  const year = options.year
    ? parsePlanningYear(options.year, currentYear)
    : defaultPlanningYear(today)
  if (!year.ok) return year
  const academicYear = formatAcademicYear(year.value)
  const value: ReferenceDate = {
    date: referenceDateFor(year.value),
    basis: 'academic_year',
    academicYear,
    description: `31 August before the academic year ${academicYear}`,
  }
  return { ok: true, value, warnings: [] }
}

function defaultPlanningYear(today: IsoDate) {
  return { ok: true as const, value: academicYearOf(today) + 1, warnings: [] }
}

/** Today's calendar date in England, whatever the server's own time zone. */
export function todayInEngland(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now)
}
