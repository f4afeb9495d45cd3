import type { Kysely, Selectable } from 'kysely'

import type { DestinationSpellTable, Tables, TrackingConsentTable } from '../../db/tables.js'
import type { ConsentStatus } from '../../domain/tracking-consent.js'
import type { IsoDate } from '../../domain/types.js'
import type { AuditAction } from '../audit/audit.repository.js'

// Reads and writes destination spells and tracking consent. Every query takes the caller's school
// ids, so a spell of another school is never read or changed.

export type SpellIntent = 'intended' | 'actual'

/** A stored destination spell, as the service and pages read it. */
export interface StoredSpell {
  id: number
  schoolId: number
  studentId: number
  intent: SpellIntent
  type: string
  startDate: IsoDate
  endDate: IsoDate | null
  hoursPerWeek: number | null
  paid: boolean | null
  provider: string | null
  checkedOn: IsoDate | null
  /** The NCCIS code chosen where it differs from the type's usual one, or null. */
  nccisCode: string | null
  reason: string | null
  version: number
  updatedBy: string
  updatedAt: string
}

/** The fields of a spell that a person or a file sets. */
export type SpellValues = Pick<
  StoredSpell,
  | 'intent'
  | 'type'
  | 'startDate'
  | 'endDate'
  | 'hoursPerWeek'
  | 'paid'
  | 'provider'
  | 'checkedOn'
  | 'nccisCode'
  | 'reason'
>

export interface StoredConsent {
  status: ConsentStatus
  recordedOn: IsoDate
  note: string | null
  version: number
  updatedBy: string
  updatedAt: string
}

/** The audit actions of destination changes, which the history on the page lists. */
export const DESTINATION_ACTIONS = [
  'destination.add',
  'destination.change',
  'destination.remove',
  'destination.consent',
  'destination.import',
] as const satisfies readonly AuditAction[]

function toSpell(row: Selectable<DestinationSpellTable>): StoredSpell {
  return {
    id: row.id,
    schoolId: row.school_id,
    studentId: row.student_id,
    intent: row.intent === 'intended' ? 'intended' : 'actual',
    type: row.type,
    startDate: row.start_date,
    endDate: row.end_date,
    // PostgreSQL returns `real` as a number, SQLite too; both keep whole and half hours exact.
    hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
    paid: row.paid === null ? null : Number(row.paid) === 1,
    provider: row.provider,
    checkedOn: row.checked_on,
    nccisCode: row.nccis_code,
    reason: row.reason,
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }
}

function paidColumn(paid: boolean | null): number | null {
  if (paid === null) return null
  return paid ? 1 : 0
}

function toColumns(values: SpellValues) {
  return {
    intent: values.intent,
    type: values.type,
    start_date: values.startDate,
    end_date: values.endDate,
    hours_per_week: values.hoursPerWeek,
    paid: paidColumn(values.paid),
    provider: values.provider,
    checked_on: values.checkedOn,
    nccis_code: values.nccisCode,
    reason: values.reason,
  }
}

function toConsent(row: Selectable<TrackingConsentTable>): StoredConsent {
  return {
    status: row.status as ConsentStatus,
    recordedOn: row.recorded_on,
    note: row.note,
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }
}

