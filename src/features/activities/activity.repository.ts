import { sql } from 'kysely'
import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely'

import { insertRows } from '../../db/bulk-insert.js'
import type { CareersActivityTable, Tables } from '../../db/tables.js'

// Reads and writes of careers activities and the students on them. Every function takes the
// school ids the caller may see and filters by them in SQL, so another school's activity or
// student is never read or changed.

export type ActivityRow = Selectable<CareersActivityTable>

/** A student as the activity pages show them: name, year group and Career SEND group. */
export interface StudentSummaryRow {
  id: number
  school_id: number
  legal_forename: string
  legal_surname: string
  preferred_forename: string | null
  preferred_surname: string | null
  nc_year: string | null
  group: string | null
  left_on: string | null
}

export interface ParticipantRow extends StudentSummaryRow {
  adjustments: string | null
  reflection: string | null
  version: number
}

/** The way a group of students is picked: a year group, a Career SEND group, or ticked ids. */
export type StudentChoice =
  | { by: 'year'; yearGroup: string }
  | { by: 'group'; group: 'one' | 'two' }
  | { by: 'students'; studentIds: number[] }

const STUDENT_SUMMARY = [
  'students.id',
  'students.school_id',
  'students.legal_forename',
  'students.legal_surname',
  'students.preferred_forename',
  'students.preferred_surname',
  'students.nc_year',
  'students.group',
  'students.left_on',
] as const

function inScope<T extends keyof Tables>(
  eb: ExpressionBuilder<Tables, T>,
  column: string,
  schoolIds: number[],
): Expression<SqlBool> {
  if (schoolIds.length === 0) return sql<SqlBool>`1 = 0`
  return eb(sql.ref(column), 'in', schoolIds)
}

/** Lists the current students of one school (not marked as left), in name order. */
export async function listCurrentStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
): Promise<StudentSummaryRow[]> {
  return db
    .selectFrom('students')
    .select(STUDENT_SUMMARY)
    .where((eb) => inScope(eb, 'students.school_id', schoolIds))
    .where('students.school_id', '=', schoolId)
    .where('students.left_on', 'is', null)
    .orderBy('students.sort_name')
    .orderBy('students.id')
    .execute()
}

/** Finds the students a choice picks. Ticked ids are looked up in scope, in any school. */
export async function findChosenStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
  choice: StudentChoice,
): Promise<StudentSummaryRow[]> {
  let query = db
    .selectFrom('students')
    .select(STUDENT_SUMMARY)
    .where((eb) => inScope(eb, 'students.school_id', schoolIds))
    .orderBy('students.id')
  if (choice.by === 'students') {
    if (choice.studentIds.length === 0) return []
    return query.where('students.id', 'in', choice.studentIds).execute()
  }

  query = query.where('students.school_id', '=', schoolId).where('students.left_on', 'is', null)
  if (choice.by === 'year') return query.where('students.nc_year', '=', choice.yearGroup).execute()
  return query.where('students.group', '=', choice.group).execute()
}

export async function findStudentSummary(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<StudentSummaryRow | null> {
  const row = await db
    .selectFrom('students')
    .select(STUDENT_SUMMARY)
    .where((eb) => inScope(eb, 'students.school_id', schoolIds))
    .where('students.id', '=', studentId)
    .executeTakeFirst()
  return row ?? null
}

export async function insertActivity(
  db: Kysely<Tables>,
  values: Omit<ActivityRow, 'id' | 'version'>,
): Promise<number> {
  const row = await db
    .insertInto('careers_activities')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function insertParticipants(
  db: Kysely<Tables>,
  activity: { id: number; schoolId: number },
  studentIds: number[],
): Promise<void> {
  const rows = studentIds.map((studentId) => ({
    activity_id: activity.id,
    school_id: activity.schoolId,
    student_id: studentId,
    adjustments: null,
    reflection: null,
  }))
  await insertRows(db, 'careers_activity_students', rows)
}

export async function findActivity(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
): Promise<ActivityRow | null> {
  const row = await db
    .selectFrom('careers_activities')
    .selectAll()
    .where((eb) => inScope(eb, 'careers_activities.school_id', schoolIds))
    .where('id', '=', id)
    .executeTakeFirst()
  return row ?? null
}

/** Lists the students on an activity, in name order. */
export async function listParticipants(
  db: Kysely<Tables>,
  schoolIds: number[],
  activityId: number,
): Promise<ParticipantRow[]> {
  return db
    .selectFrom('careers_activity_students')
    .innerJoin('students', 'students.id', 'careers_activity_students.student_id')
    .select(STUDENT_SUMMARY)
    .select([
      'careers_activity_students.adjustments',
      'careers_activity_students.reflection',
      'careers_activity_students.version',
    ])
    .where((eb) => inScope(eb, 'careers_activity_students.school_id', schoolIds))
    .where('careers_activity_students.activity_id', '=', activityId)
    .orderBy('students.sort_name')
    .orderBy('students.id')
    .execute()
}

/** Updates an activity only at the version the editor saw. Returns false when it had moved on. */
export async function updateActivityAtVersion(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  version: number,
  values: Pick<
    ActivityRow,
    'kind' | 'title' | 'held_on' | 'provider' | 'benchmark' | 'adjustments' | 'updated_by'
  > & { updated_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('careers_activities')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where((eb) => inScope(eb, 'careers_activities.school_id', schoolIds))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Marks an activity as changed by a change to one of its students, for its last-changed line. */
export async function touchActivity(
  db: Kysely<Tables>,
  id: number,
  by: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('careers_activities')
    .set({ updated_by: by, updated_at: at })
    .where('id', '=', id)
    .execute()
}

/** One student's part in an activity, at the version the form was opened at. */
export interface PartAtVersion {
  activityId: number
  studentId: number
  version: number
}

/** Updates a student's part only at `version`, raising it. Returns false when it had moved on. */
export async function updateParticipantAtVersion(
  db: Kysely<Tables>,
  schoolIds: number[],
  where: PartAtVersion,
  values: { adjustments: string | null; reflection: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('careers_activity_students')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where((eb) => inScope(eb, 'careers_activity_students.school_id', schoolIds))
    .where('activity_id', '=', where.activityId)
    .where('student_id', '=', where.studentId)
    .where('version', '=', where.version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Deletes a student's part only at `version`. Returns false when it had moved on. */
export async function deleteParticipantAtVersion(
  db: Kysely<Tables>,
  schoolIds: number[],
  where: PartAtVersion,
): Promise<boolean> {
  const result = await db
    .deleteFrom('careers_activity_students')
    .where((eb) => inScope(eb, 'careers_activity_students.school_id', schoolIds))
    .where('activity_id', '=', where.activityId)
    .where('student_id', '=', where.studentId)
    .where('version', '=', where.version)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

/** Raises an activity's version only from `version`. Returns false when it had moved on. */
export async function raiseActivityVersion(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  version: number,
): Promise<boolean> {
  const result = await db
    .updateTable('careers_activities')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where((eb) => inScope(eb, 'careers_activities.school_id', schoolIds))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Deletes an activity with every student's part in it. */
export async function deleteActivity(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
): Promise<void> {
  await db
    .deleteFrom('careers_activity_students')
    .where((eb) => inScope(eb, 'careers_activity_students.school_id', schoolIds))
    .where('activity_id', '=', id)
    .execute()
  await db
    .deleteFrom('careers_activities')
    .where((eb) => inScope(eb, 'careers_activities.school_id', schoolIds))
    .where('id', '=', id)
    .execute()
}
