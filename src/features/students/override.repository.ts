import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { CareerSendGroup, GroupOverride } from '../../domain/types.js'
import { inSchools } from './student.repository.js'

/** A past override, kept when a newer one replaced it or staff removed it. */
export interface EndedOverride {
  group: CareerSendGroup
  reason: string
  madeBy: string
  madeAt: string
  endedBy: string
  endedAt: string
  endedHow: 'replaced' | 'removed'
}

/**
 * Creates or replaces a student's override. A replaced override is kept in the history first.
 * Returns whether the student was in scope. Call it in a transaction.
 */
export async function setOverride(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  override: GroupOverride,
): Promise<boolean> {
  await archiveOverride(db, schoolIds, id, { by: override.by, at: override.at, how: 'replaced' })
  // Inserting from a select of the student keeps the scope check in the same statement.
  const result = await db
    .insertInto('group_overrides')
    .columns(['student_id', 'group', 'reason', 'made_by', 'made_at', 'computed_group_at_override'])
    .expression(
      db
        .selectFrom('students')
        .select((eb) => [
          'students.id',
          eb.val(override.group).as('group'),
          eb.val(override.reason).as('reason'),
          eb.val(override.by).as('made_by'),
          eb.val(override.at).as('made_at'),
          eb.val(override.computedGroupAtOverride).as('computed_group_at_override'),
        ])
        .where('students.id', '=', id)
        .where((eb) => inSchools(eb, schoolIds)),
    )
    .onConflict((conflict) =>
      conflict.column('student_id').doUpdateSet((eb) => ({
        group: eb.ref('excluded.group'),
        reason: eb.ref('excluded.reason'),
        made_by: eb.ref('excluded.made_by'),
        made_at: eb.ref('excluded.made_at'),
        computed_group_at_override: eb.ref('excluded.computed_group_at_override'),
      })),
    )
    .executeTakeFirst()
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n
}

/** Removes a student's override, keeping it in the history. Call it in a transaction. */
export async function clearOverride(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  ended: { by: string; at: string },
): Promise<void> {
  await archiveOverride(db, schoolIds, id, { ...ended, how: 'removed' })
  await db
    .deleteFrom('group_overrides')
    .where('student_id', '=', id)
    .where('student_id', 'in', (eb) =>
      eb
        .selectFrom('students')
        .select('students.id')
        .where((inner) => inSchools(inner, schoolIds)),
    )
    .execute()
}

/** Copies a student's current override, if any, into the history. */
async function archiveOverride(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  ended: { by: string; at: string; how: EndedOverride['endedHow'] },
): Promise<void> {
  await db
    .insertInto('group_override_history')
    .columns([
      'student_id',
      'group',
      'reason',
      'made_by',
      'made_at',
      'ended_by',
      'ended_at',
      'ended_how',
    ])
    .expression(
      db
        .selectFrom('group_overrides')
        .innerJoin('students', 'students.id', 'group_overrides.student_id')
        .select((eb) => [
          'group_overrides.student_id',
          'group_overrides.group',
          'group_overrides.reason',
          'group_overrides.made_by',
          'group_overrides.made_at',
          eb.val(ended.by).as('ended_by'),
          eb.val(ended.at).as('ended_at'),
          eb.val(ended.how).as('ended_how'),
        ])
        .where('group_overrides.student_id', '=', id)
        .where((eb) => inSchools(eb, schoolIds)),
    )
    .execute()
}

/** Lists a student's past overrides, newest first. Empty for a student out of scope. */
export async function listOverrideHistory(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
): Promise<EndedOverride[]> {
  const rows = await db
    .selectFrom('group_override_history')
    .innerJoin('students', 'students.id', 'group_override_history.student_id')
    .selectAll('group_override_history')
    .where('group_override_history.student_id', '=', id)
    .where((eb) => inSchools(eb, schoolIds))
    .orderBy('group_override_history.ended_at', 'desc')
    .orderBy('group_override_history.id', 'desc')
    .execute()

  return rows.map((row) => ({
    group: row.group as CareerSendGroup,
    reason: row.reason,
    madeBy: row.made_by,
    madeAt: row.made_at,
    endedBy: row.ended_by,
    endedAt: row.ended_at,
    endedHow: row.ended_how as EndedOverride['endedHow'],
  }))
}