/** Lists a student's spells, earliest start first. */
export async function listSpells(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<StoredSpell[]> {
  if (schoolIds.length === 0) return []
  const rows = await db
    .selectFrom('destination_spells')
    .selectAll()
    .where('student_id', '=', studentId)
    .where('school_id', 'in', schoolIds)
    .orderBy('start_date')
    .orderBy('id')
    .execute()
  return rows.map(toSpell)
}

export async function findSpell(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
  spellId: number,
): Promise<StoredSpell | null> {
  if (schoolIds.length === 0) return null
  const row = await db
    .selectFrom('destination_spells')
    .selectAll()
    .where('id', '=', spellId)
    .where('student_id', '=', studentId)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  return row ? toSpell(row) : null
}

/**
 * Returns the id of the student's spell with the same intent, type and start date, other than
 * `exceptId`, or null.
 */
export async function findSameSpell(
  db: Kysely<Tables>,
  owner: { schoolId: number; studentId: number },
  values: Pick<SpellValues, 'intent' | 'type' | 'startDate'>,
  exceptId: number | null,
): Promise<number | null> {
  let query = db
    .selectFrom('destination_spells')
    .select('id')
    .where('school_id', '=', owner.schoolId)
    .where('student_id', '=', owner.studentId)
    .where('intent', '=', values.intent)
    .where('type', '=', values.type)
    .where('start_date', '=', values.startDate)
  if (exceptId !== null) query = query.where('id', '!=', exceptId)
  const row = await query.executeTakeFirst()
  return row?.id ?? null
}

export async function insertSpell(
  db: Kysely<Tables>,
  owner: { schoolId: number; studentId: number },
  values: SpellValues,
  change: { by: string; at: string },
): Promise<number> {
  const row = await db
    .insertInto('destination_spells')
    .values({
      school_id: owner.schoolId,
      student_id: owner.studentId,
      ...toColumns(values),
      created_by: change.by,
      created_at: change.at,
      updated_by: change.by,
      updated_at: change.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/**
 * Updates a spell only when its stored version is `version`, and raises the version. Returns
 * false when no row matched, because the spell changed or went since the form was loaded.
 */
export async function updateSpell(
  db: Kysely<Tables>,
  spell: { id: number; schoolId: number; version: number },
  values: SpellValues,
  change: { by: string; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('destination_spells')
    .set((eb) => ({
      ...toColumns(values),
      version: eb('version', '+', 1),
      updated_by: change.by,
      updated_at: change.at,
    }))
    .where('id', '=', spell.id)
    .where('school_id', '=', spell.schoolId)
    .where('version', '=', spell.version)
    .executeTakeFirst()
  return result.numUpdatedRows > 0n
}

/** Deletes a spell only when its stored version is `version`. Returns false when none matched. */
export async function deleteSpell(
  db: Kysely<Tables>,
  spell: { id: number; schoolId: number; version: number },
): Promise<boolean> {
  const result = await db
    .deleteFrom('destination_spells')
    .where('id', '=', spell.id)
    .where('school_id', '=', spell.schoolId)
    .where('version', '=', spell.version)
    .executeTakeFirst()
  return result.numDeletedRows > 0n
}

export async function findConsent(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<StoredConsent | null> {
  if (schoolIds.length === 0) return null
  const row = await db
    .selectFrom('tracking_consents')
    .selectAll()
    .where('student_id', '=', studentId)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  return row ? toConsent(row) : null
}

/**
 * Records a student's consent, replacing the earlier answer, which the audit trail keeps. The
 * service checks the version the form showed first, in the same transaction.
 */
export async function saveConsent(
  db: Kysely<Tables>,
  owner: { schoolId: number; studentId: number },
  consent: { status: ConsentStatus; recordedOn: IsoDate; note: string | null },
  change: { by: string; at: string },
): Promise<void> {
  const values = {
    status: consent.status,
    recorded_on: consent.recordedOn,
    note: consent.note,
    updated_by: change.by,
    updated_at: change.at,
  }
  const updated = await db
    .updateTable('tracking_consents')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('student_id', '=', owner.studentId)
    .where('school_id', '=', owner.schoolId)
    .executeTakeFirst()
  if (updated.numUpdatedRows > 0n) return
  await db
    .insertInto('tracking_consents')
    .values({ school_id: owner.schoolId, student_id: owner.studentId, ...values })
    .execute()
}

/** A destination event of one student's audit trail. */
export interface DestinationEvent {
  id: number
  at: string
  actor: string
  action: (typeof DESTINATION_ACTIONS)[number]
  details: Record<string, unknown>
}

/** Lists the destination events of a student, oldest first. */
export async function listDestinationEvents(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<DestinationEvent[]> {
  if (schoolIds.length === 0) return []
  const rows = await db
    .selectFrom('audit_events')
    .select(['id', 'at', 'actor', 'action', 'details'])
    .where('student_id', '=', studentId)
    .where('school_id', 'in', schoolIds)
    .where('action', 'in', [...DESTINATION_ACTIONS])
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    id: Number(row.id),
    at: row.at,
    actor: row.actor,
    action: row.action as DestinationEvent['action'],
    details: JSON.parse(row.details) as Record<string, unknown>,
  }))
}
