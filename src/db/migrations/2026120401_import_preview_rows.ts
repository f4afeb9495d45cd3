import type { AnyKysely } from '../dialect.js'

// Stages the rows of an import preview in their own table, in place of one JSON payload, so a
// large file is never held in memory whole. Previews live for hours, so the migration drops any
// preview waiting for confirmation and staff upload those files again.

export async function up(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('import_previews').execute()
  await db.schema
    .createTable('import_previews')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('school_id', 'integer', (column) =>
      column.notNull().references('schools.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('format', 'text', (column) => column.notNull())
    .addColumn('fields', 'text', (column) => column.notNull())
    .addColumn('unknown_columns', 'text', (column) => column.notNull())
    .addColumn('file_warnings', 'text', (column) => column.notNull())
    .addColumn('new_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('updated_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('unchanged_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('rejected_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('warning_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('not_in_file_count', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('student_count', 'integer', (column) => column.notNull())
    .addColumn('version_sum', 'integer', (column) => column.notNull())
    .addColumn('max_student_id', 'integer', (column) => column.notNull())
    .execute()

  await createPreviewRows(db)
}

async function createPreviewRows(db: AnyKysely): Promise<void> {
  await db.schema
    .createTable('import_preview_rows')
    .addColumn('preview_id', 'text', (column) =>
      column.notNull().references('import_previews.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (column) => column.notNull())
    .addColumn('line', 'integer', (column) => column.notNull())
    .addColumn('status', 'text', (column) => column.notNull())
    .addColumn('key_kind', 'text')
    .addColumn('key_value', 'text')
    .addColumn('changed_fields', 'text', (column) => column.notNull())
    .addColumn('input', 'text')
    .addColumn('errors', 'text', (column) => column.notNull())
    .addColumn('warnings', 'text', (column) => column.notNull())
    .addColumn('matched_student_id', 'integer')
    .addColumn('matched_version', 'integer')
    .execute()

  await db.schema
    .createIndex('import_preview_rows_preview_position_key')
    .on('import_preview_rows')
    .columns(['preview_id', 'position'])
    .unique()
    .execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('import_preview_rows').execute()
  await db.schema.dropTable('import_previews').execute()
  await db.schema
    .createTable('import_previews')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('school_id', 'integer', (column) =>
      column.notNull().references('schools.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('payload', 'text', (column) => column.notNull())
    .execute()
}
