import { sql } from 'kysely'
import type { AnyKysely } from '../dialect.js'
import { dialectOf } from '../dialect.js'

// Makes the audit trail append-only in the database itself, and adds what retention needs: when a
// record was pseudonymised, and an index to find students by the date they left.
//
// The triggers reject every DELETE and every UPDATE except the erasure redaction, which sets
// details to '{}' and student_id to null and leaves every other column as it was. They bind the
// application and anyone using its database account; an owner of the database can still drop them.

const REJECT_DELETE = 'audit_events is append-only: an audit event cannot be deleted'
const REJECT_UPDATE =
  "audit_events is append-only: the only update allowed sets details to '{}' and student_id to null"

export async function up(db: AnyKysely): Promise<void> {
  await db.schema.alterTable('students').addColumn('pseudonymised_at', 'text').execute()
  await db.schema
    .createIndex('students_school_left_on_idx')
    .on('students')
    .columns(['school_id', 'left_on'])
    .execute()

  if (dialectOf(db) === 'postgres') {
    await createPostgresTriggers(db)
  } else {
    await createSqliteTriggers(db)
  }
}

async function createSqliteTriggers(db: AnyKysely): Promise<void> {
  await sql`
    create trigger audit_events_reject_delete before delete on audit_events
    begin
      select raise(abort, ${sql.raw(quote(REJECT_DELETE))});
    end`.execute(db)
  await sql`
    create trigger audit_events_reject_update before update on audit_events
    when not (
      new.details = '{}' and new.student_id is null
      and new.id is old.id and new.at is old.at and new.actor is old.actor
      and new.action is old.action and new.school_id is old.school_id
    )
    begin
      select raise(abort, ${sql.raw(quote(REJECT_UPDATE))});
    end`.execute(db)
}

async function createPostgresTriggers(db: AnyKysely): Promise<void> {
  await sql`
    create function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        if new.details = '{}' and new.student_id is null
          and new.id = old.id and new.at = old.at and new.actor = old.actor
          and new.action = old.action and new.school_id is not distinct from old.school_id then
          return new;
        end if;
        raise exception ${sql.raw(quote(REJECT_UPDATE))};
      end if;
      raise exception ${sql.raw(quote(REJECT_DELETE))};
    end;
    $$`.execute(db)
  await sql`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_events_append_only()`.execute(db)
  // TRUNCATE skips row triggers, so it needs a statement trigger of its own.
  await sql`
    create trigger audit_events_reject_truncate before truncate on audit_events
    for each statement execute function audit_events_append_only()`.execute(db)
}

/** Quotes a constant message as an SQL string literal. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

export async function down(db: AnyKysely): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`drop trigger audit_events_reject_truncate on audit_events`.execute(db)
    await sql`drop trigger audit_events_append_only on audit_events`.execute(db)
    await sql`drop function audit_events_append_only()`.execute(db)
  } else {
    await sql`drop trigger audit_events_reject_update`.execute(db)
    await sql`drop trigger audit_events_reject_delete`.execute(db)
  }

  await db.schema.dropIndex('students_school_left_on_idx').execute()
  await db.schema.alterTable('students').dropColumn('pseudonymised_at').execute()
}
