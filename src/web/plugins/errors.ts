import type { IncomingMessage } from 'node:http'

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import { HttpError, NotFoundError } from '../errors.js'

type HandledError = Error & Partial<Pick<FastifyError, 'code' | 'statusCode'>>

const TITLES: Record<number, string> = {
  400: 'There was a problem with the request',
  401: 'Sign in to continue',
  403: 'Page not available',
  404: 'Page not found',
  413: 'The file is too large',
  414: 'The web address is too long',
  429: 'Too many requests',
}

// Codes that @fastify/csrf-protection raises, with status 403, when a form's token fails.
const CSRF_ERROR_CODES = new Set(['FST_CSRF_INVALID_TOKEN', 'FST_CSRF_MISSING_SECRET'])

function statusOf(error: HandledError): number {
  const status = error.statusCode ?? 500
  return status >= 400 && status <= 599 ? status : 500
}

function titleOf(error: HandledError, status: number): string {
  if (isCsrfError(error)) return 'The form has expired'
  return TITLES[status] ?? 'Sorry, there is a problem with the service'
}

function isCsrfError(error: HandledError): boolean {
  return error.code !== undefined && CSRF_ERROR_CODES.has(error.code)
}

function logError(request: FastifyRequest, error: HandledError, status: number) {
  const fields = { err: error, code: error.code, statusCode: status }
  if (status >= 500) request.log.error(fields, 'request failed')
  else request.log.info(fields, 'request rejected')
}

function renderErrorPage(reply: FastifyReply, error: HandledError, status: number, dev: boolean) {
  const template = status === 404 ? 'errors/404.njk' : 'errors/error.njk'
  // Messages of 4xx errors are written for the user. A 5xx message may expose internals.
  const message = status < 500 ? error.message : null
  return reply.status(status).view(template, {
    title: titleOf(error, status),
    status,
    csrf: isCsrfError(error),
    message,
    code: error.code,
    // Only a server fault has a stack worth reading; a refused or mistyped request is expected.
    stack: dev && status >= 500 ? error.stack : null,
  })
}

// A request whose URL Fastify cannot route (a malformed percent-encoding, a parameter over the
// maximum length) never reaches the hooks that set security headers. It is routed again to this
// path, so its error page goes through the same hooks, error handler and template as any other.
const FRAMEWORK_ERROR_PATH = '/__framework-error'
const frameworkErrors = new WeakMap<IncomingMessage, FastifyError>()

const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_BAD_URL:
    'The web address is not valid. Check it for a mistyped % sign or character, or go to the start page.',
  FST_ERR_MAX_PARAM_LENGTH: 'The web address is too long. Check it, or go to the start page.',
}

/**
 * Builds Fastify's `frameworkErrors` option. `getApp` returns the app once it is built, because
 * the option is given to the constructor that builds it.
 */
export function handleFrameworkErrors(getApp: () => FastifyInstance | null) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const app = getApp()
    if (!app) throw error
    frameworkErrors.set(request.raw, error)
    request.raw.url = FRAMEWORK_ERROR_PATH
    app.routing(request.raw, reply.raw)
  }
}

function registerFrameworkErrorRoute(app: FastifyInstance) {
  app.all(FRAMEWORK_ERROR_PATH, {
    config: { access: 'public' },
    // The error is raised in onRequest, before body parsing and the CSRF check of a POST.
    onRequest: async (request) => {
      const error = frameworkErrors.get(request.raw)
      if (!error) throw new NotFoundError(`No page at ${FRAMEWORK_ERROR_PATH}`)
      request.log.info({ err: error, code: error.code }, 'request URL rejected by the router')
      const message = FRAMEWORK_MESSAGES[error.code] ?? 'The web address is not valid.'
      throw new HttpError(error.statusCode ?? 400, error.code, message)
    },
    handler: async () => {
      throw new NotFoundError()
    },
  })
}

/** Installs the 404 handler, the route for URLs the router rejects, and the one error handler. */
export function registerErrorPages(app: FastifyInstance, development: boolean) {
  registerFrameworkErrorRoute(app)

  app.setNotFoundHandler((request) => {
    throw new NotFoundError(`No page at ${request.url.split('?')[0]}`)
  })

  app.setErrorHandler((error: HandledError, request, reply) => {
    const status = statusOf(error)
    logError(request, error, status)
    return renderErrorPage(reply, error, status, development)
  })
}
