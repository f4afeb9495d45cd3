import type { AnyKysely } from '../dialect.js'

// Marks a preview, and the import it becomes, as coming from a file that lists only some of the
// school's students. Such an import marks no one as not in the latest import.

export async function up(db: AnyKysely): Promise<void> {
  await db.schema
    .alterTable('import_previews')
    .addColumn('partial', 'integer', (column) => column.notNull().defaultTo(0))
    .execute()
  await db.schema
    .alterTable('imports')
    .addColumn('partial', 'integer', (column) => column.notNull().defaultTo(0))
    .execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('imports').dropColumn('partial').execute()
  await db.schema.alterTable('import_previews').dropColumn('partial').execute()
}
