import type { FastifyRequest } from 'fastify'
import type { LoggerOptions } from 'pino'

// Query strings can carry a student's name (the search box), so request logs keep the path only.
function pathOnly(url: string): string {
  const queryStart = url.indexOf('?')
  return queryStart === -1 ? url : `${url.slice(0, queryStart)}?[query removed]`
}

/** Pino options for the web app: JSON lines with cookies and credentials redacted. */
export function webLoggerOptions(level = 'info'): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // Fastify's default request log has no body. This one also drops the query and headers.
      req(request: FastifyRequest) {
        return { id: request.id, method: request.method, url: pathOnly(request.url) }
      },
    },
  }
}
