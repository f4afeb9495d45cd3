import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'

// Inserts and reads, and one update: the redaction that erasing a student makes. Triggers in the
// database reject any other update and every delete.

/** Actions the product records. A new kind of event gets a name here first. */
export const AUDIT_ACTIONS = [
  'student.view',
  'student.pathway',
  'student.override.set',
  'student.override.remove',
  'import.commit',
  'need_code.map',
  'user.create',
  'user.role.grant',
  'user.role.remove',
  'user.disable',
  'user.enable',
  'user.password.link',
  'user.password.set',
  'user.sign_in',
  'user.sign_in.failed',
  'user.second_factor',
  'user.mfa.enrol',
  'user.mfa.reset',
  'user.sign_out',
  'user.sign_out.everywhere',
  'organisation.school.add',
  'student.left',
  'student.export',
  'student.erase',
  'student.pseudonymise',
  'data.export',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** A field's value before and after a change. */
export type FieldChanges = Record<string, { from: unknown; to: unknown }>

export interface AuditEvent {
  at: string
  actor: string
  action: AuditAction
  schoolId: number | null
  studentId: number | null
  /** Changed fields, or counts for an import. */
  details: FieldChanges | Record<string, unknown>
}

export interface StoredAuditEvent extends AuditEvent {
  id: number
}

export interface AuditQuery {
  studentId?: number
  actor?: string
  action?: AuditAction
  /** From this ISO date or timestamp, inclusive. */
  from?: string
  /** Before this ISO date or timestamp. */
  to?: string
  limit?: number
}

export async function insertAuditEvent(db: Kysely<Tables>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: event.at,
      actor: event.actor,
      action: event.action,
      school_id: event.schoolId,
      student_id: event.studentId,
      details: JSON.stringify(event.details),
    })
    .execute()
}

/** Lists events about the given schools, newest first. Events with no school are admins' only. */
export async function listAuditEvents(
  db: Kysely<Tables>,
  schoolIds: number[],
  query: AuditQuery,
): Promise<StoredAuditEvent[]> {
  if (schoolIds.length === 0) return []
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('school_id', 'in', schoolIds)
    .$if(query.studentId !== undefined, (q) => q.where('student_id', '=', query.studentId ?? 0))
    .$if(query.actor !== undefined, (q) => q.where('actor', '=', query.actor ?? ''))
    .$if(query.action !== undefined, (q) => q.where('action', '=', query.action ?? 'student.view'))
    .$if(query.from !== undefined, (q) => q.where('at', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (q) => q.where('at', '<', query.to ?? ''))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(query.limit ?? 100, 1000))
    .execute()

  return rows.map((row) => ({
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    schoolId: row.school_id,
    studentId: row.student_id,
    details: JSON.parse(row.details) as AuditEvent['details'],
  }))
}

/**
 * Redacts every event about a student: details become `{}` and student_id null, so the trail keeps
 * the action, time, actor and school of each. Returns how many were redacted.
 */
export async function redactStudentEvents(db: Kysely<Tables>, studentId: number): Promise<number> {
  const result = await db
    .updateTable('audit_events')
    .set({ details: '{}', student_id: null })
    .where('student_id', '=', studentId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
