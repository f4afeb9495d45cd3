import { sql } from 'kysely'
import type { AnyKysely } from '../dialect.js'
import { addIdColumn } from '../dialect.js'

// Committed imports, previews waiting for confirmation, and the need codes an admin has mapped.

export async function up(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('imports'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('file_name', 'text', (column) => column.notNull())
    .addColumn('format', 'text', (column) => column.notNull())
    .addColumn('started_at', 'text', (column) => column.notNull())
    .addColumn('committed_at', 'text', (column) => column.notNull())
    .addColumn('new_count', 'integer', (column) => column.notNull())
    .addColumn('updated_count', 'integer', (column) => column.notNull())
    .addColumn('unchanged_count', 'integer', (column) => column.notNull())
    .addColumn('rejected_count', 'integer', (column) => column.notNull())
    .addColumn('warning_count', 'integer', (column) => column.notNull())
    .addColumn('not_in_file_count', 'integer', (column) => column.notNull())
    .execute()

  await db.schema
    .createIndex('imports_school_committed_at_idx')
    .on('imports')
    .columns(['school_id', 'committed_at'])
    .execute()

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

  await createNeedCodeMappings(db)
}

async function createNeedCodeMappings(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('need_code_mappings'))
    .addColumn('school_id', 'integer', (column) =>
      column.references('schools.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (column) => column.notNull())
    .addColumn('area', 'text', (column) => column.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()

  // Both engines treat NULLs as distinct in a unique index, so global mappings need their own.
  await db.schema
    .createIndex('need_code_mappings_school_code_key')
    .on('need_code_mappings')
    .columns(['school_id', 'code'])
    .unique()
    .where('school_id', 'is not', null)
    .execute()
  await db.schema
    .createIndex('need_code_mappings_global_code_key')
    .on('need_code_mappings')
    .column('code')
    .unique()
    .where(sql.ref('school_id'), 'is', null)
    .execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('need_code_mappings').execute()
  await db.schema.dropTable('import_previews').execute()
  await db.schema.dropTable('imports').execute()
}
