import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { fieldError } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import {
  SESSION_COOKIE,
  clearSessionCookie,
  safeNextPath,
  setSessionCookie,
} from '../../web/plugins/session.js'
import type { AccountService } from './account.service.js'
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from './account.service.js'
import { MIN_PASSWORD_LENGTH } from './passwords.js'
import { totpQrSvg, totpUri } from './totp.js'

// A client gets this many sign-in, code or password posts a minute before 429 Too Many Requests.
const SIGN_IN_POSTS_PER_MINUTE = 10

export const SIGN_IN_FAILED =
  `Enter a correct email address and password. After ${MAX_FAILED_ATTEMPTS} wrong attempts ` +
  `an account is locked for ${LOCKOUT_MINUTES} minutes.`
export const CODE_FAILED =
  'Enter the 6-digit code from your authenticator app, or one of your recovery codes. ' +
  'A code works only once.'

const textField = z.string().max(1000).default('')
const signInSchema = z.object({ email: textField, password: textField, next: textField })
const codeSchema = z.object({ code: textField, next: textField })
const passwordSchema = z.object({ token: textField, password: textField, confirm: textField })

function body(request: FastifyRequest): unknown {
  return request.body ?? {}
}

function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim()
}

export async function registerSignInRoutes(
  app: FastifyInstance,
  accounts: AccountService,
  options: { production: boolean; postsPerMinute?: number },
) {
  const { production } = options
  const max = options.postsPerMinute ?? SIGN_IN_POSTS_PER_MINUTE
  const signInLimit = { rateLimit: { max, timeWindow: '1 minute' } }
  const signedInFully = (request: FastifyRequest) =>
    request.auth !== null && (!request.auth.user.mfaEnabled || request.auth.secondFactorPassed)

  function renderSignIn(
    reply: FastifyReply,
    next: string,
    extra: { errors?: FormErrors; email?: string; notice?: string } = {},
  ) {
    return reply
      .status(extra.errors ? 400 : 200)
      .view('accounts/views/sign-in.njk', { pageTitle: 'Sign in', next, ...extra })
  }

  app.get('/sign-in', { config: { access: 'public' } }, (request, reply) => {
    const query = request.query as Record<string, unknown>
    const next = safeNextPath(query.next)
    if (signedInFully(request)) return reply.redirect(next, 303)
    const notice =
      query.signedOut !== undefined
        ? 'You have signed out.'
        : query.passwordSet !== undefined
          ? 'Your password is saved. Sign in with it now.'
          : undefined
    return renderSignIn(reply, next, { notice })
  })

  app.post('/sign-in', { config: { access: 'public', ...signInLimit } }, async (request, reply) => {
    const form = signInSchema.parse(body(request))
    const next = safeNextPath(form.next)
    const result = await accounts.signIn(form.email, form.password)
    if (!result.ok) {
      return renderSignIn(reply, next, {
        errors: fieldError('email', SIGN_IN_FAILED),
        email: form.email,
      })
    }
    // A fresh token on every sign-in, and the old session ended, so a planted cookie is useless.
    const old = request.cookies[SESSION_COOKIE]
    if (old) await accounts.endSession(old)
    const token = await accounts.createSession(result.userId, !result.needsSecondFactor)
    setSessionCookie(reply, token, production)
    if (result.needsSecondFactor) {
      return reply.redirect(`/sign-in/second-factor?next=${encodeURIComponent(next)}`, 303)
    }
    if (result.mustEnrol) return reply.redirect('/account/multi-factor', 303)
    return reply.redirect(next, 303)
  })

  function renderCode(reply: FastifyReply, next: string, errors?: FormErrors) {
    return reply.status(errors ? 400 : 200).view('accounts/views/second-factor.njk', {
      pageTitle: 'Enter your security code',
      next,
      errors,
    })
  }

  app.get('/sign-in/second-factor', { config: { access: 'public' } }, (request, reply) => {
    const next = safeNextPath((request.query as Record<string, unknown>).next)
    if (!request.auth) return reply.redirect('/sign-in', 303)
    if (signedInFully(request)) return reply.redirect(next, 303)
    return renderCode(reply, next)
  })

  app.post(
    '/sign-in/second-factor',
    { config: { access: 'public', ...signInLimit } },
    async (request, reply) => {
      const form = codeSchema.parse(body(request))
      const next = safeNextPath(form.next)
      const auth = request.auth
      if (!auth) return reply.redirect('/sign-in', 303)
      if (signedInFully(request)) return reply.redirect(next, 303)
      if (!(await accounts.verifySecondFactor(auth.user.id, form.code))) {
        return renderCode(reply, next, fieldError('code', CODE_FAILED))
      }
      const token = await accounts.passSecondFactor(auth.token, auth.user.id)
      setSessionCookie(reply, token, production)
      return reply.redirect(next, 303)
    },
  )

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (request.auth) {
      await accounts.endSession(request.auth.token)
      await accounts.recordSignOut(request.auth.user.email)
    }
    clearSessionCookie(reply, production)
    return reply.redirect('/sign-in?signedOut=1', 303)
  })

  async function renderAccount(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const auth = request.auth
    if (!auth) throw new Error('The account page needs a signed-in user')
    const account = await accounts.getAccount(auth.user.id)
    return reply.status(errors ? 400 : 200).view('accounts/views/account.njk', {
      pageTitle: 'Your account',
      account,
      recoveryCodesLeft: await accounts.unusedRecoveryCodes(auth.user.id),
      sessions: accounts.settings,
      errors,
    })
  }

  app.get('/account', { config: { access: 'account' } }, (request, reply) =>
    renderAccount(request, reply),
  )

  app.post(
    '/account/sign-out-everywhere',
    { config: { access: 'account' } },
    async (request, reply) => {
      const auth = request.auth
      if (!auth) throw new Error('Signing out everywhere needs a signed-in user')
      await accounts.endAllSessions(auth.user.id, auth.user.email)
      clearSessionCookie(reply, production)
      return reply.redirect('/sign-in?signedOut=1', 303)
    },
  )

  async function renderEnrolment(
    request: FastifyRequest,
    reply: FastifyReply,
    errors?: FormErrors,
  ) {
    const auth = request.auth
    if (!auth) throw new Error('Enrolment needs a signed-in user')
    if (auth.user.mfaEnabled) return reply.redirect('/account', 303)
    const secret =
      (await accounts.pendingMfaSecret(auth.user.id)) ??
      (await accounts.startMfaEnrolment(auth.user.id))
    const uri = totpUri(secret, auth.user.email)
    return reply.status(errors ? 400 : 200).view('accounts/views/multi-factor.njk', {
      pageTitle: 'Set up multi-factor sign-in',
      required: auth.user.mfaRequired,
      qrSvg: await totpQrSvg(uri),
      secret: groupSecret(secret),
      errors,
    })
  }

  app.get('/account/multi-factor', { config: { access: 'account' } }, renderEnrolment)

  app.post(
    '/account/multi-factor',
    { config: { access: 'account', ...signInLimit } },
    async (request, reply) => {
      const auth = request.auth
      if (!auth) throw new Error('Enrolment needs a signed-in user')
      const form = codeSchema.parse(body(request))
      const codes = await accounts.confirmMfaEnrolment(auth.user.id, form.code)
      if (!codes) {
        const message = 'Enter the 6-digit code your authenticator app shows now for send-careers'
        return renderEnrolment(request, reply, fieldError('code', message))
      }
      const token = await accounts.passSecondFactor(auth.token, auth.user.id)
      setSessionCookie(reply, token, production)
      // The page's sign-out form must carry a token for the new session.
      auth.token = token
      auth.secondFactorPassed = true
      // The codes are shown once, on this response, and never stored in a readable form.
      reply.header('cache-control', 'no-store')
      return reply.view('accounts/views/recovery-codes.njk', {
        pageTitle: 'Save your recovery codes',
        codes,
      })
    },
  )

  app.post(
    '/account/recovery-codes',
    { config: { access: 'account', ...signInLimit } },
    async (request, reply) => {
      const auth = request.auth
      if (!auth) throw new Error('New recovery codes need a signed-in user')
      const form = codeSchema.parse(body(request))
      const codes = await accounts.renewRecoveryCodes(auth.user.id, form.code)
      if (!codes) {
        const message = 'Enter the 6-digit code your authenticator app shows now for send-careers'
        return renderAccount(request, reply, fieldError('code', message))
      }
      reply.header('cache-control', 'no-store')
      return reply.view('accounts/views/recovery-codes.njk', {
        pageTitle: 'Save your new recovery codes',
        codes,
        renewed: true,
      })
    },
  )

  function renderPassword(
    reply: FastifyReply,
    context: { token: string; email: string | null; errors?: FormErrors },
  ) {
    // 410 Gone for a used or expired link, 400 for a rejected password, 200 otherwise.
    let status = 200
    if (!context.email) status = 410
    else if (context.errors) status = 400
    return reply.status(status).view('accounts/views/set-password.njk', {
      pageTitle: 'Choose your password',
      minLength: MIN_PASSWORD_LENGTH,
      ...context,
    })
  }

  // The token is in the query string, which request logs leave out.
  app.get('/set-password', { config: { access: 'public' } }, async (request, reply) => {
    const token = String((request.query as Record<string, unknown>).token ?? '').slice(0, 100)
    reply.header('cache-control', 'no-store')
    return renderPassword(reply, { token, email: await accounts.passwordLinkEmail(token) })
  })

  app.post(
    '/set-password',
    { config: { access: 'public', ...signInLimit } },
    async (request, reply) => {
      const form = passwordSchema.parse(body(request))
      const email = await accounts.passwordLinkEmail(form.token)
      if (!email) return renderPassword(reply, { token: form.token, email })
      if (form.password !== form.confirm) {
        const errors = fieldError('confirm', 'Enter the same password in both boxes')
        return renderPassword(reply, { token: form.token, email, errors })
      }
      const result = await accounts.setPasswordWithLink(form.token, form.password)
      if (!result.ok) {
        return renderPassword(reply, {
          token: form.token,
          email,
          errors: fieldError('password', result.problem),
        })
      }
      if (request.auth) await accounts.endSession(request.auth.token)
      clearSessionCookie(reply, production)
      return reply.redirect('/sign-in?passwordSet=1', 303)
    },
  )
}
