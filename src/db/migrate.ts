import { Migrator, NO_MIGRATIONS, sql } from 'kysely'
import type { MigrationResultSet } from 'kysely'
import { dialectOf } from './dialect.js'
import type { AnyKysely } from './dialect.js'
import * as initial from './migrations/2026120301_initial.js'
import * as imports from './migrations/2026120302_imports.js'
import * as previewRows from './migrations/2026120401_import_preview_rows.js'
import * as overrideHistory from './migrations/2026120410_override_history.js'
import * as partialImports from './migrations/2026120411_partial_imports.js'
import * as foldSearchKeys from './migrations/2026120420_fold_search_keys.js'
import * as auditEvents from './migrations/2026120430_audit_events.js'
import * as accounts from './migrations/2026120440_accounts.js'
import * as dataProtection from './migrations/2026120450_data_protection.js'
import * as plansActivitiesDestinations from './migrations/2026120460_plans_activities_destinations.js'
import * as activityParticipantVersion from './migrations/2026120470_activity_participant_version.js'
import * as planReviewPfaReason from './migrations/2026120471_plan_review_pfa_reason.js'
import * as pseudonymSecrets from './migrations/2026120490_pseudonym_secrets.js'
import * as myFutureViews from './migrations/2026120495_my_future_views.js'
import * as rateLimits from './migrations/2026120500_rate_limits.js'
import * as scaleIndexes from './migrations/2026120510_scale_indexes.js'

// Migrations are imported here, not read from a folder, so they run the same under tsx and
// after a tsc build. Kysely runs them in the order of their names.
const migrations = {
  '2026120301_initial': initial,
  '2026120302_imports': imports,
  '2026120401_import_preview_rows': previewRows,
  '2026120410_override_history': overrideHistory,
  '2026120411_partial_imports': partialImports,
  '2026120420_fold_search_keys': foldSearchKeys,
  '2026120430_audit_events': auditEvents,
  '2026120440_accounts': accounts,
  '2026120450_data_protection': dataProtection,
  '2026120460_plans_activities_destinations': plansActivitiesDestinations,
  '2026120470_activity_participant_version': activityParticipantVersion,
  '2026120471_plan_review_pfa_reason': planReviewPfaReason,
  '2026120490_pseudonym_secrets': pseudonymSecrets,
  '2026120495_my_future_views': myFutureViews,
  '2026120500_rate_limits': rateLimits,
  '2026120510_scale_indexes': scaleIndexes,
}

/**
 * Builds the migrator. Without a schema, Kysely (0.28) takes its bookkeeping tables to exist when
 * any schema holds them, so on PostgreSQL it is given the current schema: a database can hold
 * other copies, such as the schemas of test files that run at the same time.
 */
async function createMigrator(db: AnyKysely): Promise<Migrator> {
  const provider = { getMigrations: async () => migrations }
  if (dialectOf(db) !== 'postgres') return new Migrator({ db, provider })
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema })
}

/** Raises the error of the first failed migration, naming it, after Kysely rolls it back. */
function throwOnFailure({ error, results }: MigrationResultSet): MigrationResultSet {
  if (error === undefined) {
    return { results }
  }

  const failed = results?.find((result) => result.status === 'Error')
  // The cause's message is repeated in the message, because test reports print only the message.
  const reason = error instanceof Error ? error.message : String(error)
  throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, {
    cause: error,
  })
}

/** Milliseconds a SQLite process waits for another process's migrations before it fails. */
const SQLITE_MIGRATION_WAIT_MS = 60_000

/**
 * Runs `migrate` so that two processes that start at once on one database do not both apply a
 * migration. On PostgreSQL, Kysely takes an advisory lock and runs the migrations in one
 * transaction. Kysely (0.28) does neither on SQLite, so here the migrations run in one
 * `begin immediate` transaction, which holds SQLite's write lock from its start. A second process
 * waits for it, then finds nothing left to apply, and a failed migration leaves no part applied.
 */
async function runLocked(
  db: AnyKysely,
  migrate: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationResultSet> {
  if (dialectOf(db) === 'postgres') return migrate(await createMigrator(db))

  return db.connection().execute(async (connection) => {
    await beginImmediate(connection)
    let result: MigrationResultSet
    try {
      result = await migrate(await createMigrator(connection))
    } catch (error) {
      await sql`rollback`.execute(connection)
      throw error
    }
    if (result.error === undefined) await sql`commit`.execute(connection)
    else await sql`rollback`.execute(connection)
    return result
  })
}

/**
 * Starts a write transaction on SQLite. Each try waits up to the connection's busy timeout, so
 * the tries go on until SQLITE_MIGRATION_WAIT_MS has passed.
 */
async function beginImmediate(connection: AnyKysely): Promise<void> {
  const deadline = Date.now() + SQLITE_MIGRATION_WAIT_MS
  for (;;) {
    try {
      await sql`begin immediate`.execute(connection)
      return
    } catch (error) {
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY'
      if (!busy || Date.now() >= deadline) throw error
    }
  }
}

/** Applies every migration not yet applied. */
export async function migrateToLatest(db: AnyKysely): Promise<MigrationResultSet> {
  return throwOnFailure(await runLocked(db, (migrator) => migrator.migrateToLatest()))
}

/** Reverts the latest applied migration. */
export async function migrateDown(db: AnyKysely): Promise<MigrationResultSet> {
  return throwOnFailure(await runLocked(db, (migrator) => migrator.migrateDown()))
}

/** Reverts every migration, leaving only Kysely's own bookkeeping tables. */
export async function migrateToNone(db: AnyKysely): Promise<MigrationResultSet> {
  return throwOnFailure(await runLocked(db, (migrator) => migrator.migrateTo(NO_MIGRATIONS)))
}

/** Reverts applied migrations down to `name`, which stays applied. */
export async function migrateDownTo(db: AnyKysely, name: string): Promise<MigrationResultSet> {
  return throwOnFailure(await runLocked(db, (migrator) => migrator.migrateTo(name)))
}

export interface MigrationState {
  name: string
  /** When the migration was applied, or null while it is pending. */
  appliedAt: Date | null
}

/** Lists every migration in order, with when it was applied. */
export async function listMigrations(db: AnyKysely): Promise<MigrationState[]> {
  const migrator = await createMigrator(db)
  const infos = await migrator.getMigrations()
  return infos.map((info) => ({ name: info.name, appliedAt: info.executedAt ?? null }))
}

/** The names of every registered migration, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations).sort()
