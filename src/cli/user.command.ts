import type { Command } from 'commander'

import { AccountError, passwordLinkUrl } from '../features/accounts/account.service.js'
import type { Account, Place } from '../features/accounts/account.service.js'
import { ROLES, ROLE_NAMES, isRole } from '../features/accounts/permissions.js'
import type { Role } from '../features/accounts/permissions.js'
import { CommandError, NOT_PERMITTED, withServices } from './context.js'
import type { CommandContext } from './context.js'
import { parseFormat, resolveSchool } from './options.js'

interface PlaceOptions {
  school?: string
  organisation?: string
}

interface AddOptions extends PlaceOptions {
  email: string
  name: string
  role: string
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('add users, change their roles, disable them')

  user
    .command('add')
    .description(
      'add a user with a role at a school, and print a one-time link to choose a password',
    )
    .requiredOption('--email <email>', 'the email address they sign in with')
    .requiredOption('--name <name>', 'their name, as pages show it')
    .requiredOption('--role <role>', `their role: ${ROLES.join(', ')}`)
    .option('--school <name>', 'the school (default: the only school; created if there is none)')
    .option('--organisation <name>', 'a trust or local authority: the role covers all its schools')
    .action((options: AddOptions) => addUser(options))

  user
    .command('list')
    .description('list users with their roles')
    .option('--format <format>', 'output format: text or json', 'text')
    .action((options: { format: string }) => listUsers(options))

  user
    .command('role')
    .description('give a user a role at a school, replacing their role there, or remove it')
    .argument('<email>', 'the user')
    .option('--role <role>', `the new role: ${ROLES.join(', ')}`)
    .option('--remove', 'remove their role at the school')
    .option('--school <name>', 'the school (default: the only school)')
    .option('--organisation <name>', 'a trust or local authority, in place of a school')
    .action((email: string, options: PlaceOptions & { role?: string; remove?: boolean }) =>
      changeRole(email, options),
    )

  user
    .command('disable')
    .description('stop a user signing in and end all their sessions at once')
    .argument('<email>', 'the user')
    .action((email: string) => setDisabled(email, true))

  user
    .command('enable')
    .description('let a disabled or locked user sign in again')
    .argument('<email>', 'the user')
    .action((email: string) => setDisabled(email, false))

  user
    .command('reset')
    .description('print a new one-time link to choose a password, for a forgotten password')
    .argument('<email>', 'the user')
    .option('--mfa', 'also remove their multi-factor sign-in, for a lost phone')
    .action((email: string, options: { mfa?: boolean }) => resetUser(email, options))
}

function parseRole(value: string | undefined): Role {
  if (value !== undefined && isRole(value)) return value
  throw new CommandError(`--role "${value ?? ''}" is not a role. Use one of: ${ROLES.join(', ')}.`)
}

async function resolvePlace(
  context: CommandContext,
  options: PlaceOptions,
  allowCreate: boolean,
): Promise<{ place: Place; name: string }> {
  if (options.school !== undefined && options.organisation !== undefined) {
    throw new CommandError('Give --school or --organisation, not both.')
  }
  if (options.organisation !== undefined) {
    if (!context.operator) {
      throw new CommandError(
        'A role across an organisation reaches schools beyond your own, so only the operator can give one.',
        NOT_PERMITTED,
      )
    }
    const name = options.organisation.trim()
    const organisation = await context.services.accounts.findOrganisation(name)
    if (!organisation) {
      throw new CommandError(
        `No organisation is called "${name}". Create it with: send-careers school add SCHOOL --organisation "${name}"`,
      )
    }
    return { place: { organisationId: organisation.id }, name: organisation.name }
  }
  // With no school yet, the first user's school is created: this is how a new install starts.
  const create = allowCreate && context.schools.length === 0
  const school = await resolveSchool(context, options.school, {
    allowCreate: create,
    createOption: null,
  })
  return { place: { schoolId: school.id }, name: school.name }
}

