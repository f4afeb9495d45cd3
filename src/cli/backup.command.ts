import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Command } from 'commander'

import { BackupExistsError, BackupOutputError, backupSqlite } from '../db/backup.js'
import { isPostgresUrl } from '../db/connection.js'
import { pgDumpCommands } from '../db/pg-dump-commands.js'
import { CommandError } from './context.js'
import { requireOperator } from './operator-database.js'
import { loadConfig } from '../config.js'

interface BackupOptions {
  output: string
  force?: boolean
}

/** Registers `backup --output FILE`. */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      'copy the SQLite database while the server runs, or print the pg_dump commands for PostgreSQL (the operator only)',
    )
    .requiredOption('--output <file>', 'the file to write the backup to')
    .option('--force', 'replace the output file if it exists')
    .action((options: BackupOptions) => backup(options))
}

async function backup(options: BackupOptions): Promise<void> {
  requireOperator('backup')
  const url = loadConfig().databaseUrl
  if (isPostgresUrl(url)) {
    printPostgresCommands(url, options.output)
    return
  }

  const path = url.replace(/^sqlite:/i, '')
  if (path === ':memory:') {
    throw new CommandError('DATABASE_URL names a database in memory, which has nothing to back up.')
  }
  if (!existsSync(path)) {
    throw new CommandError(
      `There is no SQLite database at ${resolve(path)}. Check the path in DATABASE_URL.`,
    )
  }
  try {
    const check = await backupSqlite(path, options.output, { force: options.force ?? false })
    console.log(`Backed up the database to ${options.output} (readable by its owner only).`)
    console.log(`Checked the backup: integrity_check returned "${check.integrity}".`)
    console.log(
      `Checked the backup: the same ${check.migrations.length} migrations as the database, up to ${check.migrations.at(-1) ?? 'none'}.`,
    )
    const rows = check.counts.reduce((sum, count) => sum + count.backup, 0)
    console.log(
      `Checked the backup: the same row counts as the database in all ${check.counts.length} tables (${rows} rows).`,
    )
  } catch (error) {
    if (error instanceof BackupOutputError) throw new CommandError(error.message)
    if (error instanceof BackupExistsError) {
      throw new CommandError(
        `${error.message}. Choose another --output file, or add --force to replace it.`,
      )
    }
    throw error
  }
}

function printPostgresCommands(url: string, file: string): void {
  const commands = pgDumpCommands(url, file)
  console.log(
    'The database is PostgreSQL, so pg_dump makes the backup, and send-careers does not run it.',
  )
  console.log('Back up to a file in the custom format:')
  console.log(`  ${commands.dump}`)
  console.log('Restore into a new, empty database, then point DATABASE_URL at it:')
  console.log(`  ${commands.createDatabase}`)
  console.log(`  ${commands.restore}`)
  if (commands.hadPassword) {
    console.log('The password in DATABASE_URL is left out: give it in PGPASSWORD or ~/.pgpass.')
  }
  console.log('See docs/operations.md for how often to back up and where to keep the copies.')
}
