import { userInfo } from 'node:os'
import { loadConfig, type Config } from '../config.js'
import { openDatabase, type Database } from '../db/connection.js'
import { migrateToLatest } from '../db/migrate.js'
import { createServices, type Services } from '../services.js'

export interface CommandContext {
  config: Config
  database: Database
  services: Services
}

/** Opens the configured database, brings its schema up to date, runs `work`, and closes it. */
export async function withServices<T>(work: (context: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig()
  const database = await openDatabase(config.databaseUrl)
  try {
    await migrateToLatest(database.db)
    return await work({ config, database, services: createServices(database) })
  } finally {
    await database.close()
  }
}

/** An error whose message is for the person at the terminal; main prints it without a stack. */
export class CommandError extends Error {
  override name = 'CommandError'
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
  }
}

/** Returns the actor of a command for the audit trail: the operating-system user running it. */
export function commandUser(): string {
  try {
    return `cli:${userInfo().username}`
  } catch {
    return 'cli'
  }
}
