import type { AnyKysely } from '../dialect.js'
import { addIdColumn } from '../dialect.js'

// Adds `pseudonym_secrets`: one random secret per organisation, or per school that has no
// organisation, from which the pseudonymised local authority return derives each student's key.
// Exactly one of organisation_id and school_id is set. The unique indexes let two exports that
// start at once create the secret only once, because both engines allow many nulls in them.

export async function up(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('pseudonym_secrets'))
    .addColumn('organisation_id', 'integer', (column) =>
      column.unique().references('organisations.id'),
    )
    .addColumn('school_id', 'integer', (column) => column.unique().references('schools.id'))
    .addColumn('secret', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('pseudonym_secrets').execute()
}
