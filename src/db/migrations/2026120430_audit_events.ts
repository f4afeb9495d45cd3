import type { AnyKysely } from '../dialect.js'
import { addIdColumn } from '../dialect.js'

// An append-only record of who read or changed what. Student ids are kept without a foreign key,
// so the record of an event outlives the student it was about. The data protection migration adds
// the triggers that keep the table append-only.

export async function up(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('audit_events'))
    .addColumn('at', 'text', (column) => column.notNull())
    .addColumn('actor', 'text', (column) => column.notNull())
    .addColumn('action', 'text', (column) => column.notNull())
    .addColumn('school_id', 'integer')
    .addColumn('student_id', 'integer')
    .addColumn('details', 'text', (column) => column.notNull())
    .execute()

  for (const [name, columns] of [
    ['audit_events_student_at_idx', ['student_id', 'at']],
    ['audit_events_actor_at_idx', ['actor', 'at']],
    ['audit_events_action_at_idx', ['action', 'at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('audit_events')
      .columns([...columns])
      .execute()
  }
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('audit_events').execute()
}
