import type { AnyKysely } from '../dialect.js'
import { addIdColumn } from '../dialect.js'

// Overrides that were replaced or removed. A Career SEND group override is a judgement about a
// student, so who made it, when and why stays on record after it stops applying.

export async function up(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('group_override_history'))
    .addColumn('student_id', 'integer', (column) =>
      column.notNull().references('students.id').onDelete('cascade'),
    )
    .addColumn('group', 'text', (column) => column.notNull())
    .addColumn('reason', 'text', (column) => column.notNull())
    .addColumn('made_by', 'text', (column) => column.notNull())
    .addColumn('made_at', 'text', (column) => column.notNull())
    .addColumn('ended_by', 'text', (column) => column.notNull())
    .addColumn('ended_at', 'text', (column) => column.notNull())
    .addColumn('ended_how', 'text', (column) => column.notNull())
    .execute()

  await db.schema
    .createIndex('group_override_history_student_idx')
    .on('group_override_history')
    .columns(['student_id', 'ended_at'])
    .execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('group_override_history').execute()
}
