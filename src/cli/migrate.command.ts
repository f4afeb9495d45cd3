import type { Command } from 'commander'
import type { MigrationResultSet } from 'kysely'

import type { Database } from '../db/connection.js'
import {
  listMigrations,
  migrateDown,
  migrateDownTo,
  migrateToLatest,
  migrateToNone,
} from '../db/migrate.js'
import { CommandError } from './context.js'
import { withOperatorDatabase } from './operator-database.js'

interface DownOptions {
  to?: string
  all?: boolean
  yes?: boolean
}

/** Registers `migrate`, `migrate up`, `migrate down` and `migrate status`. */
export function registerMigrateCommand(program: Command): void {
  const migrate = program
    .command('migrate')
    .description('apply or revert database migrations (the operator only)')
    .action(() => withOperatorDatabase('migrate', up))
  migrate
    .command('up')
    .description('apply every pending migration and list them')
    .action(() => withOperatorDatabase('migrate up', up))
  migrate
    .command('down')
    .description('revert the latest applied migration')
    .option('--to <name>', 'revert every migration applied after NAME, keeping NAME')
    .option('--all', 'revert every migration, which deletes every table and its data')
    .option('--yes', 'confirm --all')
    .action((options: DownOptions) =>
      withOperatorDatabase('migrate down', (database) => down(database, options), EXISTING),
    )
  migrate
    .command('status')
    .description('list the applied and the pending migrations')
    .action(() => withOperatorDatabase('migrate status', status, EXISTING))
}

// Reading or reverting a database that is not there is a mistyped path, so nothing is created.
// Applying migrations to a new path creates the database, as the server would.
const EXISTING = { existing: true }

async function up(database: Database): Promise<void> {
  const applied = names(await migrateToLatest(database.db))
  if (applied.length === 0) {
    console.log(`No pending migrations: the database is at ${await latestApplied(database)}.`)
    return
  }
  for (const name of applied) console.log(`Applied ${name}`)
  console.log(`${applied.length} migration(s) applied.`)
}

async function down(database: Database, options: DownOptions): Promise<void> {
  if (options.all && options.to !== undefined) {
    throw new CommandError('Give --all or --to NAME, not both.')
  }
  if (options.yes && !options.all) {
    throw new CommandError(
      '--yes confirms --all only. Remove --yes, or add --all to revert every migration.',
    )
  }
  const applied = (await listMigrations(database.db)).filter((m) => m.appliedAt !== null)
  if (applied.length === 0) {
    console.log('No migration is applied, so there is nothing to revert.')
    return
  }

  let result: MigrationResultSet
  if (options.all) {
    if (!options.yes) {
      throw new CommandError(
        'migrate down --all deletes every table and all of its data. Take a backup first, then run it again with --yes.',
      )
    }
    result = await migrateToNone(database.db)
  } else if (options.to !== undefined) {
    checkAppliedName(
      options.to,
      applied.map((m) => m.name),
    )
    result = await migrateDownTo(database.db, options.to)
  } else {
    result = await migrateDown(database.db)
  }

  const reverted = names(result)
  for (const name of reverted) console.log(`Reverted ${name}`)
  console.log(`${reverted.length} migration(s) reverted. Now at ${await latestApplied(database)}.`)
}

function checkAppliedName(name: string, applied: string[]): void {
  if (applied.includes(name)) return
  throw new CommandError(
    `--to "${name}" is not an applied migration. Run "send-careers migrate status" and give one of the applied names.`,
  )
}

async function status(database: Database): Promise<void> {
  const migrations = await listMigrations(database.db)
  const pending = migrations.filter((m) => m.appliedAt === null)
  for (const migration of migrations) {
    const state = migration.appliedAt ? `applied ${migration.appliedAt.toISOString()}` : 'pending'
    console.log(`${migration.name}  ${state}`)
  }
  console.log(`${migrations.length - pending.length} applied, ${pending.length} pending.`)
}

function names(result: MigrationResultSet): string[] {
  return (result.results ?? [])
    .filter((migration) => migration.status === 'Success')
    .map((migration) => migration.migrationName)
}

async function latestApplied(database: Database): Promise<string> {
  const applied = (await listMigrations(database.db)).filter((m) => m.appliedAt !== null)
  return applied.at(-1)?.name ?? 'no migration (empty schema)'
}
