import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { isValidIsoDate } from '../../domain/calendar.js'
import { formatLongDate } from '../../domain/format.js'
import type { IsoDate } from '../../domain/types.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import { inSchools } from '../students/student.repository.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import { findStudentRow } from './student-records.repository.js'

export const leavingMessages = {
  invalid: 'Date the student left must be a real date',
  future: 'Date the student left must be today or in the past',
  beforeBirth: (dateOfBirth: IsoDate) =>
    `Date the student left must be on or after their date of birth, ${formatLongDate(dateOfBirth)}`,
  notFound: 'Student not found',
}

export type LeavingResult =
  | { ok: true; value: { studentId: number; leftOn: IsoDate | null } }
  | { ok: false; error: { code: 'not_found' | 'invalid'; message: string } }

/** Checks a leaving date against today and the date of birth; returns the message, or null. */
export function leavingDateProblem(
  leftOn: string,
  { today, dateOfBirth }: { today: IsoDate; dateOfBirth: IsoDate },
): string | null {
  if (!isValidIsoDate(leftOn)) return leavingMessages.invalid
  if (leftOn > today) return leavingMessages.future
  if (leftOn < dateOfBirth) return leavingMessages.beforeBirth(dateOfBirth)
  return null
}

export function createLeavingService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())

  /**
   * Records the date a student left the school, or clears it with null, and audits the change.
   * A student with a leaving date is what the retention rules count from.
   */
  async function setLeftOn(
    scope: Scope,
    id: number,
    leftOn: string | null,
    by: string,
  ): Promise<LeavingResult> {
    const now = clock().toISOString()
    return db.transaction().execute(async (trx): Promise<LeavingResult> => {
      const student = await findStudentRow(trx, scope.schoolIds, id)
      if (!student)
        return { ok: false, error: { code: 'not_found', message: leavingMessages.notFound } }

      if (leftOn !== null) {
        const problem = leavingDateProblem(leftOn, {
          today: now.slice(0, 10),
          dateOfBirth: student.date_of_birth,
        })
        if (problem) return { ok: false, error: { code: 'invalid', message: problem } }
      }

      if (student.left_on !== leftOn) {
        await trx
          .updateTable('students')
          .set((eb) => ({ left_on: leftOn, version: eb('version', '+', 1), updated_at: now }))
          .where('id', '=', id)
          .where((eb) => inSchools(eb, scope.schoolIds))
          .execute()
        await insertAuditEvent(trx, {
          at: now,
          actor: by,
          action: 'student.left',
          schoolId: student.school_id,
          studentId: student.id,
          details: { left_on: { from: student.left_on, to: leftOn } },
        })
      }
      return { ok: true, value: { studentId: id, leftOn } }
    })
  }

  return { setLeftOn }
}
