import csrfProtection from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyRequest } from 'fastify'

/** The hidden form field that carries the token. Every template's form includes it. */
export const CSRF_FIELD = '_csrf'

// A urlencoded form gives the token as a string. A multipart form (the import upload) gives a
// field object, because @fastify/multipart attaches every part to the body as `{ value }`.
function tokenFromRequest(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined
  const field = body?.[CSRF_FIELD]
  if (typeof field === 'string') return field
  if (field && typeof field === 'object' && 'value' in field && typeof field.value === 'string') {
    return field.value
  }
  const header = request.headers['x-csrf-token']
  return typeof header === 'string' ? header : undefined
}

/**
 * Returns what binds a token to the session: the session's token, or one fixed value before
 * sign-in. A token made for one session then fails in any other, even with a planted CSRF cookie.
 */
export function csrfUserInfo(request: FastifyRequest): string {
  return request.auth?.token ?? 'signed-out'
}

/** Registers the double-submit check: a signed secret cookie and a token in each POST. */
export async function registerCsrf(app: FastifyInstance, production: boolean, hmacKey: string) {
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'send-careers-csrf',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: production, signed: true },
    getToken: tokenFromRequest,
    getUserInfo: csrfUserInfo,
    csrfOpts: { hmacKey },
  })

  app.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'POST') return done()
    app.csrfProtection(request, reply, done)
  })
}
