import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { FastifyInstance, FastifyReply } from 'fastify'
import nunjucks from 'nunjucks'

import { iconSvg } from '../../domain/easy-read/index.js'
import { ROLE_NAMES } from '../../features/accounts/permissions.js'
import { glossaryHref, glossaryLink } from '../glossary-link.js'
import { navigationItems, radioItems, selectItems } from '../view-helpers.js'
import { csrfUserInfo } from './csrf.js'
import { heldPermissions } from './session.js'

const webDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const srcDir = join(webDir, '..')

// Template names are relative to one of these folders: `layout.njk` (the web layer),
// `students/views/list.njk` (a feature) or `govuk/components/...` (govuk-frontend).
const templateFolders = [
  join(webDir, 'views'),
  join(srcDir, 'features'),
  join(srcDir, '..', 'node_modules', 'govuk-frontend', 'dist'),
]

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a Nunjucks template with the CSRF token and the request path, and sends it. */
    view(template: string, context?: Record<string, unknown>): FastifyReply
  }
}

export function createViewEnvironment(development: boolean): nunjucks.Environment {
  const loader = new nunjucks.FileSystemLoader(templateFolders, { noCache: development })
  const environment = new nunjucks.Environment(loader, {
    autoescape: true,
    throwOnUndefined: false,
  })
  environment.addGlobal('productName', 'send-careers')
  environment.addGlobal('selectItems', selectItems)
  environment.addGlobal('radioItems', radioItems)
  environment.addGlobal('navigationItems', navigationItems)
  environment.addGlobal('roleNames', ROLE_NAMES)
  environment.addGlobal('glossaryLink', glossaryLink)
  environment.addGlobal('glossaryHref', glossaryHref)
  // The SVG markup of an easy-read picture, for `{{ easyReadIcon(name) | safe }}`.
  environment.addGlobal('easyReadIcon', iconSvg)
  return environment
}

export function registerViews(app: FastifyInstance, development: boolean) {
  const environment = createViewEnvironment(development)

  app.decorateReply('view', function (this: FastifyReply, template, context = {}) {
    const auth = this.request.auth
    // A user still to pass the second factor gets no menu, because they can only finish signing in.
    const complete = auth && (!auth.user.mfaEnabled || auth.secondFactorPassed)
    const html = environment.render(template, {
      csrfToken: this.generateCsrf({ userInfo: csrfUserInfo(this.request) }),
      currentPath: this.request.url.split('?')[0],
      currentUser: auth?.user,
      permissions: complete ? heldPermissions(auth.user) : [],
      ...context,
    })
    // Pages show personal data or secrets (an authenticator key), so browsers keep no copy: on a
    // shared school computer the next person must not read them back from the cache.
    if (!this.hasHeader('cache-control')) this.header('cache-control', 'no-store')
    return this.type('text/html; charset=utf-8').send(html)
  })
}
