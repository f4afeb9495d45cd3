import type { AnyKysely } from '../dialect.js'

// Gives each student's part in a careers activity (their adjustments and reflection) its own
// version, so a save made from a form opened before someone else's save is rejected instead of
// overwriting it. Existing rows start at version 1, as new ones do.

export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .alterTable('careers_activity_students')
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('careers_activity_students').dropColumn('version').execute()
}
