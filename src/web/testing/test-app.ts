import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { FastifyBaseLogger, FastifyInstance, LightMyRequestResponse } from 'fastify'

import { openDatabase } from '../../db/connection.js'
import type { Database } from '../../db/connection.js'
import { migrateToLatest } from '../../db/migrate.js'
import { createServices } from '../../services.js'
import { buildApp } from '../app.js'
import type { AppConfig } from '../app.js'

export interface TestApp {
  app: FastifyInstance
  database: Database
  close(): Promise<void>
}

export const testConfig: AppConfig = {
  nodeEnv: 'test',
  cookieSecret: 'test-cookie-secret-that-is-long-enough',
  maxUploadBytes: 1024 * 1024,
}

/** Builds the app on a fresh, migrated SQLite file that close() deletes. */
export async function buildTestApp(
  config: Partial<AppConfig> = {},
  logger: FastifyBaseLogger | false = false,
): Promise<TestApp> {
  const folder = await mkdtemp(join(tmpdir(), 'send-careers-web-'))
  const database = openDatabase(`sqlite:${join(folder, 'test.db')}`)
  await migrateToLatest(database.db)

  const services = createServices(database)
  const app = await buildApp({ config: { ...testConfig, ...config }, services, logger })

  async function close() {
    await app.close()
    await database.close()
    await rm(folder, { recursive: true, force: true })
  }
  return { app, database, close }
}

/** Reads the hidden CSRF field of the first form in a page. */
export function csrfTokenFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!match?.[1]) throw new Error('The page has no form with a _csrf field')
  return match[1]
}

/** Turns a response's Set-Cookie headers into a Cookie header for the next request. */
export function cookieHeaderFrom(response: LightMyRequestResponse): string {
  return response.cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ')
}

/** Loads a page and returns what a later POST from its form needs. */
export async function formSession(app: FastifyInstance, url: string) {
  const page = await app.inject({ method: 'GET', url })
  return { token: csrfTokenFrom(page.body), cookie: cookieHeaderFrom(page), page }
}

/** Encodes form fields and one file as a multipart/form-data body for app.inject. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; content: Buffer },
) {
  const boundary = '----send-careers-test-boundary'
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    )
  }
  if (file) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`
    parts.push(Buffer.from(head), file.content, Buffer.from('\r\n'))
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** Uploads a register through the import form and returns the preview page's address. */
export async function uploadRegister(
  app: FastifyInstance,
  file: { name: string; content: Buffer },
  fields: Record<string, string> = {},
) {
  const { token, cookie } = await formSession(app, '/import')
  const body = multipartBody({ _csrf: token, ...fields }, file)
  return app.inject({
    method: 'POST',
    url: '/import',
    headers: { cookie, 'content-type': body.contentType },
    payload: body.payload,
  })
}

/** Imports a fixture from test/fixtures through the upload and confirm forms. */
export async function importFixture(
  app: FastifyInstance,
  fileName: string,
  schoolName = 'Oak Hill School',
) {
  const content = await readFile(join('test', 'fixtures', fileName))
  const upload = await uploadRegister(app, { name: fileName, content }, { schoolName })
  const previewUrl = String(upload.headers.location)
  const { token, cookie } = await formSession(app, previewUrl)
  return app.inject({
    method: 'POST',
    url: previewUrl,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${encodeURIComponent(token)}`,
  })
}

/** Posts a urlencoded form with the token and cookie of the page that shows it. */
export async function postForm(
  app: FastifyInstance,
  pageUrl: string,
  action: string,
  fields: Record<string, string>,
) {
  const { token, cookie } = await formSession(app, pageUrl)
  return app.inject({
    method: 'POST',
    url: action,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, ...fields }).toString(),
  })
}
