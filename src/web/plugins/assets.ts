import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

import { cssOutput, ensureCss } from '../css.js'

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets')
const govukDir = join(
  assetsDir,
  '..',
  '..',
  '..',
  'node_modules',
  'govuk-frontend',
  'dist',
  'govuk',
)

/**
 * Serves the stylesheet and scripts under /static/ and govuk-frontend's images under /assets/.
 * Builds the stylesheet first when it is missing or out of date.
 */
export async function registerAssets(app: FastifyInstance, production: boolean) {
  await ensureCss()
  const maxAge = production ? '1d' : 0

  await app.register(fastifyStatic, {
    root: [dirname(cssOutput), join(assetsDir, 'js'), join(assetsDir, 'images')],
    prefix: '/static/',
    maxAge,
  })
  await app.register(fastifyStatic, {
    root: join(govukDir, 'assets', 'images'),
    prefix: '/assets/images/',
    decorateReply: false,
    maxAge,
  })

  app.get('/static/govuk-frontend.min.js', (_request, reply) => {
    return reply.sendFile('govuk-frontend.min.js', govukDir, { maxAge })
  })
}
