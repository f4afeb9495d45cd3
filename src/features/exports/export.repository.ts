// Paged reads for the exports. Each query returns at most `limit` rows with ids above `afterId`
// (keyset paging), in id order, and names the schools in scope in SQL, both for the record itself
// and for the student it belongs to.
import type { Kysely, Selectable } from 'kysely'

import type { Tables } from '../../db/tables.js'

/** One page to read: rows with an id above `afterId`, at most `limit` of them. */
export interface PageRequest {
  schoolIds: number[]
  afterId: number
  limit: number
}

export type PlanPartTable =
  'plan_aspirations' | 'plan_goals' | 'plan_targets' | 'plan_actions' | 'plan_reviews'

/** Reads a page of students with their school's name. */
export async function pageStudents(db: Kysely<Tables>, page: PageRequest) {
  if (page.schoolIds.length === 0) return []
  return db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .selectAll('students')
    .select('schools.name as school_name')
    .where('students.school_id', 'in', page.schoolIds)
    .where('students.id', '>', page.afterId)
    .orderBy('students.id')
    .limit(page.limit)
    .execute()
}

export type StudentExportRow = Awaited<ReturnType<typeof pageStudents>>[number]

/** Reads a page of one kind of plan part, with the school name and the student's UPN. */
export async function pagePlanParts<T extends PlanPartTable>(
  db: Kysely<Tables>,
  table: T,
  page: PageRequest,
) {
  if (page.schoolIds.length === 0) return []
  // Kysely cannot type a join on a table chosen at run time, so the part table is read as
  // plan_reviews, whose columns it shares, and every column of it is selected.
  const part = table as 'plan_reviews'
  return db
    .selectFrom(part)
    .innerJoin('students', 'students.id', `${part}.student_id`)
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .selectAll(part)
    .select(['schools.name as school_name', 'students.upn as student_upn'])
    .where(`${part}.school_id`, 'in', page.schoolIds)
    .where('students.school_id', 'in', page.schoolIds)
    .where(`${part}.id`, '>', page.afterId)
    .orderBy(`${part}.id`)
    .limit(page.limit)
    .execute() as Promise<PlanPartRow<T>[]>
}

interface PlanPartJoined {
  school_name: string
  student_upn: string | null
}

export type PlanPartRow<T extends PlanPartTable> = Selectable<Tables[T]> & PlanPartJoined

/** Reads a page of students' parts in careers activities, with the activity's own columns. */
export async function pageActivityParticipants(db: Kysely<Tables>, page: PageRequest) {
  if (page.schoolIds.length === 0) return []
  return db
    .selectFrom('careers_activity_students as part')
    .innerJoin('careers_activities as activity', 'activity.id', 'part.activity_id')
    .innerJoin('students', 'students.id', 'part.student_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select([
      'part.id',
      'part.student_id',
      'part.school_id',
      'part.adjustments as student_adjustments',
      'part.reflection',
      'activity.id as activity_id',
      'activity.held_on',
      'activity.kind',
      'activity.title',
      'activity.provider',
      'activity.benchmark',
      'activity.adjustments as activity_adjustments',
      'schools.name as school_name',
      'students.upn as student_upn',
    ])
    .where('part.school_id', 'in', page.schoolIds)
    .where('activity.school_id', 'in', page.schoolIds)
    .where('students.school_id', 'in', page.schoolIds)
    .where('part.id', '>', page.afterId)
    .orderBy('part.id')
    .limit(page.limit)
    .execute()
}

export type ActivityExportRow = Awaited<ReturnType<typeof pageActivityParticipants>>[number]

/** Reads a page of destination spells, with the school name and the student's UPN. */
export async function pageSpells(db: Kysely<Tables>, page: PageRequest) {
  if (page.schoolIds.length === 0) return []
  return db
    .selectFrom('destination_spells as spell')
    .innerJoin('students', 'students.id', 'spell.student_id')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .selectAll('spell')
    .select(['schools.name as school_name', 'students.upn as student_upn'])
    .where('spell.school_id', 'in', page.schoolIds)
    .where('students.school_id', 'in', page.schoolIds)
    .where('spell.id', '>', page.afterId)
    .orderBy('spell.id')
    .limit(page.limit)
    .execute()
}

export type SpellExportRow = Awaited<ReturnType<typeof pageSpells>>[number]

/** Reads every spell of these students, oldest start first. */
export async function spellsOfStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentIds: number[],
) {
  if (schoolIds.length === 0 || studentIds.length === 0) return []
  return db
    .selectFrom('destination_spells')
    .selectAll()
    .where('school_id', 'in', schoolIds)
    .where('student_id', 'in', studentIds)
    .orderBy('start_date')
    .orderBy('id')
    .execute()
}

export type StoredSpellRow = Awaited<ReturnType<typeof spellsOfStudents>>[number]

/** Reads the schools in scope with their organisation. */
export async function schoolsInScope(db: Kysely<Tables>, schoolIds: number[]) {
  if (schoolIds.length === 0) return []
  return db
    .selectFrom('schools')
    .select(['id', 'name', 'organisation_id'])
    .where('id', 'in', schoolIds)
    .orderBy('id')
    .execute()
}
