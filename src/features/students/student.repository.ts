import { sql } from 'kysely'
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely'
import type { NewStudentRow, Tables } from '../../db/tables.js'

import { insertRows } from '../../db/bulk-insert.js'
import type { StudentKey } from '../import/import.types.js'
import type { Student, StudentInput } from './student.js'
import type { GroupColumns } from './student.grouping.js'
import { toStudent, toStudentRow } from './student.row.js'
import type { StudentRecordRow } from './student.row.js'

// Every function that reads or writes a student takes the school ids the caller may see and
// filters by them in SQL, so a student of another school is never read or changed.

type StudentsEb = ExpressionBuilder<Tables, 'students'>

/** A stored student with the version that a stored import preview compares. */
export interface StoredStudent extends Student {
  version: number
  group: GroupColumns
}

/** Filters students to the given schools; with no schools it matches nothing. */
export function inSchools(eb: StudentsEb, schoolIds: number[]): Expression<SqlBool> {
  return schoolIds.length > 0 ? eb('students.school_id', 'in', schoolIds) : sql<SqlBool>`1 = 0`
}

export function selectStudents(db: Kysely<Tables>, schoolIds: number[]) {
  return db
    .selectFrom('students')
    .leftJoin('group_overrides', 'group_overrides.student_id', 'students.id')
    .selectAll('students')
    .select([
      'group_overrides.group as override_group',
      'group_overrides.reason as override_reason',
      'group_overrides.made_by as override_made_by',
      'group_overrides.made_at as override_made_at',
      'group_overrides.computed_group_at_override as override_computed_group',
    ])
    .where((eb) => inSchools(eb, schoolIds))
}

export function toStoredStudent(row: StudentRecordRow): StoredStudent {
  const { group, basis, flags, need_area, has_conflict } = row
  return {
    ...toStudent(row),
    version: row.version,
    group: { group, basis, flags, need_area, has_conflict },
  }
}

export async function findStudentById(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
): Promise<StoredStudent | null> {
  const row = await selectStudents(db, schoolIds).where('students.id', '=', id).executeTakeFirst()
  return row ? toStoredStudent(row) : null
}

const keyColumns = { upn: 'students.upn', uln: 'students.uln', mis: 'students.mis_id' } as const

export async function findStudentByKey(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
  key: StudentKey,
): Promise<StoredStudent | null> {
  const row = await selectStudents(db, schoolIds)
    .where('students.school_id', '=', schoolId)
    .where(keyColumns[key.kind], '=', key.value)
    .executeTakeFirst()
  return row ? toStoredStudent(row) : null
}

/** Finds the students with this UPN in any of the given schools. */
export async function findStudentsByUpn(
  db: Kysely<Tables>,
  schoolIds: number[],
  upn: string,
): Promise<StoredStudent[]> {
  const rows = await selectStudents(db, schoolIds)
    .where('students.upn', '=', upn)
    .orderBy('students.school_id')
    .execute()
  return rows.map(toStoredStudent)
}

/** Lists every student of one school, in id order, for comparing an import with. */
export async function listSchoolStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
): Promise<StoredStudent[]> {
  const rows = await selectStudents(db, schoolIds)
    .where('students.school_id', '=', schoolId)
    .orderBy('students.id')
    .execute()
  return rows.map(toStoredStudent)
}

/** Identifier values to look students up by; each list becomes one `in (...)` condition. */
export interface StudentIdentifiers {
  upns: string[]
  ulns: string[]
  misIds: string[]
}

/** Finds the students of one school that have any of the identifiers, in id order. */
export async function findStudentsByIdentifiers(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
  identifiers: StudentIdentifiers,
): Promise<StoredStudent[]> {
  const { upns, ulns, misIds } = identifiers
  if (upns.length + ulns.length + misIds.length === 0) {
    return []
  }

  const rows = await selectStudents(db, schoolIds)
    .where('students.school_id', '=', schoolId)
    .where((eb) => {
      // `is not null` lets SQLite use the partial unique index on each identifier.
      const oneOf = (column: (typeof keyColumns)[StudentKey['kind']], values: string[]) =>
        values.length > 0 ? [eb.and([eb(column, 'in', values), eb(column, 'is not', null)])] : []
      return eb.or([
        ...oneOf(keyColumns.upn, upns),
        ...oneOf(keyColumns.uln, ulns),
        ...oneOf(keyColumns.mis, misIds),
      ])
    })
    .orderBy('students.id')
    .execute()
  return rows.map(toStoredStudent)
}

