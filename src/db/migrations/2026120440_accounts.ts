import { sql } from 'kysely'

import type { AnyKysely } from '../dialect.js'
import { addIdColumn } from '../dialect.js'

// Organisations, users, their roles, second factors and database sessions. A role is held either
// at one school or at an organisation, which gives it at every school of that organisation.

export async function up(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('organisations'))
    .addColumn('name', 'text', (column) => column.notNull().unique())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()

  await db.schema
    .alterTable('schools')
    // No foreign key: SQLite cannot drop a column that has one, and the down step drops it.
    .addColumn('organisation_id', 'integer')
    .execute()

  await addIdColumn(db, db.schema.createTable('users'))
    .addColumn('email', 'text', (column) => column.notNull().unique())
    .addColumn('display_name', 'text', (column) => column.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('password_set_at', 'text')
    .addColumn('totp_secret', 'text')
    .addColumn('totp_enabled_at', 'text')
    .addColumn('totp_last_step', 'integer')
    .addColumn('failed_attempts', 'integer', (column) => column.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .execute()

  await addIdColumn(db, db.schema.createTable('user_roles'))
    .addColumn('user_id', 'integer', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('school_id', 'integer', (column) => column.references('schools.id'))
    .addColumn('organisation_id', 'integer', (column) => column.references('organisations.id'))
    .addColumn('role', 'text', (column) => column.notNull())
    .addColumn('granted_by', 'text', (column) => column.notNull())
    .addColumn('granted_at', 'text', (column) => column.notNull())
    .addCheckConstraint(
      'user_roles_one_place',
      sql`(school_id is null and organisation_id is not null) or (school_id is not null and organisation_id is null)`,
    )
    .execute()
  // One role per user and place. NULLs never clash in a unique index, so each place has its own.
  for (const column of ['school_id', 'organisation_id'] as const) {
    await db.schema
      .createIndex(`user_roles_user_${column}_idx`)
      .on('user_roles')
      .columns(['user_id', column])
      .unique()
      .where(sql.ref(column), 'is not', null)
      .execute()
  }

  await addIdColumn(db, db.schema.createTable('recovery_codes'))
    .addColumn('user_id', 'integer', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text')
    .execute()

  // A one-time link that lets a new user (or one whose password was reset) choose a password.
  await db.schema
    .createTable('sign_in_tokens')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'integer', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('used_at', 'text')
    .execute()

  // The cookie holds a random token; only its SHA-256 is stored, so a copy of the database
  // cannot be used to take over a session.
  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('user_id', 'integer', (column) =>
      column.notNull().references('users.id').onDelete('cascade'),
    )
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('last_seen_at', 'text', (column) => column.notNull())
    .addColumn('expires_at', 'text', (column) => column.notNull())
    .addColumn('second_factor_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()
}

export async function down(db: AnyKysely): Promise<void> {
  for (const table of ['sessions', 'sign_in_tokens', 'recovery_codes', 'user_roles', 'users']) {
    await db.schema.dropTable(table).execute()
  }
  await db.schema.alterTable('schools').dropColumn('organisation_id').execute()
  await db.schema.dropTable('organisations').execute()
}
