import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'

import { jsonTextField } from '../../db/dialect.js'
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
  'user.recovery_codes.renew',
  'user.sign_out',
  'user.sign_out.everywhere',
  'organisation.school.add',
  'school.copy_in',
  'student.left',
  'student.export',
  'student.erase',
  'student.pseudonymise',
  'data.export',
  'audit.search',
  'student.hand_over',
  'activity.record',
  'activity.change',
  'activity.student.add',
  'activity.student.change',
  'activity.student.remove',
  'activity.delete',
  'plan.aspiration.add',
  'plan.aspiration.edit',
  'plan.aspiration.remove',
  'plan.goal.add',
  'plan.goal.edit',
  'plan.goal.remove',
  'plan.targets.set',
  'plan.action.add',
  'plan.action.edit',
  'plan.action.remove',
  'plan.review.add',
  'plan.review.edit',
  'plan.review.remove',
  'plan.my_future.set',
  'destination.add',
  'destination.change',
  'destination.remove',
  'destination.consent',
  'destination.import',
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
  /** Events about any of these students (one UPN can match a student at each school). */
  studentIds?: number[]
  actor?: string
  action?: AuditAction
  /** From this ISO date or timestamp, inclusive. */
  from?: string
  /** Before this ISO date or timestamp. */
  to?: string
  /** Only events older than this event, for paging newest first. */
  beforeId?: number
  /** The maximum number of events returned, at most 1000. Defaults to 100. */
  limit?: number
}

export const MAX_AUDIT_LIMIT = 1000

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

/**
 * Selects the emails of the users who hold a role at one of the schools, directly or through the
 * school's organisation.
 */
function emailsOfSchoolUsers(eb: ExpressionBuilder<Tables, 'audit_events'>, schoolIds: number[]) {
  return eb
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.email')
    .where((inner) =>
      inner.or([
        inner('user_roles.school_id', 'in', schoolIds),
        inner(
          'user_roles.organisation_id',
          'in',
          inner
            .selectFrom('schools')
            .select('schools.organisation_id')
            .where('schools.id', 'in', schoolIds),
        ),
      ]),
    )
}

/**
 * Matches the events a caller with these schools may read: events of those schools, and events
 * with no school (sign-ins, account changes) whose actor, or the user they are about, holds a role
 * at one of those schools now.
 */
function visibleToSchools(
  db: Kysely<Tables>,
  eb: ExpressionBuilder<Tables, 'audit_events'>,
  schoolIds: number[],
): Expression<SqlBool> {
  const aboutUser = jsonTextField(db, 'audit_events.details', 'user')
  return eb.or([
    eb('audit_events.school_id', 'in', schoolIds),
    eb.and([
      eb('audit_events.school_id', 'is', null),
      eb.or([
        eb('audit_events.actor', 'in', emailsOfSchoolUsers(eb, schoolIds)),
        eb(aboutUser, 'in', emailsOfSchoolUsers(eb, schoolIds)),
      ]),
    ]),
  ])
}

/** Matches events older than the event with this id, in the newest-first order of the list. */
function olderThan(eb: ExpressionBuilder<Tables, 'audit_events'>, id: number) {
  const cursorAt = eb
    .selectFrom('audit_events as cursor')
    .select('cursor.at')
    .where('cursor.id', '=', id)
  // A cursor that names no event (an edited address) pages by id alone, not to an empty page.
  return eb.or([
    eb('audit_events.at', '<', cursorAt),
    eb.and([eb('audit_events.at', '=', cursorAt), eb('audit_events.id', '<', id)]),
    eb.and([eb.not(eb.exists(cursorAt)), eb('audit_events.id', '<', id)]),
  ])
}

/**
 * Lists the events visible to a caller with these schools (see `visibleToSchools`), newest first.
 */
export async function listAuditEvents(
  db: Kysely<Tables>,
  schoolIds: number[],
  query: AuditQuery,
): Promise<StoredAuditEvent[]> {
  if (schoolIds.length === 0) return []
  const studentIds = query.studentIds ?? []
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where((eb) => visibleToSchools(db, eb, schoolIds))
    .$if(query.studentId !== undefined, (q) => q.where('student_id', '=', query.studentId ?? 0))
    .$if(query.studentIds !== undefined, (q) =>
      q.where((eb) => (studentIds.length > 0 ? eb('student_id', 'in', studentIds) : eb.lit(false))),
    )
    .$if(query.actor !== undefined, (q) => q.where('actor', '=', query.actor ?? ''))
    .$if(query.action !== undefined, (q) => q.where('action', '=', query.action ?? 'student.view'))
    .$if(query.from !== undefined, (q) => q.where('at', '>=', query.from ?? ''))
    .$if(query.to !== undefined, (q) => q.where('at', '<', query.to ?? ''))
    .$if(query.beforeId !== undefined, (q) => q.where((eb) => olderThan(eb, query.beforeId ?? 0)))
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(query.limit ?? 100, MAX_AUDIT_LIMIT))
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
