import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { DESTINATION_ACTIONS } from './destination.repository.js'

// Tells whether a school's spells changed between a destinations preview and its commit.

/**
 * The school's spells when a preview was made. Count, version sum and largest id change with most
 * edits. SQLite may reuse the largest id after a delete, so the id of the school's latest
 * destination audit event is kept too: every spell change writes one, and events are never deleted.
 */
export interface SpellFingerprint {
  spellCount: number
  versionSum: number
  maxSpellId: number
  lastEventId: number
}

export async function readSpellFingerprint(
  db: Kysely<Tables>,
  schoolId: number,
): Promise<SpellFingerprint> {
  const spells = await db
    .selectFrom('destination_spells')
    .select((eb) => [
      eb.fn.countAll().as('count'),
      eb.fn.sum('version').as('versions'),
      eb.fn.max('id').as('maxId'),
    ])
    .where('school_id', '=', schoolId)
    .executeTakeFirstOrThrow()
  const events = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('id').as('maxId'))
    .where('school_id', '=', schoolId)
    .where('action', 'in', [...DESTINATION_ACTIONS])
    .executeTakeFirstOrThrow()
  // PostgreSQL returns count and sum as bigint text, and sum and max as null for no rows.
  return {
    spellCount: Number(spells.count),
    versionSum: Number(spells.versions ?? 0),
    maxSpellId: Number(spells.maxId ?? 0),
    lastEventId: Number(events.maxId ?? 0),
  }
}

export function sameSpellFingerprint(a: SpellFingerprint, b: SpellFingerprint): boolean {
  return (
    a.spellCount === b.spellCount &&
    a.versionSum === b.versionSum &&
    a.maxSpellId === b.maxSpellId &&
    a.lastEventId === b.lastEventId
  )
}
