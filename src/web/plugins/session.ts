import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import type { AccountService, SignedInUser } from '../../features/accounts/account.service.js'
import { PERMISSIONS, schoolsWithPermission } from '../../features/accounts/permissions.js'
import type { Access, Permission } from '../../features/accounts/permissions.js'
import type { Scope } from '../../features/students/student.service.js'
import { HttpError } from '../errors.js'

export const SESSION_COOKIE = 'send-careers-session'

export interface RequestAuth {
  user: SignedInUser
  secondFactorPassed: boolean
  /** The cookie's token, to end or rotate this session. */
  token: string
}

/** A registered route with the access it names, listed for the route-by-role test. */
export interface RouteAccess {
  method: string
  url: string
  access: Access
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with the access it names. */
    routeAccess: RouteAccess[]
  }
  interface FastifyRequest {
    /** The signed-in user, or null. Set before any route runs. */
    auth: RequestAuth | null
    /** The schools where the user holds the route's permission; null on other routes. */
    scope: Scope | null
  }
}

/** Returns the schools where the user has a role with this permission. */
export function schoolsWith(user: SignedInUser, permission: Permission): number[] {
  return schoolsWithPermission(user.schoolRoles, permission)
}

/** Returns the permissions the user holds at one school at least, for menus and buttons. */
export function heldPermissions(user: SignedInUser | undefined): Permission[] {
  if (!user) return []
  return (Object.keys(PERMISSIONS) as Permission[]).filter(
    (permission) => schoolsWith(user, permission).length > 0,
  )
}

/** Returns the path to go to after sign-in: a path on this site, or `/` for anything else. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return '/'
  // Only printable ASCII: a Location header cannot carry other characters, and a path this
  // site links to is always percent-encoded.
  if (!/^[\x21-\x7e]*$/.test(value) || value.includes('\\') || value.length > 2000) return '/'
  return value
}

export function setSessionCookie(reply: FastifyReply, token: string, production: boolean) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: production,
  })
}

export function clearSessionCookie(reply: FastifyReply, production: boolean) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: production,
  })
}

// Asset routes come from @fastify/static, which sets no route config, so they are marked here.
function isAssetRoute(url: string): boolean {
  return url.startsWith('/static/') || url.startsWith('/assets/')
}

/**
 * Loads the session of each request and enforces the access its route names. A route registered
 * without an access fails at start-up, so no page can be added without a permission.
 */
export function registerSessions(
  app: FastifyInstance,
  accounts: AccountService,
  production: boolean,
) {
  app.decorateRequest('auth', null)
  app.decorateRequest('scope', null)

  const routes: RouteAccess[] = []
  app.decorate('routeAccess', routes)
  app.addHook('onRoute', (route) => {
    if (!route.config?.access && isAssetRoute(route.url)) {
      route.config = { ...route.config, access: 'public' }
    }
    const access = route.config?.access
    if (!access) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} names no access. Add config: { access } from the permission table.`,
      )
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access })
  })

  app.addHook('onRequest', async (request, reply) => {
    // Stylesheets, scripts and images need no session, so they cost no database read.
    if (isAssetRoute(request.routeOptions.url ?? '')) return
    request.auth = await authenticate(request, accounts)
    const access = request.routeOptions.config.access
    // No access means no route matched: the 404 page, which shows nothing stored.
    if (access === undefined || access === 'public') return

    const auth = request.auth
    if (!auth) return refuseAnonymous(request, reply, production)
    if (auth.user.mfaEnabled && !auth.secondFactorPassed) {
      return sendTo(request, reply, '/sign-in/second-factor')
    }
    if (access === 'account') return
    if (auth.user.mfaRequired && !auth.user.mfaEnabled) {
      return sendTo(request, reply, '/account/multi-factor')
    }
    const schoolIds = schoolsWith(auth.user, access)
    if (schoolIds.length === 0) {
      throw new HttpError(
        403,
        'FORBIDDEN',
        'Your role does not give you access to this page. Ask an admin at your school if you need it.',
      )
    }
    request.scope = { schoolIds }
  })
}

async function authenticate(
  request: FastifyRequest,
  accounts: AccountService,
): Promise<RequestAuth | null> {
  const token = request.cookies[SESSION_COOKIE]
  if (!token || token.length > 100) return null
  const session = await accounts.loadSession(token)
  return session ? { ...session, token } : null
}

function refuseAnonymous(request: FastifyRequest, reply: FastifyReply, production: boolean) {
  // A stale cookie is dropped, so the browser stops sending it.
  if (request.cookies[SESSION_COOKIE]) clearSessionCookie(reply, production)
  if (request.method === 'GET' || request.method === 'HEAD') {
    const next = encodeURIComponent(request.url)
    return reply.redirect(request.url === '/' ? '/sign-in' : `/sign-in?next=${next}`, 303)
  }
  // A form sent after the session ended loses what was typed, so the message says so plainly.
  throw new HttpError(
    401,
    'SIGN_IN_NEEDED',
    'You are not signed in, or your session has ended, so the change you sent was not saved. Sign in, then make the change again.',
  )
}

function sendTo(request: FastifyRequest, reply: FastifyReply, path: string) {
  if (request.method === 'GET' || request.method === 'HEAD') return reply.redirect(path, 303)
  throw new HttpError(401, 'SECOND_FACTOR_NEEDED', 'Finish signing in before you continue.')
}
