import { userInfo } from 'node:os'

import { loadConfig, type Config } from '../config.js'
import { connectDatabase, type Database } from '../db/connection.js'
import { migrateToLatest } from '../db/migrate.js'
import { schoolsWithPermission } from '../features/accounts/permissions.js'
import type { Access, Role } from '../features/accounts/permissions.js'
import type { School } from '../features/students/school.repository.js'
import type { Scope } from '../features/students/student.service.js'
import { createServices, type Services } from '../services.js'
import { COMMAND_ACCESS } from './command-access.js'

export interface CommandContext {
  config: Config
  database: Database
  services: Services
  /** The actor the audit trail names: the user's email, or `cli:<os user>` for the operator. */
  actor: string
  /** True when the command runs as the operator, with every school. */
  operator: boolean
  /** The schools the command may work on. */
  scope: Scope
  schools: School[]
}

/** Exit code of a command refused because the user's roles do not allow it. */
export const NOT_PERMITTED = 3

/** The environment variable that makes commands run as a user instead of the operator. */
export const USER_VARIABLE = 'SEND_CAREERS_USER'

/**
 * Opens the configured database, brings its schema up to date, works out who runs the command
 * and which schools it may touch (see command-access.ts), runs `work`, and closes the database.
 */
export async function withServices<T>(
  command: string,
  work: (context: CommandContext) => Promise<T>,
): Promise<T> {
  const access = COMMAND_ACCESS[command]
  if (access === undefined) throw new Error(`The command "${command}" is not in COMMAND_ACCESS`)
  const config = loadConfig()
  // TODO: commands that only read, such as `user list` or `students`, create an empty database
  // at a mistyped SQLite path. Mark them in COMMAND_ACCESS and open with `existing` (next stop).
  const database = await connectDatabase(config.databaseUrl, {
    poolSize: config.databasePoolSize,
  })
  try {
    await migrateToLatest(database.db)
    const services = createServices(database, { sessions: config.sessions })
    const email = process.env[USER_VARIABLE]?.trim()
    if (!email) {
      const schools = await services.students.listSchools('all')
      const scope = { schoolIds: schools.map((school) => school.id) }
      const context = { config, database, services, actor: commandUser(), operator: true }
      return await work({ ...context, scope, schools })
    }

    const account = await services.accounts.findAccount(email)
    if (!account || account.disabled) {
      throw new CommandError(
        `${USER_VARIABLE} is "${email}", but no active user has that email. Check it, or unset ${USER_VARIABLE} to run as the operator.`,
        NOT_PERMITTED,
      )
    }
    if (access === 'operator') {
      throw new CommandError(
        `"${command}" runs only as the operator. Unset ${USER_VARIABLE} to run it.`,
        NOT_PERMITTED,
      )
    }
    const schoolIds = schoolsForCommand(access, await services.accounts.schoolRolesOf(account.id))
    if (schoolIds.length === 0) {
      throw new CommandError(
        `${account.email} has no role that may run "${command}" at any school. An admin can change their role with: send-careers user role.`,
        NOT_PERMITTED,
      )
    }
    const schools = await services.students.listSchools({ schoolIds })
    const scope = { schoolIds: schools.map((school) => school.id) }
    return await work({
      config,
      database,
      services,
      actor: account.email,
      operator: false,
      scope,
      schools,
    })
  } finally {
    await database.close()
  }
}

/** Returns the schools where a user's roles allow a command's access. */
export function schoolsForCommand(access: Access, roles: Map<number, Role>): number[] {
  if (access === 'public' || access === 'account') return [...roles.keys()]
  return schoolsWithPermission(roles, access)
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
