import { loadConfig, type Config } from '../config.js'
import { connectDatabase, type Database, type OpenOptions } from '../db/connection.js'
import { COMMAND_ACCESS } from './command-access.js'
import { CommandError, NOT_PERMITTED, USER_VARIABLE } from './context.js'

/**
 * Rejects the command unless it runs as the operator. The schema and backup commands use this in
 * place of withServices, because withServices migrates the database before any command runs.
 */
export function requireOperator(command: string): void {
  if (COMMAND_ACCESS[command] !== 'operator') {
    throw new Error(`The command "${command}" is not an operator command in COMMAND_ACCESS`)
  }
  if (process.env[USER_VARIABLE]?.trim()) {
    throw new CommandError(
      `"${command}" runs only as the operator. Unset ${USER_VARIABLE} to run it.`,
      NOT_PERMITTED,
    )
  }
}

/**
 * Opens the configured database as it is, without migrating it, runs `work` and closes it. With
 * `existing`, a missing SQLite file is an error in place of a new empty database.
 */
export async function withOperatorDatabase<T>(
  command: string,
  work: (database: Database, config: Config) => Promise<T>,
  options: Pick<OpenOptions, 'existing'> = {},
): Promise<T> {
  requireOperator(command)
  const config = loadConfig()
  const database = await connectDatabase(config.databaseUrl, {
    poolSize: config.databasePoolSize,
    ...options,
  })
  try {
    return await work(database, config)
  } finally {
    await database.close()
  }
}