/** Finds a user the running person may manage: one with a role at one of their schools. */
async function manageableUser(context: CommandContext, email: string): Promise<Account> {
  const account = await context.services.accounts.findAccount(email)
  const visible =
    account &&
    (context.operator ||
      account.roles.some(
        (grant) => grant.schoolId !== null && context.scope.schoolIds.includes(grant.schoolId),
      ))
  if (!account || !visible) {
    throw new CommandError(`No user has the email address ${email.trim()}. Check the spelling.`)
  }
  return account
}

function passwordLink(context: CommandContext, token: string): string {
  return passwordLinkUrl(context.config.publicUrl, token)
}

async function addUser(options: AddOptions): Promise<void> {
  const role = parseRole(options.role)
  await withServices('user add', async (context) => {
    const { place, name } = await resolvePlace(context, options, true)
    try {
      const { account, token } = await context.services.accounts.createUser(
        { email: options.email, displayName: options.name, role },
        place,
        context.actor,
      )
      console.log(`Added ${account.email} as ${ROLE_NAMES[role]} at ${name}.`)
      console.log(`Send them this link to choose a password. It works once, for 72 hours:`)
      console.log(`  ${passwordLink(context, token)}`)
    } catch (error) {
      if (!(error instanceof AccountError)) throw error
      const hint =
        error.field === 'email' && /already exists/.test(error.message)
          ? `. To give them a role at ${name} too, run: send-careers user role ${options.email.trim()} --role ${role} --school "${name}"`
          : ''
      throw new CommandError(`${error.message}${hint}`)
    }
  })
}

async function listUsers(options: { format: string }): Promise<void> {
  const format = parseFormat(options.format)
  await withServices('user list', async (context) => {
    const accounts = await context.services.accounts.listAccounts(context.scope.schoolIds)
    if (format === 'json') {
      console.log(JSON.stringify(accounts, null, 2))
      return
    }
    if (accounts.length === 0) console.log('No users yet. Add one with: send-careers user add')
    for (const account of accounts) {
      const roles = account.roles.map((grant) => `${ROLE_NAMES[grant.role]} at ${grant.placeName}`)
      const state = [
        account.disabled ? 'disabled' : null,
        account.locked ? 'locked' : null,
        account.hasPassword ? null : 'no password yet',
        account.mfaEnabled ? 'multi-factor on' : null,
      ].filter(Boolean)
      const notes = state.length ? ` (${state.join(', ')})` : ''
      console.log(`${account.email.padEnd(36)} ${roles.join('; ')}${notes}`)
    }
  })
}

async function changeRole(
  email: string,
  options: PlaceOptions & { role?: string; remove?: boolean },
): Promise<void> {
  if (options.remove && options.role) throw new CommandError('Give --role or --remove, not both.')
  const role = options.remove ? null : parseRole(options.role)
  await withServices('user role', async (context) => {
    const account = await manageableUser(context, email)
    const { place, name } = await resolvePlace(context, options, false)
    if (role === null) {
      await context.services.accounts.removeRole(account.id, place, context.actor)
      console.log(`${account.email} has no role at ${name} now.`)
    } else {
      await context.services.accounts.grantRole(account.id, role, place, context.actor)
      console.log(`${account.email} is ${ROLE_NAMES[role]} at ${name} now.`)
    }
  })
}

async function setDisabled(email: string, disabled: boolean): Promise<void> {
  await withServices(disabled ? 'user disable' : 'user enable', async (context) => {
    const account = await manageableUser(context, email)
    if (disabled) {
      await context.services.accounts.disableUser(account.id, context.actor)
      console.log(`${account.email} is disabled, and every session they had has ended.`)
    } else {
      await context.services.accounts.enableUser(account.id, context.actor)
      console.log(`${account.email} can sign in again.`)
    }
  })
}

async function resetUser(email: string, options: { mfa?: boolean }): Promise<void> {
  await withServices('user reset', async (context) => {
    const account = await manageableUser(context, email)
    if (options.mfa) await context.services.accounts.resetMfa(account.id, context.actor)
    const token = await context.services.accounts.issuePasswordLink(account.id, context.actor)
    if (options.mfa) console.log(`Multi-factor sign-in is removed for ${account.email}.`)
    console.log(`Send them this link to choose a new password. It works once, for 72 hours:`)
    console.log(`  ${passwordLink(context, token)}`)
  })
}
