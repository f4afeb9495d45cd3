import type { Command } from 'commander'

import { loadConfig } from '../config.js'
import { openDatabase } from '../db/connection.js'
import { migrateToLatest } from '../db/migrate.js'

/**
 * Registers `migrate`: applies the migrations not yet applied and names each. The server and
 * every other command also migrate when they start, so this is for running them once, before
 * several web processes start, or to see what a new version changes.
 */
export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply the database migrations not yet applied (DATABASE_URL names the database)')
    .action(async () => {
      const database = openDatabase(loadConfig().databaseUrl)
      try {
        const { results = [] } = await migrateToLatest(database.db)
        for (const result of results) console.log(`Applied ${result.migrationName}`)
        if (results.length === 0) console.log('The database is up to date: nothing to apply.')
      } finally {
        await database.close()
      }
    })
}
