import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

import type {
  FastifyBaseLogger,
  FastifyInstance,
  InjectOptions,
  LightMyRequestResponse,
} from 'fastify'

import type { Database } from '../../db/connection.js'
import { openTestDatabase } from '../../db/test-database.js'
import { MFA_REQUIRED_ROLES } from '../../features/accounts/permissions.js'
import type { Role } from '../../features/accounts/permissions.js'
import { currentTotpCode } from '../../features/accounts/totp.js'
import { createServices } from '../../services.js'
import type { Services } from '../../services.js'
import { buildApp } from '../app.js'
import type { AppConfig } from '../app.js'
import { SESSION_COOKIE } from '../plugins/session.js'

export interface TestApp {
  /** The app. Its inject() sends the test user's session cookie unless the request has its own. */
  app: FastifyInstance
  database: Database
  services: Services
  /** The school the test user holds a role at. */
  schoolId: number
  /** The signed-in test user, or null for an app built with `as: null`. */
  user: TestUser | null
  close(): Promise<void>
}

export interface TestUser {
  id: number
  email: string
  password: string
  role: Role
  /** The TOTP secret, for roles that must use a second factor. */
  totpSecret: string | null
}

export interface TestAppOptions {
  /** The role of the signed-in test user at the test school, or null for no one signed in. */
  as?: Role | null
  schoolName?: string
}

export const TEST_PASSWORD = 'amber pillow lantern meadow'

/** Creates a user with a password, a role at a school and, when the role needs one, a second factor. */
export async function createTestUser(
  services: Services,
  input: { role: Role; schoolId: number; email?: string; mfa?: boolean },
): Promise<TestUser> {
  const email = input.email ?? `${input.role.replace('_', '-')}@school.test`
  const { account } = await services.accounts.createUser(
    { email, displayName: `Test ${input.role}`, role: input.role },
    { schoolId: input.schoolId },
    'test setup',
  )
  await services.accounts.setPassword(account.id, TEST_PASSWORD, 'test setup')
  let totpSecret: string | null = null
  if (input.mfa ?? MFA_REQUIRED_ROLES.includes(input.role)) {
    totpSecret = await services.accounts.startMfaEnrolment(account.id)
    // An earlier step than now, so a code a test enters next is a later step and is accepted.
    const codes = await services.accounts.confirmMfaEnrolment(
      account.id,
      currentTotpCode(totpSecret, Date.now() - 30_000),
    )
    if (!codes) throw new Error('The test user’s second factor was not accepted')
  }
  return { id: account.id, email, password: TEST_PASSWORD, role: input.role, totpSecret }
}

/** Starts a fully signed-in session for the user and returns its cookie header. */
export async function sessionCookieFor(services: Services, user: TestUser): Promise<string> {
  const token = await services.accounts.createSession(user.id, true)
  return `${SESSION_COOKIE}=${token}`
}

/** Makes app.inject send a session cookie with every request that does not carry one already. */
function injectWithSession(app: FastifyInstance, cookie: string) {
  const inject = app.inject.bind(app)
  const withSession = (options: InjectOptions | string) => {
    const request: InjectOptions = typeof options === 'string' ? { url: options } : options
    const headers: Record<string, string> = { ...(request.headers as Record<string, string>) }
    if (!String(headers.cookie ?? '').includes(`${SESSION_COOKIE}=`)) {
      headers.cookie = headers.cookie ? `${headers.cookie}; ${cookie}` : cookie
    }
    return inject({ ...request, headers })
  }
  app.inject = withSession as FastifyInstance['inject']
}

export const testConfig: AppConfig = {
  nodeEnv: 'test',
  cookieSecret: 'test-cookie-secret-that-is-long-enough',
  maxUploadBytes: 1024 * 1024,
}

/**
 * Builds the app on a fresh, migrated database of the test engine (a SQLite file, or a PostgreSQL
 * schema in the PostgreSQL pass) that close() deletes, with one school and a
 * signed-in user (an admin unless `as` says otherwise) whose session every inject() carries.
 */
export async function buildTestApp(
  config: Partial<AppConfig> = {},
  logger: FastifyBaseLogger | false = false,
  options: TestAppOptions = {},
): Promise<TestApp> {
  const database = await openTestDatabase()
  const services = createServices(database)
  const app = await buildApp({ config: { ...testConfig, ...config }, services, logger })
  const school = await services.students.findOrCreateSchool(options.schoolName ?? 'Oak Hill School')
  const role = options.as === undefined ? 'admin' : options.as
  const user = role ? await createTestUser(services, { role, schoolId: school.id }) : null
  if (user) injectWithSession(app, await sessionCookieFor(services, user))

  async function close() {
    await app.close()
    await database.close()
  }
  const test = { app, database, services, schoolId: school.id, user, close }
  testApps.set(app, test)
  return test
}

const testApps = new WeakMap<FastifyInstance, TestApp>()

/** Finds or creates a school and gives the test user their role there. Returns its id. */
export async function addTestSchool(test: TestApp, name: string): Promise<number> {
  const school = await test.services.students.findOrCreateSchool(name)
  if (test.user) {
    await test.services.accounts.grantRole(
      test.user.id,
      test.user.role,
      { schoolId: school.id },
      'test setup',
    )
  }
  return school.id
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
  // A school named in the fields is set up first, with the test user's role, as an admin would.
  const { schoolName, ...rest } = fields
  const test = testApps.get(app)
  if (schoolName && test) rest.school = String(await addTestSchool(test, schoolName))
  const { token, cookie } = await formSession(app, '/import')
  const body = multipartBody({ _csrf: token, ...rest }, file)
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

/** Counts the audit events of one action about one student, to check a page recorded its view. */
export async function countAuditEvents(
  test: TestApp,
  action: string,
  studentId: number,
): Promise<number> {
  const rows = await test.database.db
    .selectFrom('audit_events')
    .select('id')
    .where('action', '=', action)
    .where('student_id', '=', studentId)
    .execute()
  return rows.length
}
