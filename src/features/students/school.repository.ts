import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'

export interface School {
  id: number
  name: string
  createdAt: string
}

/** Lists schools by name: those in `schoolIds`, or every school for `'all'`. */
export async function listSchools(
  db: Kysely<Tables>,
  schoolIds: number[] | 'all',
): Promise<School[]> {
  if (schoolIds !== 'all' && schoolIds.length === 0) {
    return []
  }

  const rows = await db
    .selectFrom('schools')
    .selectAll()
    .$if(schoolIds !== 'all', (query) => query.where('id', 'in', schoolIds as number[]))
    .orderBy('name')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({ id: row.id, name: row.name, createdAt: row.created_at }))
}

/** Returns the school with this exact name, creating it first when there is none. */
export async function findOrCreateSchool(
  db: Kysely<Tables>,
  name: string,
  now: string,
): Promise<School> {
  await db
    .insertInto('schools')
    .values({ name, created_at: now })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute()

  const row = await db
    .selectFrom('schools')
    .selectAll()
    .where('name', '=', name)
    .executeTakeFirstOrThrow()
  return { id: row.id, name: row.name, createdAt: row.created_at }
}

/**
 * Locks a school's row until the transaction ends, so two imports of one school run one after
 * the other. PostgreSQL takes a row lock and SQLite its database write lock.
 */
export async function lockSchool(db: Kysely<Tables>, schoolId: number): Promise<boolean> {
  const result = await db
    .updateTable('schools')
    .set((eb) => ({ name: eb.ref('name') }))
    .where('id', '=', schoolId)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/**
 * Deletes a school that has no students and no committed imports, with its staged previews.
 * Returns whether it was deleted. Used to undo a school made only for a dry run or a failed import.
 */
export async function deleteEmptySchool(db: Kysely<Tables>, schoolId: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('schools')
      .select('id')
      .where('id', '=', schoolId)
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('students').select('id').where('school_id', '=', schoolId)),
          eb.exists(eb.selectFrom('imports').select('id').where('school_id', '=', schoolId)),
        ]),
      )
      .executeTakeFirst()
    if (used) return false

    await trx.deleteFrom('import_previews').where('school_id', '=', schoolId).execute()
    await trx.deleteFrom('need_code_mappings').where('school_id', '=', schoolId).execute()
    const result = await trx.deleteFrom('schools').where('id', '=', schoolId).executeTakeFirst()
    return result.numDeletedRows > 0n
  })
}

/** Students of each school by Career SEND group, leavers left out. A null group is "no group yet". */
export async function countStudentsByGroup(
  db: Kysely<Tables>,
  schoolIds: number[],
): Promise<{ schoolId: number; group: string | null; count: number }[]> {
  if (schoolIds.length === 0) return []
  const rows = await db
    .selectFrom('students')
    .select((eb) => ['school_id', 'group', eb.fn.countAll<number>().as('count')])
    .where('school_id', 'in', schoolIds)
    .where('left_on', 'is', null)
    .groupBy(['school_id', 'group'])
    .execute()
  return rows.map((row) => ({
    schoolId: row.school_id,
    group: row.group,
    count: Number(row.count),
  }))
}
