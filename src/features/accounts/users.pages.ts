import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope } from '../../web/scope.js'
import type { StudentService } from '../students/student.service.js'
import type { School } from '../students/school.repository.js'
import { passwordLinkUrl } from './account.service.js'
import type { Account, AccountService } from './account.service.js'
import { ROLES, ROLE_NAMES } from './permissions.js'
import type { Role } from './permissions.js'
import { NO_ROLE } from './users.forms.js'
import { DONE_MESSAGES, accountStatus, rolesAtSchools } from './users.view-model.js'
import type { SchoolRoleView } from './users.view-model.js'

export interface UserPagesServices {
  accounts: AccountService
  students: StudentService
}

/** A user at one of the admin's schools, loaded for the user page and its forms. */
export interface ManagedUser {
  account: Account
  effectiveRoles: Map<number, Role>
  /** The user's roles at the admin's schools. */
  roles: SchoolRoleView[]
  /** The admin's schools, where roles can be changed. */
  schools: School[]
  /**
   * True when every school where the user holds a role is one of the admin's. Changes to the whole
   * account (disabling, password links, multi-factor resets) need this, or an admin of one school
   * could take over an account that also holds a role at a school they do not manage.
   */
  manageable: boolean
}

export interface PageState {
  errors?: FormErrors
  /** The values the form sent, kept when the page is shown again with errors. */
  values?: Record<string, string>
}

const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export const roleOptions = ROLES.map((role) => ({ value: role, text: ROLE_NAMES[role] }))

type IdRequest = FastifyRequest<{ Params: { id: string } }>

/** Loads the user of the `:id` route parameter, or raises 404 unless they hold a role in scope. */
export async function loadManagedUser(
  services: UserPagesServices,
  request: FastifyRequest,
): Promise<ManagedUser> {
  const scope = requestScope(request)
  const parsed = idSchema.safeParse((request as IdRequest).params.id)
  const account = parsed.success ? await services.accounts.getAccount(parsed.data) : null
  if (!account) throw new NotFoundError('User not found')

  const effectiveRoles = await services.accounts.schoolRolesOf(account.id)
  const userSchools = [...effectiveRoles.keys()]
  if (!userSchools.some((schoolId) => scope.schoolIds.includes(schoolId))) {
    throw new NotFoundError('User not found')
  }
  const schools = await services.students.listSchools(scope)
  return {
    account,
    effectiveRoles,
    roles: rolesAtSchools(account, effectiveRoles, schools),
    schools,
    manageable: userSchools.every((schoolId) => scope.schoolIds.includes(schoolId)),
  }
}

/** Shows the users page, with the add-a-user form (its errors and values, when there are any). */
export async function renderUserList(
  services: UserPagesServices,
  request: FastifyRequest,
  reply: FastifyReply,
  state: PageState = {},
) {
  const scope = requestScope(request)
  const schools = await services.students.listSchools(scope)
  const accounts = await services.accounts.listAccounts(scope.schoolIds)
  const users = []
  for (const account of accounts) {
    const effectiveRoles = await services.accounts.schoolRolesOf(account.id)
    users.push({
      ...account,
      roles: rolesAtSchools(account, effectiveRoles, schools),
      status: accountStatus(account),
    })
  }
  const done = String((request.query as Record<string, unknown>).done ?? '')

  return reply.status(state.errors ? 400 : 200).view('accounts/views/users/list.njk', {
    pageTitle: 'Users',
    users,
    showSchool: schools.length > 1,
    schoolOptions: schools.map((school) => ({ value: school.id, text: school.name })),
    roleOptions,
    values: state.values ?? {},
    errors: state.errors,
    // After removing the user's last role at the admin's schools, the user page is gone.
    done: done === 'removed' ? DONE_MESSAGES.removed : null,
  })
}

/** Shows one user's page with the forms that change their roles and account. */
export async function renderUserPage(
  services: UserPagesServices,
  request: FastifyRequest,
  reply: FastifyReply,
  state: PageState = {},
) {
  const user = await loadManagedUser(services, request)
  const done = String((request.query as Record<string, unknown>).done ?? '')
  const self = request.auth?.user.id === user.account.id

  return reply.status(state.errors ? 400 : 200).view('accounts/views/users/user.njk', {
    pageTitle: user.account.displayName,
    user: user.account,
    status: accountStatus(user.account),
    roles: user.roles,
    manageable: user.manageable,
    self,
    schoolOptions: user.schools.map((school) => ({ value: school.id, text: school.name })),
    roleOptions: [...roleOptions, { value: NO_ROLE, text: 'No role (remove it)' }],
    values: state.values ?? {},
    errors: state.errors,
    done: DONE_MESSAGES[done] ?? null,
  })
}

/**
 * Shows a one-time password link. The response is marked no-store, because anyone who has the link
 * can choose the account's password.
 */
export function renderPasswordLink(
  request: FastifyRequest,
  reply: FastifyReply,
  context: { account: Account; token: string; created: boolean },
) {
  // Without PUBLIC_URL this is the address the admin's browser used, or with TRUST_PROXY the
  // address the proxy forwarded, so PUBLIC_URL is the reliable setting behind a proxy.
  const base = request.server.publicUrl ?? `${request.protocol}://${request.host}`
  const link = passwordLinkUrl(base, context.token)
  reply.header('cache-control', 'no-store')
  return reply.view('accounts/views/users/password-link.njk', {
    pageTitle: context.created ? 'User added' : 'New password link',
    user: context.account,
    created: context.created,
    link,
  })
}
