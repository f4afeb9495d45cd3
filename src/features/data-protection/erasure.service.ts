import type { Kysely } from 'kysely'
import { z } from 'zod'
import { flushDeletedRows } from '../../db/dialect.js'
import type { StudentRow, Tables } from '../../db/tables.js'
import { insertAuditEvent, redactStudentEvents } from '../audit/audit.repository.js'
import { lockSchool } from '../students/school.repository.js'
import { toSearchKey } from '../students/student.row.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import * as records from './student-records.repository.js'
import type { DeletedCounts } from './student-records.repository.js'

export const MAX_ERASURE_REASON_LENGTH = 500

export const erasureMessages = {
  reasonMissing: 'Enter the reason for erasing this record',
  reasonTooLong: `Reason must be ${MAX_ERASURE_REASON_LENGTH} characters or fewer`,
  confirmationMissing: "Enter the student's UPN or surname to confirm",
  confirmationWrong: "The UPN or surname you entered does not match this student's record",
  notFound: 'Student not found',
}

export const erasureReasonSchema = z
  .string({ error: erasureMessages.reasonMissing })
  .trim()
  .min(1, erasureMessages.reasonMissing)
  .max(MAX_ERASURE_REASON_LENGTH, erasureMessages.reasonTooLong)

/** The counts of an erasure and the school it happened in. No field identifies the student. */
export interface ErasureSummary {
  schoolId: number
  deleted: DeletedCounts
  redactedAuditEvents: number
}

export type ErasureResult =
  | { ok: true; value: ErasureSummary }
  | { ok: false; error: { code: 'not_found' | 'invalid'; message: string } }

/**
 * True when the typed text is the student's UPN (any case, spaces ignored) or one of their
 * surnames, compared the way search compares names.
 */
export function confirmsStudent(
  student: Pick<StudentRow, 'upn' | 'legal_surname' | 'preferred_surname'>,
  typed: string,
): boolean {
  const text = typed.normalize('NFC').trim()
  if (text === '') return false
  if (student.upn !== null && text.replace(/\s+/g, '').toUpperCase() === student.upn) return true

  const surnames = [student.legal_surname, student.preferred_surname].filter(
    (name): name is string => name !== null,
  )
  return surnames.some((surname) => toSearchKey(surname) === toSearchKey(text))
}

/**
 * Deletes the student and every row naming them, redacts the audit events about them, and writes
 * one `student.erase` event that keeps the time, the actor, the school and the reason. Call it in a
 * transaction, with the reason already checked.
 */
export async function eraseStudentRow(
  trx: Kysely<Tables>,
  student: StudentRow,
  erasure: { reason: string; by: string; at: string },
): Promise<ErasureSummary> {
  await lockSchool(trx, student.school_id)
  const deleted = await records.deleteStudentRows(trx, student)
  const redactedAuditEvents = await redactStudentEvents(trx, student.id)
  await insertAuditEvent(trx, {
    at: erasure.at,
    actor: erasure.by,
    action: 'student.erase',
    schoolId: student.school_id,
    studentId: null,
    details: { reason: erasure.reason, redactedAuditEvents, ...deleted },
  })
  return { schoolId: student.school_id, deleted, redactedAuditEvents }
}

export function createErasureService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())

  /** Erases a student in scope for the given reason, in one transaction. */
  async function erase(
    scope: Scope,
    id: number,
    reason: unknown,
    by: string,
  ): Promise<ErasureResult> {
    const parsed = erasureReasonSchema.safeParse(reason)
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? erasureMessages.reasonMissing
      return { ok: false, error: { code: 'invalid', message } }
    }

    const result = await db.transaction().execute(async (trx): Promise<ErasureResult> => {
      const student = await records.findStudentRow(trx, scope.schoolIds, id)
      if (!student) {
        return { ok: false, error: { code: 'not_found', message: erasureMessages.notFound } }
      }
      const erasure = { reason: parsed.data, by, at: clock().toISOString() }
      return { ok: true, value: await eraseStudentRow(trx, student, erasure) }
    })
    if (result.ok) await flushDeletedRows(db)
    return result
  }

  return { erase }
}
