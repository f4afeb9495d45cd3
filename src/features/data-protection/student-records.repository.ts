import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely'
import type {
  AuditEventTable,
  GroupOverrideHistoryTable,
  GroupOverrideRow,
  ImportPreviewRowTable,
  StudentRow,
  Tables,
} from '../../db/tables.js'
import { inSchools } from '../students/student.repository.js'

// Every row the product stores about one student, for subject access, erasure and
// pseudonymisation. A table that gains a student_id or matched_student_id column must be read
// and deleted here too, and the subject access test fails until it is.

export type OverrideHistoryRow = Selectable<GroupOverrideHistoryTable>
export type AuditEventRow = Selectable<AuditEventTable>
export type PreviewRowRecord = Selectable<ImportPreviewRowTable>

/** A staged import row with the file and upload time of the preview that contains it. */
export interface StagedRowRecord extends PreviewRowRecord {
  preview_file_name: string
  preview_created_at: string
}

/** Finds a student's row in the schools in scope. */
export async function findStudentRow(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
): Promise<StudentRow | null> {
  const row = await db
    .selectFrom('students')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => inSchools(eb, schoolIds))
    .executeTakeFirst()
  return row ?? null
}

/**
 * Matches the staged import rows of the student's school that name the student: the row matched
 * them, or its key is one of their identifiers. A former UPN counts, because a row keyed by it
 * describes the same person under the number they had before.
 */
function namesStudent(
  eb: ExpressionBuilder<Tables, 'import_preview_rows'>,
  student: StudentRow,
): Expression<SqlBool> {
  const keys: [string, string | null][] = [
    ['upn', student.upn],
    ['upn', student.former_upn],
    ['uln', student.uln],
    ['mis', student.mis_id],
  ]
  const keyMatches = keys
    .filter((key): key is [string, string] => key[1] !== null)
    .map(([kind, value]) =>
      eb.and([
        eb('import_preview_rows.key_kind', '=', kind),
        eb('import_preview_rows.key_value', '=', value),
      ]),
    )
  const schoolPreviews = eb
    .selectFrom('import_previews')
    .select('import_previews.id')
    .where('import_previews.school_id', '=', student.school_id)

  return eb.and([
    eb('import_preview_rows.preview_id', 'in', schoolPreviews),
    eb.or([eb('import_preview_rows.matched_student_id', '=', student.id), ...keyMatches]),
  ])
}

export async function listStagedRows(
  db: Kysely<Tables>,
  student: StudentRow,
): Promise<StagedRowRecord[]> {
  return db
    .selectFrom('import_preview_rows')
    .innerJoin('import_previews', 'import_previews.id', 'import_preview_rows.preview_id')
    .selectAll('import_preview_rows')
    .select([
      'import_previews.file_name as preview_file_name',
      'import_previews.created_at as preview_created_at',
    ])
    .where((eb) => namesStudent(eb, student))
    .orderBy('import_previews.created_at')
    .orderBy('import_preview_rows.preview_id')
    .orderBy('import_preview_rows.position')
    .execute()
}

export async function listOverrideRows(
  db: Kysely<Tables>,
  studentId: number,
): Promise<GroupOverrideRow[]> {
  return db.selectFrom('group_overrides').selectAll().where('student_id', '=', studentId).execute()
}

export async function listOverrideHistoryRows(
  db: Kysely<Tables>,
  studentId: number,
): Promise<OverrideHistoryRow[]> {
  return db
    .selectFrom('group_override_history')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('made_at')
    .orderBy('id')
    .execute()
}

/** Lists every audit event about the student, oldest first, with no limit. */
export async function listStudentAuditRows(
  db: Kysely<Tables>,
  studentId: number,
): Promise<AuditEventRow[]> {
  return db
    .selectFrom('audit_events')
    .selectAll()
    .where('student_id', '=', studentId)
    .orderBy('at')
    .orderBy('id')
    .execute()
}

/**
 * The tables of plans, activities and destinations (step 3), each with a `student_id` column that
 * is all it takes to find a student's rows. Listed with each part before the row it belongs to,
 * which is the order they are deleted in.
 */
export const STUDENT_RECORD_TABLES = [
  'plan_aspirations',
  'plan_goals',
  'plan_targets',
  'plan_actions',
  'plan_reviews',
  'career_plans',
  'my_future_views',
  'careers_activity_students',
  'destination_spells',
  'tracking_consents',
  'destination_import_rows',
] as const

export type StudentRecordTable = (typeof STUDENT_RECORD_TABLES)[number]

export type StudentRecordRows = { [T in StudentRecordTable]: Selectable<Tables[T]>[] }

/** Reads the student's rows in each table of STUDENT_RECORD_TABLES, oldest first where dated. */
export async function listStudentRecordRows(
  db: Kysely<Tables>,
  studentId: number,
): Promise<StudentRecordRows> {
  const rows: Partial<Record<StudentRecordTable, unknown[]>> = {}
  for (const table of STUDENT_RECORD_TABLES) {
    rows[table] = await db
      .selectFrom(table)
      .selectAll()
      .where('student_id', '=', studentId)
      .execute()
  }
  return rows as StudentRecordRows
}

/** How many rows of each table an erasure deleted. */
export type DeletedCounts = {
  students: number
  group_overrides: number
  group_override_history: number
  import_preview_rows: number
} & Record<StudentRecordTable, number>

/**
 * Deletes the student and every row that names them, apart from the audit trail. Call it in a
 * transaction. A preview that loses rows can no longer be committed, because its school's
 * students changed since it was made, so staff upload that file again.
 */
export async function deleteStudentRows(
  db: Kysely<Tables>,
  student: StudentRow,
): Promise<DeletedCounts> {
  const staged = await deleteStagedRows(db, student)
  const recordCounts: Partial<Record<StudentRecordTable, number>> = {}
  for (const table of STUDENT_RECORD_TABLES) {
    const result = await db
      .deleteFrom(table)
      .where('student_id', '=', student.id)
      .executeTakeFirst()
    recordCounts[table] = Number(result.numDeletedRows)
  }
  const history = await db
    .deleteFrom('group_override_history')
    .where('student_id', '=', student.id)
    .executeTakeFirst()
  const override = await db
    .deleteFrom('group_overrides')
    .where('student_id', '=', student.id)
    .executeTakeFirst()
  const students = await db.deleteFrom('students').where('id', '=', student.id).executeTakeFirst()

  return {
    students: Number(students.numDeletedRows),
    group_overrides: Number(override.numDeletedRows),
    group_override_history: Number(history.numDeletedRows),
    import_preview_rows: staged,
    ...(recordCounts as Record<StudentRecordTable, number>),
  }
}

/** Deletes the staged import rows that name the student, returning how many. */
export async function deleteStagedRows(db: Kysely<Tables>, student: StudentRow): Promise<number> {
  const result = await db
    .deleteFrom('import_preview_rows')
    .where((eb) => namesStudent(eb, student))
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Lists the students of the schools in scope that have a leaving date, in id order. */
export async function listLeftStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
): Promise<StudentRow[]> {
  return db
    .selectFrom('students')
    .selectAll()
    .where((eb) => inSchools(eb, schoolIds))
    .where('left_on', 'is not', null)
    .orderBy('school_id')
    .orderBy('id')
    .execute()
}
