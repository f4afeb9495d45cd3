import type { Kysely } from 'kysely'
import { flushDeletedRows } from '../../db/dialect.js'
import type { StudentRow, Tables } from '../../db/tables.js'
import { academicYearOf, formatAcademicYear } from '../../domain/academic-year.js'
import { ageOn } from '../../domain/age.js'
import type { IsoDate } from '../../domain/types.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import { eraseStudentRow } from './erasure.service.js'
import { pseudonymiseStudentRow } from './pseudonymise.js'
import { findStudentRow, listLeftStudents } from './student-records.repository.js'

// Retention counts whole years from the date a student left, as birthdays count age: a record
// left on 29 February reaches each anniversary on 1 March in a year that is not a leap year.
// A student with no leaving date is never due.

export interface RetentionRules {
  /** Whole years after leaving before the record is erased. */
  retentionYears: number
  /** Whole years after leaving before the record is pseudonymised, or null for never. */
  pseudonymiseAfterYears: number | null
}

/** A record due for a rule, with nothing that names the student beyond the UPN. */
export interface RetentionCandidate {
  studentId: number
  schoolId: number
  /** Null once the record is pseudonymised. */
  upn: string | null
  /** The academic year the student left in, such as 2019/20. */
  yearLeft: string
  pseudonymised: boolean
}

export interface RetentionPlan {
  today: IsoDate
  rules: RetentionRules
  erase: RetentionCandidate[]
  pseudonymise: RetentionCandidate[]
}

export interface RetentionOutcome extends RetentionPlan {
  erased: number
  pseudonymised: number
}

export function erasureReasonFor(rules: RetentionRules): string {
  return `Retention rule: ${rules.retentionYears} years after leaving`
}

export function pseudonymiseReasonFor(years: number): string {
  return `Retention rule: pseudonymised ${years} years after leaving`
}

function assertRules({ retentionYears, pseudonymiseAfterYears }: RetentionRules): void {
  if (!Number.isInteger(retentionYears) || retentionYears < 1) {
    throw new RangeError(`Retention years must be a whole number from 1, not ${retentionYears}`)
  }
  if (pseudonymiseAfterYears === null) return
  if (!Number.isInteger(pseudonymiseAfterYears) || pseudonymiseAfterYears < 1) {
    throw new RangeError(`Pseudonymisation years must be a whole number from 1`)
  }
  if (pseudonymiseAfterYears >= retentionYears) {
    throw new RangeError('Pseudonymisation years must be fewer than retention years')
  }
}

function yearsSinceLeaving(student: StudentRow, today: IsoDate): number {
  return student.left_on === null ? -1 : ageOn(student.left_on, today)
}

function toCandidate(student: StudentRow): RetentionCandidate {
  return {
    studentId: student.id,
    schoolId: student.school_id,
    upn: student.upn,
    yearLeft: formatAcademicYear(academicYearOf(student.left_on ?? '')),
    pseudonymised: student.pseudonymised_at !== null,
  }
}

/** Returns which rule, if any, applies to a student today. */
function dueRule(student: StudentRow, rules: RetentionRules, today: IsoDate) {
  const years = yearsSinceLeaving(student, today)
  if (years >= rules.retentionYears) return 'erase'
  const pseudonymiseAfter = rules.pseudonymiseAfterYears
  if (pseudonymiseAfter !== null && years >= pseudonymiseAfter && !student.pseudonymised_at) {
    return 'pseudonymise'
  }
  return null
}

export function createRetentionService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())

  /** Lists the records of the schools in scope that the rules would erase or pseudonymise today. */
  async function plan(scope: Scope, rules: RetentionRules): Promise<RetentionPlan> {
    assertRules(rules)
    const today = clock().toISOString().slice(0, 10)
    const plan: RetentionPlan = { today, rules, erase: [], pseudonymise: [] }
    for (const student of await listLeftStudents(db, scope.schoolIds)) {
      const rule = dueRule(student, rules, today)
      if (rule) plan[rule].push(toCandidate(student))
    }
    return plan
  }

  /**
   * Applies the rules: each due record is erased or pseudonymised in its own transaction, so an
   * interrupted run keeps what it finished and a rerun carries on. A record that changed since the
   * plan was made is checked again before anything is done to it.
   */
  async function apply(scope: Scope, rules: RetentionRules, by: string): Promise<RetentionOutcome> {
    const planned = await plan(scope, rules)
    const outcome: RetentionOutcome = { ...planned, erased: 0, pseudonymised: 0 }
    const candidates = [...planned.erase, ...planned.pseudonymise]

    for (const candidate of candidates) {
      const done = await db.transaction().execute(async (trx) => {
        const student = await findStudentRow(trx, scope.schoolIds, candidate.studentId)
        const at = clock().toISOString()
        const rule = student ? dueRule(student, rules, at.slice(0, 10)) : null
        if (!student || !rule) return null

        if (rule === 'erase') {
          await eraseStudentRow(trx, student, { reason: erasureReasonFor(rules), by, at })
          return 'erased' as const
        }
        const reason = pseudonymiseReasonFor(rules.pseudonymiseAfterYears ?? 0)
        await pseudonymiseStudentRow(trx, student, { reason, by, at })
        return 'pseudonymised' as const
      })
      if (done) outcome[done] += 1
    }
    if (outcome.erased + outcome.pseudonymised > 0) await flushDeletedRows(db)
    return outcome
  }

  return { plan, apply }
}
