// Shared parts of the demo's careers records: the students they are written for, the dates they
// are given, and the check that each service call succeeded.
import { academicYearOf } from '../domain/academic-year.js'
import type { AcademicYear } from '../domain/academic-year.js'
import { academicAge } from '../domain/age.js'
import { addDays, dayOfWeek } from '../domain/calendar.js'
import { provisionOf } from '../domain/provision.js'
import type { CareerSendGroup, IsoDate, StudentFacts } from '../domain/types.js'
import { todayInEngland } from '../features/eligibility/reference-date.js'
import type { Student } from '../features/students/student.js'
import { toStudentFacts } from '../features/students/student.grouping.js'
import type { Scope, StudentDetail } from '../features/students/student.service.js'
import type { Services } from '../services.js'
import type { Random } from './random.js'

/** The actor the audit trail records for every demo record. */
export const DEMO_ACTOR = 'demo'

export interface DemoContext {
  services: Services
  scope: Scope
  schoolId: number
  random: Random
  today: IsoDate
  /**
   * The latest date given to anything that has already happened. It is the day before today,
   * because some service checks use the UTC date, which is a day behind England's date for an
   * hour after midnight in summer time.
   */
  yesterday: IsoDate
  /**
   * The UTC date, which the destination service measures "a year after today" from. It is
   * England's date or the day before, so a date within a year of it passes that check.
   */
  utcToday: IsoDate
  academicYear: AcademicYear
}

/** A student of the demo school, with the facts the demo records are chosen by. */
export interface DemoStudent {
  id: number
  student: Student
  /** The NC year as a number. For year X or no year, the year of others of the same academic age. */
  yearLevel: number
  hasEhcPlan: boolean
  group: CareerSendGroup | null
  facts: StudentFacts
}

export function createContext(
  services: Services,
  schoolId: number,
  random: Random,
  now: Date,
): DemoContext {
  const today = todayInEngland(now)
  return {
    services,
    scope: { schoolIds: [schoolId] },
    schoolId,
    random,
    today,
    yesterday: addDays(today, -1),
    utcToday: now.toISOString().slice(0, 10),
    academicYear: academicYearOf(today),
  }
}

export function toDemoStudent({ student, assignment }: StudentDetail, year: AcademicYear) {
  const ncYear = student.ncYear?.trim() ?? ''
  // A student in Year N is N + 4 on the 31 August that opens the academic year.
  const yearLevel = /^\d{1,2}$/.test(ncYear)
    ? Number(ncYear)
    : academicAge(student.dateOfBirth, year) - 4
  return {
    id: student.id,
    student,
    yearLevel,
    hasEhcPlan: provisionOf(student.provisionCode) === 'E',
    group: assignment.group,
    facts: toStudentFacts(student),
  } satisfies DemoStudent
}

/** Returns the value of a successful service result, or throws with the service's messages. */
export function expectOk<T, E>(
  result: { ok: true; value: T } | { ok: false; error: E },
  action: string,
): T {
  if (result.ok) return result.value
  throw new Error(`The demo could not ${action}: ${errorText(result.error)}`)
}

/** Joins the messages of a service error, whichever of the services' error shapes it has. */
function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error)
  const fields = error as {
    code?: unknown
    message?: unknown
    errors?: unknown
    problems?: unknown
  }
  const list = Array.isArray(fields.errors) ? fields.errors : fields.problems
  if (Array.isArray(list)) {
    return list.map((item: { field?: string; message?: string }) => item.message).join(' ')
  }
  if (typeof fields.message === 'string') return fields.message
  return `error code ${String(fields.code)}`
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
}

export function earlier(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b
}

export function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b
}

/** Moves a Saturday or Sunday back to the Friday before. */
export function schoolDay(date: IsoDate): IsoDate {
  const day = dayOfWeek(date)
  if (day === 6) return addDays(date, -1)
  if (day === 0) return addDays(date, -2)
  return date
}

/** Returns the first Monday to Friday on or after 4 September, about when colleges start. */
export function septemberStart(year: number): IsoDate {
  let date = `${year}-09-04`
  while (dayOfWeek(date) === 0 || dayOfWeek(date) === 6) date = addDays(date, 1)
  return date
}

/** Returns a random date from `from` to `to`, both included, or `to` when `from` is later. */
export function dateBetween(random: Random, from: IsoDate, to: IsoDate): IsoDate {
  return addDays(from, random.integer(0, Math.max(0, daysBetween(from, to))))
}

/**
 * Returns a school day `days` after 1 September of the current academic year, or yesterday when
 * that day has not come yet, so an activity of this year is never dated in the future.
 */
export function dayOfThisYear(context: DemoContext, days: number): IsoDate {
  const date = addDays(`${context.academicYear}-09-01`, days)
  return schoolDay(earlier(date, context.yesterday))
}

/** Returns up to `count` items in a random order that the seed decides. */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items]
  const chosen: T[] = []
  while (chosen.length < count && pool.length > 0) {
    chosen.push(...pool.splice(random.integer(0, pool.length - 1), 1))
  }
  return chosen
}
