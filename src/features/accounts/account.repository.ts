import type { Kysely } from 'kysely'

import type { Tables, UserRow } from '../../db/tables.js'
import { isRole } from './permissions.js'
import type { Role } from './permissions.js'

/** A role and where it is held: one school, or every school of an organisation. */
export interface RoleGrant {
  role: Role
  schoolId: number | null
  organisationId: number | null
  /** The school's or organisation's name. */
  placeName: string
}

export async function findUserByEmail(
  db: Kysely<Tables>,
  email: string,
): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()
}

export async function findUserById(db: Kysely<Tables>, id: number): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function listRoleGrants(db: Kysely<Tables>, userId: number): Promise<RoleGrant[]> {
  const rows = await db
    .selectFrom('user_roles')
    .leftJoin('schools', 'schools.id', 'user_roles.school_id')
    .leftJoin('organisations', 'organisations.id', 'user_roles.organisation_id')
    .select([
      'user_roles.role',
      'user_roles.school_id',
      'user_roles.organisation_id',
      'schools.name as school_name',
      'organisations.name as organisation_name',
    ])
    .where('user_roles.user_id', '=', userId)
    .orderBy('user_roles.id')
    .execute()
  return rows.flatMap((row) =>
    isRole(row.role)
      ? [
          {
            role: row.role,
            schoolId: row.school_id,
            organisationId: row.organisation_id,
            placeName: row.school_name ?? row.organisation_name ?? '',
          },
        ]
      : [],
  )
}

/**
 * The role the user holds at each school. A role held at the school itself wins over one held
 * through its organisation, so an organisation viewer can still be a school's careers leader.
 */
export async function schoolRoles(db: Kysely<Tables>, userId: number): Promise<Map<number, Role>> {
  const direct = await db
    .selectFrom('user_roles')
    .innerJoin('schools', 'schools.id', 'user_roles.school_id')
    .select(['schools.id as school_id', 'user_roles.role'])
    .where('user_roles.user_id', '=', userId)
    .execute()
  const inherited = await db
    .selectFrom('user_roles')
    .innerJoin('schools', 'schools.organisation_id', 'user_roles.organisation_id')
    .select(['schools.id as school_id', 'user_roles.role'])
    .where('user_roles.user_id', '=', userId)
    .execute()

  const roles = new Map<number, Role>()
  for (const row of [...inherited, ...direct]) {
    if (isRole(row.role)) roles.set(row.school_id, row.role)
  }
  return roles
}

/** Users holding any role at one of these schools or at their organisations, by email. */
export async function listUsersOfSchools(
  db: Kysely<Tables>,
  schoolIds: number[],
): Promise<UserRow[]> {
  if (schoolIds.length === 0) return []
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_roles')
          .leftJoin('schools', 'schools.organisation_id', 'user_roles.organisation_id')
          .select('user_roles.id')
          .whereRef('user_roles.user_id', '=', 'users.id')
          .where((inner) =>
            inner.or([
              inner('user_roles.school_id', 'in', schoolIds),
              inner('schools.id', 'in', schoolIds),
            ]),
          ),
      ),
    )
    .orderBy('email')
    .execute()
}
