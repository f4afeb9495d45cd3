// The read-only queries behind cohort reports. Each is one SQL statement limited to the school ids
// given, and each is exported on its own so a benchmark can time the raw queries beside the page.
// A report issues a fixed number of them, whatever the number of students.
import { sql } from 'kysely'
import type { Kysely, SqlBool } from 'kysely'

import { inSchools } from '../../db/school-scope.js'
import type { Tables } from '../../db/tables.js'
import type { IsoDate } from '../../domain/types.js'

type ScopedColumn =
  | 'students.school_id'
  | 'destination_spells.school_id'
  | 'schools.id'
  | 'careers_activities.school_id'
  | 'career_plans.school_id'
  | 'careers_activity_students.school_id'

// Limits a query to the schools given; with none it matches nothing.
function scoped(schoolIds: readonly number[], column: ScopedColumn) {
  return inSchools(column, schoolIds)
}

// Current students: not left, or leaving on a date after today.
function current(today: IsoDate) {
  return sql<SqlBool>`(${sql.ref('students.left_on')} is null or ${sql.ref('students.left_on')} > ${today})`
}

export interface LeaverRow {
  id: number
  school_id: number
  left_on: string
  nc_year: string | null
  provision_code: string
  primary_need: string | null
  group: string | null
  basis: string | null
}

/**
 * Selects the students who left from `from` to `to`, both included, pseudonymised ones too, since
 * retention keeps what reports count.
 */
export async function selectLeavers(
  db: Kysely<Tables>,
  schoolIds: readonly number[],
  from: IsoDate,
  to: IsoDate,
): Promise<LeaverRow[]> {
  const rows = await db
    .selectFrom('students')
    .select([
      'students.id',
      'students.school_id',
      'students.left_on',
      'students.nc_year',
      'students.provision_code',
      'students.primary_need',
      'students.group',
      'students.basis',
    ])
    .where(scoped(schoolIds, 'students.school_id'))
    .where('students.left_on', '>=', from)
    .where('students.left_on', '<=', to)
    .orderBy('students.id')
    .execute()
  return rows.map((row) => ({ ...row, left_on: row.left_on ?? from }))
}

export interface LeaverSpellRow {
  student_id: number
  type: string
  start_date: string
  end_date: string | null
}

/** Selects the actual destination spells of the students who left from `from` to `to`. */
export async function selectLeaverSpells(
  db: Kysely<Tables>,
  schoolIds: readonly number[],
  from: IsoDate,
  to: IsoDate,
): Promise<LeaverSpellRow[]> {
  return db
    .selectFrom('destination_spells')
    .innerJoin('students', 'students.id', 'destination_spells.student_id')
    .select([
      'destination_spells.student_id',
      'destination_spells.type',
      'destination_spells.start_date',
      'destination_spells.end_date',
    ])
    .where(scoped(schoolIds, 'destination_spells.school_id'))
    .where(scoped(schoolIds, 'students.school_id'))
    .where('destination_spells.intent', '=', 'actual')
    .where('students.left_on', '>=', from)
    .where('students.left_on', '<=', to)
    .execute()
}

export interface CurrentCountRow {
  group: string | null
  basis: string | null
  provision_code: string
  primary_need: string | null
  nc_year: string | null
  students: number
  with_plan: number
}

/** Counts the current students per group, basis, provision, primary need and year group. */
export async function countCurrentStudents(
  db: Kysely<Tables>,
  schoolIds: readonly number[],
  today: IsoDate,
): Promise<CurrentCountRow[]> {
  const rows = await db
    .selectFrom('students')
    // The plans are limited to the schools too, so PostgreSQL reads them by school, not all of
    // them: at 1,000,000 students it otherwise scans every plan for one local authority.
    .leftJoin('career_plans', (join) =>
      join
        .onRef('career_plans.student_id', '=', 'students.id')
        .on(scoped(schoolIds, 'career_plans.school_id')),
    )
    .select([
      'students.group',
      'students.basis',
      'students.provision_code',
      'students.primary_need',
      'students.nc_year',
    ])
    .select((eb) => [
      eb.fn.count<number | string>('students.id').as('students'),
      eb.fn.count<number | string>('career_plans.id').as('with_plan'),
    ])
    .where(scoped(schoolIds, 'students.school_id'))
    .where(current(today))
    .groupBy([
      'students.group',
      'students.basis',
      'students.provision_code',
      'students.primary_need',
      'students.nc_year',
    ])
    .execute()
  // PostgreSQL returns counts as text, because count() is a bigint.
  return rows.map((row) => ({
    ...row,
    students: Number(row.students),
    with_plan: Number(row.with_plan),
  }))
}

export interface CoverageCountRow {
  nc_year: string | null
  benchmark: number
  covered: number
}

/**
 * Counts, per year group and benchmark, the current students with at least one activity held on
 * or before today. Planned activities, dated later, do not count.
 */
export async function countBenchmarkCoverage(
  db: Kysely<Tables>,
  schoolIds: readonly number[],
  today: IsoDate,
): Promise<CoverageCountRow[]> {
  const rows = await db
    .selectFrom('students')
    .innerJoin('careers_activity_students', 'careers_activity_students.student_id', 'students.id')
    .innerJoin(
      'careers_activities',
      'careers_activities.id',
      'careers_activity_students.activity_id',
    )
    .select(['students.nc_year', 'careers_activities.benchmark'])
    .select((eb) => eb.fn.count<number | string>('students.id').distinct().as('covered'))
    .where(scoped(schoolIds, 'students.school_id'))
    .where(scoped(schoolIds, 'careers_activities.school_id'))
    // Redundant for the result, but it steers PostgreSQL to read each activity's students by index.
    .where(scoped(schoolIds, 'careers_activity_students.school_id'))
    .where(current(today))
    .where('careers_activities.held_on', '<=', today)
    .groupBy(['students.nc_year', 'careers_activities.benchmark'])
    .execute()
  return rows.map((row) => ({ ...row, covered: Number(row.covered) }))
}

/** Lists the distinct leaving dates in the schools, for the years a report can choose. */
export async function selectLeavingDates(
  db: Kysely<Tables>,
  schoolIds: readonly number[],
): Promise<IsoDate[]> {
  const rows = await db
    .selectFrom('students')
    .select('students.left_on')
    .where(scoped(schoolIds, 'students.school_id'))
    .where('students.left_on', 'is not', null)
    .groupBy('students.left_on')
    .execute()
  return rows.flatMap((row) => (row.left_on === null ? [] : [row.left_on]))
}

export interface ReportSchoolRow {
  id: number
  name: string
  organisation_id: number | null
  organisation_name: string | null
}

/** Lists the schools by name, with the organisation each belongs to. */
export async function listReportSchools(
  db: Kysely<Tables>,
  schoolIds: readonly number[],
): Promise<ReportSchoolRow[]> {
  return db
    .selectFrom('schools')
    .leftJoin('organisations', 'organisations.id', 'schools.organisation_id')
    .select([
      'schools.id',
      'schools.name',
      'schools.organisation_id',
      'organisations.name as organisation_name',
    ])
    .where(scoped(schoolIds, 'schools.id'))
    .orderBy('schools.name')
    .orderBy('schools.id')
    .execute()
}

/**
 * Counts every school of the organisation, in scope or not. The count names no school and no
 * student, so a report can state how many of the organisation's schools it covers.
 */
export async function countOrganisationSchools(
  db: Kysely<Tables>,
  organisationId: number,
): Promise<number> {
  const row = await db
    .selectFrom('schools')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('schools.organisation_id', '=', organisationId)
    .executeTakeFirst()
  return Number(row?.count ?? 0)
}
