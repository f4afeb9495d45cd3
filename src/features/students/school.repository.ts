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
