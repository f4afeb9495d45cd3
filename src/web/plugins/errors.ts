import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import { NotFoundError } from '../errors.js'

type HandledError = Error & Partial<Pick<FastifyError, 'code' | 'statusCode'>>

const TITLES: Record<number, string> = {
  400: 'There was a problem with the request',
  403: 'The form has expired',
  404: 'Page not found',
  413: 'The file is too large',
  429: 'Too many requests',
}

function statusOf(error: HandledError): number {
  const status = error.statusCode ?? 500
  return status >= 400 && status <= 599 ? status : 500
}

function logError(request: FastifyRequest, error: HandledError, status: number) {
  const fields = { err: error, code: error.code, statusCode: status }
  if (status >= 500) request.log.error(fields, 'request failed')
  else request.log.info(fields, 'request rejected')
}

function renderErrorPage(reply: FastifyReply, error: HandledError, status: number, dev: boolean) {
  const template = status === 404 ? 'errors/404.njk' : 'errors/error.njk'
  const title = TITLES[status] ?? 'Sorry, there is a problem with the service'
  // Messages of 4xx errors are written for the user. A 5xx message may expose internals.
  const message = status < 500 ? error.message : null
  return reply
    .status(status)
    .view(template, { title, status, message, code: error.code, stack: dev ? error.stack : null })
}

/** Installs the 404 handler and the one error handler that every route's errors reach. */
export function registerErrorPages(app: FastifyInstance, development: boolean) {
  app.setNotFoundHandler((request) => {
    throw new NotFoundError(`No page at ${request.url.split('?')[0]}`)
  })

  app.setErrorHandler((error: HandledError, request, reply) => {
    const status = statusOf(error)
    logError(request, error, status)
    return renderErrorPage(reply, error, status, development)
  })
}
