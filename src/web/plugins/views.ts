import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { FastifyInstance, FastifyReply } from 'fastify'
import nunjucks from 'nunjucks'

import { navigationItems, radioItems, selectItems } from '../view-helpers.js'

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
  return environment
}

export function registerViews(app: FastifyInstance, development: boolean) {
  const environment = createViewEnvironment(development)

  app.decorateReply('view', function (this: FastifyReply, template, context = {}) {
    const html = environment.render(template, {
      csrfToken: this.generateCsrf(),
      currentPath: this.request.url.split('?')[0],
      ...context,
    })
    return this.type('text/html; charset=utf-8').send(html)
  })
}
