import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { GroupOverride } from '../../domain/types.js'
import { inSchools } from './student.repository.js'

/** Creates or replaces a student's override. Returns whether the student was in scope. */
export async function setOverride(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
  override: GroupOverride,
): Promise<boolean> {
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

export async function clearOverride(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
): Promise<void> {
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
