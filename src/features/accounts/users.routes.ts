import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import { fieldError, toFormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import { AccountError } from './account.service.js'
import { addUserFormSchema, roleFormSchema, NO_ROLE, typedValues } from './users.forms.js'
import {
  loadManagedUser,
  renderPasswordLink,
  renderUserList,
  renderUserPage,
} from './users.pages.js'
import type { ManagedUser, UserPagesServices } from './users.pages.js'

const ADD_FIELDS = ['email', 'displayName', 'role', 'schoolId'] as const
const ROLE_FIELDS = ['schoolId', 'role'] as const
const access = { config: { access: 'users.manage' as const } }

const NOT_YOUR_SCHOOL = 'Select one of your schools from the list'

/** Explains why a change to the whole account is refused for a user who is not wholly the admin's. */
function notManageable(user: ManagedUser, change: string): string {
  return (
    `${user.account.email} also has a role at a school where you are not an admin, so only ` +
    `an admin of every one of their schools can ${change}.`
  )
}

function userPath(user: ManagedUser, done?: string): string {
  return `/admin/users/${user.account.id}${done ? `?done=${done}` : ''}`
}

type AccountChange = 'disable' | 'enable' | 'password-link' | 'reset-mfa'

// A stolen session must not be enough to keep an account for good, so an admin's own account,
// password and second factor are changed by another admin.
const SELF_REFUSALS: Partial<Record<AccountChange, string>> = {
  disable: 'You cannot disable your own account. Ask another admin to do it.',
  'password-link': 'You cannot send a password link to yourself. Ask another admin to do it.',
  'reset-mfa':
    'You cannot reset your own multi-factor sign-in. Ask another admin to do it, or make new recovery codes on your account page.',
}

const CHANGE_WORDS: Record<AccountChange, string> = {
  disable: 'disable the account',
  enable: 'enable the account',
  'password-link': 'send a password link',
  'reset-mfa': 'reset multi-factor sign-in',
}

/** Returns why the admin may not make this change to a whole account, or null when they may. */
function accountChangeProblem(
  request: FastifyRequest,
  user: ManagedUser,
  change: AccountChange,
): string | null {
  const self = SELF_REFUSALS[change]
  if (self && request.auth?.user.id === user.account.id) return self
  return user.manageable ? null : notManageable(user, CHANGE_WORDS[change])
}

/** Registers the admin pages that list, add and change users at the admin's schools. */
export async function registerUserRoutes(app: FastifyInstance, services: UserPagesServices) {
  const { accounts } = services
  const showUser = (request: FastifyRequest, reply: FastifyReply, field: string, text: string) =>
    renderUserPage(services, request, reply, { errors: fieldError(field, text) })

  app.get('/admin/users', access, (request, reply) => renderUserList(services, request, reply))

  app.post('/admin/users', access, async (request, reply) => {
    const values = typedValues(request.body, ADD_FIELDS)
    const parsed = addUserFormSchema.safeParse(values)
    if (!parsed.success) {
      return renderUserList(services, request, reply, {
        errors: toFormErrors(parsed.error),
        values,
      })
    }
    const form = parsed.data
    if (!requestScope(request).schoolIds.includes(form.schoolId)) {
      return renderUserList(services, request, reply, {
        errors: fieldError('schoolId', NOT_YOUR_SCHOOL),
        values,
      })
    }

    // Someone who already works at another school keeps one account and gains a role here.
    const existing = await accounts.findAccount(form.email)
    if (existing && !existing.disabled) {
      const roles = await accounts.schoolRolesOf(existing.id)
      if (roles.has(form.schoolId)) {
        const message = `${existing.email} already has a role at this school. Change it on their page.`
        return renderUserList(services, request, reply, {
          errors: fieldError('email', message),
          values,
        })
      }
      await accounts.grantRole(
        existing.id,
        form.role,
        { schoolId: form.schoolId },
        requestUserName(request),
      )
      request.log.info(
        { userId: existing.id, schoolId: form.schoolId },
        'role granted to an existing user',
      )
      return reply.redirect(`/admin/users/${existing.id}?done=existing`, 303)
    }

    try {
      const { account, token } = await accounts.createUser(
        { email: form.email, displayName: form.displayName, role: form.role },
        { schoolId: form.schoolId },
        requestUserName(request),
      )
      request.log.info({ userId: account.id, schoolId: form.schoolId }, 'user added')
      return renderPasswordLink(request, reply, { account, token, created: true })
    } catch (error) {
      if (!(error instanceof AccountError)) throw error
      return renderUserList(services, request, reply, {
        errors: fieldError(error.field || 'email', error.message),
        values,
      })
    }
  })

  app.get('/admin/users/:id', access, (request, reply) => renderUserPage(services, request, reply))

  app.post('/admin/users/:id/role', access, async (request, reply) => {
    const user = await loadManagedUser(services, request)
    const values = typedValues(request.body, ROLE_FIELDS)
    const parsed = roleFormSchema.safeParse(values)
    if (!parsed.success) {
      return renderUserPage(services, request, reply, {
        errors: toFormErrors(parsed.error),
        values,
      })
    }
    const { schoolId, role } = parsed.data
    const school = user.schools.find((candidate) => candidate.id === schoolId)
    if (!school) {
      return renderUserPage(services, request, reply, {
        errors: fieldError('schoolId', NOT_YOUR_SCHOOL),
        values,
      })
    }
    const problem =
      ownLastAdminRole(request, user, schoolId, role) ?? removalProblem(user, schoolId, role)
    if (problem) {
      return renderUserPage(services, request, reply, {
        errors: fieldError('role', problem),
        values,
      })
    }

    const by = requestUserName(request)
    if (role === NO_ROLE) {
      await accounts.removeRole(user.account.id, { schoolId }, by)
      request.log.info({ userId: user.account.id, schoolId }, 'role removed')
      const left = await accounts.schoolRolesOf(user.account.id)
      const stillVisible = user.schools.some((candidate) => left.has(candidate.id))
      return reply.redirect(
        stillVisible ? userPath(user, 'removed') : '/admin/users?done=removed',
        303,
      )
    }
    await accounts.grantRole(user.account.id, role, { schoolId }, by)
    request.log.info({ userId: user.account.id, schoolId }, 'role granted')
    return reply.redirect(userPath(user, 'role'), 303)
  })

  app.post('/admin/users/:id/disable', access, async (request, reply) => {
    const user = await loadManagedUser(services, request)
    const problem = accountChangeProblem(request, user, 'disable')
    if (problem) return showUser(request, reply, 'disable', problem)
    await accounts.disableUser(user.account.id, requestUserName(request))
    request.log.info({ userId: user.account.id }, 'user disabled')
    return reply.redirect(userPath(user, 'disabled'), 303)
  })

  app.post('/admin/users/:id/enable', access, async (request, reply) => {
    const user = await loadManagedUser(services, request)
    const problem = accountChangeProblem(request, user, 'enable')
    if (problem) return showUser(request, reply, 'enable', problem)
    await accounts.enableUser(user.account.id, requestUserName(request))
    request.log.info({ userId: user.account.id }, 'user enabled')
    return reply.redirect(userPath(user, 'enabled'), 303)
  })

  app.post('/admin/users/:id/password-link', access, async (request, reply) => {
    const user = await loadManagedUser(services, request)
    const problem = accountChangeProblem(request, user, 'password-link')
    if (problem) return showUser(request, reply, 'password-link', problem)
    if (user.account.disabled) {
      const message = `${user.account.email} is disabled, so a link would not work. Enable the account first.`
      return showUser(request, reply, 'password-link', message)
    }
    const token = await accounts.issuePasswordLink(user.account.id, requestUserName(request))
    request.log.info({ userId: user.account.id }, 'password link issued')
    return renderPasswordLink(request, reply, { account: user.account, token, created: false })
  })

  app.post('/admin/users/:id/reset-mfa', access, async (request, reply) => {
    const user = await loadManagedUser(services, request)
    const problem = accountChangeProblem(request, user, 'reset-mfa')
    if (problem) return showUser(request, reply, 'reset-mfa', problem)
    if (!user.account.mfaEnabled) {
      const message = `${user.account.email} has not set up multi-factor sign-in, so there is nothing to reset.`
      return showUser(request, reply, 'reset-mfa', message)
    }
    await accounts.resetMfa(user.account.id, requestUserName(request))
    request.log.info({ userId: user.account.id }, 'multi-factor sign-in reset')
    return reply.redirect(userPath(user, 'mfa'), 303)
  })
}

/**
 * Returns why an admin may not make this change to their own roles: taking away their admin role
 * at a school when they are an admin at no other school, which would lock them out of this page.
 */
function ownLastAdminRole(
  request: FastifyRequest,
  user: ManagedUser,
  schoolId: number,
  role: string,
): string | null {
  if (request.auth?.user.id !== user.account.id || role === 'admin') return null
  if (user.effectiveRoles.get(schoolId) !== 'admin') return null
  const otherAdminSchools = [...user.effectiveRoles].filter(
    ([otherId, otherRole]) => otherId !== schoolId && otherRole === 'admin',
  )
  if (otherAdminSchools.length > 0) return null
  return (
    'You cannot take away your own admin role, because it is your last one and you would ' +
    'lose access to the users page. Ask another admin to change it.'
  )
}

/** Returns why a "No role" choice cannot remove anything at this school, or null when it can. */
function removalProblem(user: ManagedUser, schoolId: number, role: string): string | null {
  if (role !== NO_ROLE) return null
  const held = user.roles.find((candidate) => candidate.schoolId === schoolId)
  if (!held) return `${user.account.email} has no role at this school, so there is none to remove.`
  if (!held.throughOrganisation) return null
  return (
    `${user.account.email} is ${held.roleName} at ${held.schoolName} through their organisation, ` +
    'not through a role of their own there. Change it with: send-careers user role --organisation.'
  )
}
