// Pseudonymous student keys for the local authority return. A key is an HMAC-SHA256 of the
// student's UPN (or ULN, or school and MIS id) under a secret kept per organisation. So a student
// has the same key in every export from any school of the organisation, and a key cannot be
// turned back into a UPN without the secret in the database.
import { createHmac, randomBytes } from 'node:crypto'

import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'

const SECRET_BYTES = 32
/**
 * Hex characters of the HMAC shown in a key: 64 bits. By the birthday bound, two of a million
 * students share a key with a probability of about 3 in 100 million.
 */
const KEY_HEX_CHARS = 16

/** The student identifiers a key is derived from. */
export interface PseudonymIdentity {
  id: number
  schoolId: number
  upn: string | null
  uln: string | null
  misId: string | null
}

/**
 * Returns the identity text a key is computed from: the UPN, else the ULN, else the school and MIS
 * id. A record with none of them, such as one that retention pseudonymised, falls back to its row
 * id, which is stable but matches nothing outside this database.
 */
export function identityText(student: PseudonymIdentity): string {
  if (student.upn) return `upn:${student.upn}`
  if (student.uln) return `uln:${student.uln}`
  if (student.misId) return `mis:${student.schoolId}:${student.misId}`
  return `record:${student.id}`
}

/** Returns the key shown in the return, such as `P-1A2B3C4D5E6F7A8B`. */
export function pseudonymousKey(secretHex: string, student: PseudonymIdentity): string {
  const hmac = createHmac('sha256', Buffer.from(secretHex, 'hex'))
    .update(identityText(student))
    .digest('hex')
  return `P-${hmac.slice(0, KEY_HEX_CHARS).toUpperCase()}`
}

type Owner = { organisationId: number } | { schoolId: number }

async function findSecret(db: Kysely<Tables>, owner: Owner): Promise<string | undefined> {
  const query = db.selectFrom('pseudonym_secrets').select('secret')
  const row =
    'organisationId' in owner
      ? await query.where('organisation_id', '=', owner.organisationId).executeTakeFirst()
      : await query.where('school_id', '=', owner.schoolId).executeTakeFirst()
  return row?.secret
}

/**
 * Returns the secret of a school's organisation, or of the school when it has none, creating it
 * on first use. Two exports that create it at once both read the one that was stored first.
 */
export async function secretForSchool(db: Kysely<Tables>, schoolId: number): Promise<string> {
  const school = await db
    .selectFrom('schools')
    .select('organisation_id')
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow()
  const owner: Owner =
    school.organisation_id === null ? { schoolId } : { organisationId: school.organisation_id }

  const existing = await findSecret(db, owner)
  if (existing) return existing

  const column = 'organisationId' in owner ? 'organisation_id' : 'school_id'
  await db
    .insertInto('pseudonym_secrets')
    .values({
      organisation_id: 'organisationId' in owner ? owner.organisationId : null,
      school_id: 'schoolId' in owner ? owner.schoolId : null,
      secret: randomBytes(SECRET_BYTES).toString('hex'),
      created_at: new Date().toISOString(),
    })
    .onConflict((conflict) => conflict.column(column).doNothing())
    .execute()
  const stored = await findSecret(db, owner)
  if (!stored) throw new Error(`No pseudonym secret was stored for school ${schoolId}`)
  return stored
}
