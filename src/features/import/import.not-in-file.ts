import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'

// Students of a school that a staged preview does not list, found in SQL. A staged row lists a
// student when it matched them, rejected or not.

function selectNotInFile(db: Kysely<Tables>, schoolId: number, previewId: string) {
  return db
    .selectFrom('students')
    .where('students.school_id', '=', schoolId)
    .where('students.id', 'not in', (eb) =>
      eb
        .selectFrom('import_preview_rows')
        .select('matched_student_id')
        .where('preview_id', '=', previewId)
        .where('matched_student_id', 'is not', null),
    )
}

/** Lists up to `limit` students not in the file, in id order, each with its key. */
export async function listNotInFile(
  db: Kysely<Tables>,
  schoolId: number,
  previewId: string,
  limit: number,
): Promise<{ id: number; key: string }[]> {
  const rows = await selectNotInFile(db, schoolId, previewId)
    .select(['students.id', 'students.upn', 'students.uln', 'students.mis_id'])
    .orderBy('students.id')
    .limit(limit)
    .execute()
  return rows.map((row) => ({ id: row.id, key: row.upn ?? row.uln ?? row.mis_id ?? `#${row.id}` }))
}

export async function countNotInFile(
  db: Kysely<Tables>,
  schoolId: number,
  previewId: string,
): Promise<number> {
  const { count } = await selectNotInFile(db, schoolId, previewId)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  return Number(count)
}

/**
 * Marks the students not in the file as not in the latest import, with one UPDATE, and returns
 * how many changed. A student already marked keeps its version, so a repeated import changes
 * nothing. Run it before inserting the file's new students, which no staged row matched.
 */
export async function markNotInLatestImport(
  db: Kysely<Tables>,
  schoolId: number,
  previewId: string,
  now: string,
): Promise<number> {
  const result = await db
    .updateTable('students')
    .set((eb) => ({ in_latest_import: 0, version: eb('version', '+', 1), updated_at: now }))
    .where('students.school_id', '=', schoolId)
    .where('students.in_latest_import', '=', 1)
    .where('students.id', 'not in', (eb) =>
      eb
        .selectFrom('import_preview_rows')
        .select('matched_student_id')
        .where('preview_id', '=', previewId)
        .where('matched_student_id', 'is not', null),
    )
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
