import type { Kysely } from 'kysely'

import { inSchools } from '../../db/school-scope.js'
import type { Tables } from '../../db/tables.js'
import type { ActivityRow } from './activity.repository.js'

// The read-only lists behind the activities page, the cohort coverage and a student's activities.
// As in the repository, every query is limited to the school ids given.

export const ACTIVITY_PAGE_SIZE = 25

export interface ActivityListQuery {
  schoolId: number
  benchmark?: number
  /**
   * Only activities with at least one student now in this year group. NOTE: the year group is the
   * one on the register today, not the student's year on the day of the activity.
   */
  yearGroup?: string
  page?: number
}

export interface ActivityListRow extends ActivityRow {
  student_count: number
}

function scoped(
  schoolIds: number[],
  column: 'careers_activities.school_id' | 'students.school_id',
) {
  return inSchools(column, schoolIds)
}

/** Lists one school's activities, newest first, with the number of students on each. */
export async function listActivities(
  db: Kysely<Tables>,
  schoolIds: number[],
  query: ActivityListQuery,
): Promise<{ rows: ActivityListRow[]; total: number; page: number }> {
  let base = db
    .selectFrom('careers_activities')
    .where(scoped(schoolIds, 'careers_activities.school_id'))
    .where('careers_activities.school_id', '=', query.schoolId)
  if (query.benchmark !== undefined) {
    base = base.where('careers_activities.benchmark', '=', query.benchmark)
  }
  if (query.yearGroup !== undefined) {
    const yearGroup = query.yearGroup
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('careers_activity_students')
          .innerJoin('students', 'students.id', 'careers_activity_students.student_id')
          .select('careers_activity_students.id')
          .whereRef('careers_activity_students.activity_id', '=', 'careers_activities.id')
          .where('students.nc_year', '=', yearGroup),
      ),
    )
  }

  const counted = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst()
  const total = Number(counted?.total ?? 0)
  const lastPage = Math.max(1, Math.ceil(total / ACTIVITY_PAGE_SIZE))
  const page = Math.min(Math.max(1, query.page ?? 1), lastPage)

  const rows = await base
    .selectAll('careers_activities')
    .select((eb) =>
      eb
        .selectFrom('careers_activity_students')
        .select(eb.fn.countAll().as('n'))
        .whereRef('careers_activity_students.activity_id', '=', 'careers_activities.id')
        .as('student_count'),
    )
    .orderBy('careers_activities.held_on', 'desc')
    .orderBy('careers_activities.id', 'desc')
    .limit(ACTIVITY_PAGE_SIZE)
    .offset((page - 1) * ACTIVITY_PAGE_SIZE)
    .execute()
  return {
    rows: rows.map((row) => ({ ...row, student_count: Number(row.student_count ?? 0) })),
    total,
    page,
  }
}

export interface EvidenceRow {
  student_id: number
  nc_year: string | null
  benchmark: number | null
  held_on: string | null
}

/**
 * Lists each current student of a school with the benchmark and date of each activity they were
 * on: one row per student and activity, or one row with nulls for a student with none.
 */
export async function listSchoolEvidence(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
): Promise<EvidenceRow[]> {
  return db
    .selectFrom('students')
    .leftJoin('careers_activity_students', 'careers_activity_students.student_id', 'students.id')
    .leftJoin(
      'careers_activities',
      'careers_activities.id',
      'careers_activity_students.activity_id',
    )
    .select([
      'students.id as student_id',
      'students.nc_year',
      'careers_activities.benchmark',
      'careers_activities.held_on',
    ])
    .where(scoped(schoolIds, 'students.school_id'))
    .where('students.school_id', '=', schoolId)
    .where('students.left_on', 'is', null)
    .orderBy('students.id')
    .execute()
}

export interface StudentActivityRow extends ActivityRow {
  student_adjustments: string | null
  reflection: string | null
}

/** Lists the activities one student was on, newest first, with their own part in each. */
export async function listStudentActivities(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<StudentActivityRow[]> {
  return db
    .selectFrom('careers_activity_students')
    .innerJoin(
      'careers_activities',
      'careers_activities.id',
      'careers_activity_students.activity_id',
    )
    .selectAll('careers_activities')
    .select([
      'careers_activity_students.adjustments as student_adjustments',
      'careers_activity_students.reflection',
    ])
    .where(scoped(schoolIds, 'careers_activities.school_id'))
    .where('careers_activity_students.student_id', '=', studentId)
    .orderBy('careers_activities.held_on', 'desc')
    .orderBy('careers_activities.id', 'desc')
    .execute()
}
