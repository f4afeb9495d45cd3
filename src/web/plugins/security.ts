import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

import helmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

const require = createRequire(import.meta.url)

// govuk-frontend's template.njk has one fixed inline script that marks the body as
// JavaScript-enabled. Allowing its hash keeps every other inline script blocked without nonces.
function govukInlineScriptHash(): string {
  const templatePath = require.resolve('govuk-frontend/dist/govuk/template.njk')
  const template = readFileSync(templatePath, 'utf8')
  const match = /<script[^\n]*?%}>([^<]+)<\/script>/.exec(template)
  if (!match?.[1]) {
    throw new Error(`Found no inline script in ${templatePath}, so the CSP hash cannot be set.`)
  }
  const digest = createHash('sha256').update(match[1]).digest('base64')
  return `'sha256-${digest}'`
}

/** Content Security Policy directives: same-origin assets only, no inline style, no framing. */
export function contentSecurityPolicy(production: boolean): Record<string, string[]> {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", govukInlineScriptHash()],
    'style-src': ["'self'"],
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'base-uri': ["'none'"],
    'object-src': ["'none'"],
  }
  if (production) directives['upgrade-insecure-requests'] = []
  return directives
}

export async function registerSecurityHeaders(app: FastifyInstance, production: boolean) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(production) },
    // HSTS only means something over HTTPS, which a production proxy provides.
    hsts: production,
    referrerPolicy: { policy: 'same-origin' },
    // Browsers without CSP frame-ancestors read X-Frame-Options, so both refuse every frame.
    frameguard: { action: 'deny' },
  })
}