/** Finds the students with the given ids in the schools in scope. */
export async function findStudentsByIds(
  db: Kysely<Tables>,
  schoolIds: number[],
  ids: number[],
): Promise<StoredStudent[]> {
  if (ids.length === 0) {
    return []
  }

  const rows = await selectStudents(db, schoolIds).where('students.id', 'in', ids).execute()
  return rows.map(toStoredStudent)
}

export interface StudentWrite {
  now: string
  group: GroupColumns
  inLatestImport?: boolean
}

/** Inserts a student into a school in scope, returning its id, or null when out of scope. */
export async function insertStudent(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
  input: StudentInput,
  write: StudentWrite,
): Promise<number | null> {
  if (!schoolIds.includes(schoolId)) {
    return null
  }

  const row: NewStudentRow = {
    ...toStudentRow(input),
    ...write.group,
    school_id: schoolId,
    in_latest_import: write.inLatestImport === false ? 0 : 1,
    version: 1,
    created_at: write.now,
    updated_at: write.now,
  }
  const { id } = await db
    .insertInto('students')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/**
 * Inserts students into a school in scope with multi-row INSERTs, chunked under the engines'
 * limits on bound parameters. Returns how many were inserted; 0 when out of scope.
 */
export async function insertStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  schoolId: number,
  students: { input: StudentInput; group: GroupColumns }[],
  now: string,
): Promise<number> {
  if (!schoolIds.includes(schoolId) || students.length === 0) {
    return 0
  }

  const rows = students.map(({ input, group }): NewStudentRow => ({
    ...toStudentRow(input),
    ...group,
    school_id: schoolId,
    in_latest_import: 1,
    version: 1,
    created_at: now,
    updated_at: now,
  }))
  await insertRows(db, 'students', rows)
  return rows.length
}

/**
 * Writes a student's imported fields. With `expectedVersion`, the update only happens when the
 * stored version still matches. Returns whether a row was updated.
 */
export async function updateStudent(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  input: StudentInput,
  write: StudentWrite & { expectedVersion?: number },
): Promise<boolean> {
  const result = await db
    .updateTable('students')
    .set((eb) => ({
      ...toStudentRow(input),
      ...write.group,
      ...(write.inLatestImport === undefined
        ? {}
        : { in_latest_import: write.inLatestImport ? 1 : 0 }),
      version: eb('version', '+', 1),
      updated_at: write.now,
    }))
    .where('id', '=', id)
    .where((eb) => inSchools(eb, schoolIds))
    .$if(write.expectedVersion !== undefined, (query) =>
      query.where('version', '=', write.expectedVersion ?? 0),
    )
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Records the pathway staff chose, and who chose it. Returns whether the student was in scope. */
export async function setPathway(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  change: { pathway: string | null; by: string; now: string },
): Promise<boolean> {
  // A pathway staff clear is theirs no longer, so the next register that has one sets it again.
  const recorded = change.pathway !== null
  const result = await db
    .updateTable('students')
    .set((eb) => ({
      pathway: change.pathway,
      pathway_set_by: recorded ? change.by : null,
      pathway_set_at: recorded ? change.now : null,
      version: eb('version', '+', 1),
      updated_at: change.now,
    }))
    .where('id', '=', id)
    .where((eb) => inSchools(eb, schoolIds))
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Stores the derived group columns; neither the version nor updated_at moves. */
export async function setGroupColumns(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  group: GroupColumns,
): Promise<void> {
  await db
    .updateTable('students')
    .set(group)
    .where('id', '=', id)
    .where((eb) => inSchools(eb, schoolIds))
    .execute()
}
