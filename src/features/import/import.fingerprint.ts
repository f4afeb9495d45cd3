import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'

// Tells whether a school's students changed between a preview and its commit, from three
// aggregates, so neither step loads every student of the school.

/**
 * The school's students when a preview was made. Every write of a student's fields raises its
 * version and versions never go down, so an update or an insert alters at least one of these.
 * NOTE: deleting the newest student and adding one in its place could go unseen, because SQLite
 * may reuse the id. The product deletes no single students today.
 */
export interface SchoolFingerprint {
  studentCount: number
  versionSum: number
  maxStudentId: number
}

/** Reads the fingerprint of a school's students in one aggregate query. */
export async function readFingerprint(
  db: Kysely<Tables>,
  schoolId: number,
): Promise<SchoolFingerprint> {
  const row = await db
    .selectFrom('students')
    .select((eb) => [
      eb.fn.countAll().as('count'),
      eb.fn.sum('version').as('versions'),
      eb.fn.max('id').as('maxId'),
    ])
    .where('school_id', '=', schoolId)
    .executeTakeFirstOrThrow()
  // PostgreSQL returns count and sum as bigint text, and sum and max as null for no rows.
  return {
    studentCount: Number(row.count),
    versionSum: Number(row.versions ?? 0),
    maxStudentId: Number(row.maxId ?? 0),
  }
}

export function sameFingerprint(a: SchoolFingerprint, b: SchoolFingerprint): boolean {
  return (
    a.studentCount === b.studentCount &&
    a.versionSum === b.versionSum &&
    a.maxStudentId === b.maxStudentId
  )
}
