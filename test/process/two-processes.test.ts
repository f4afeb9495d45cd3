import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from 'node:test'
import type { TestContext } from 'node:test'

import { openDatabase } from '../../src/db/connection.js'
import type { DialectName } from '../../src/db/connection.js'
import { migrateDown, migrateToLatest } from '../../src/db/migrate.js'
import {
  createTestDatabaseUrl,
  postgresSkippedHere,
  testEngines,
} from '../../src/db/test-database.js'
import { currentTotpCode } from '../../src/features/accounts/totp.js'
import { createServices } from '../../src/services.js'
import { createTestUser, csrfTokenFrom } from '../../src/web/testing/test-app.js'
import type { TestUser } from '../../src/web/testing/test-app.js'
import { CookieJar, request } from './http-client.js'
import { startServerProcess } from './server-process.js'
import type { ServerProcess } from './server-process.js'

// Two web processes on one database, as behind a load balancer: a session, a CSRF token, an
// import preview and the sign-in limit made on one process must hold on the other.

/** The sign-in route's limit: posts from one client address in a minute. */
const SIGN_IN_POSTS_PER_MINUTE = 10
const START_TIMEOUT_MS = 90_000

interface Seeded {
  schoolId: number
  user: TestUser & { totpSecret: string }
}

/**
 * Migrates the database, then reverts the latest migration, so that both processes find one
 * to apply when they start. Adds a school and an admin with a password and a second factor.
 */
async function seed(databaseUrl: string): Promise<Seeded> {
  const database = openDatabase(databaseUrl)
  try {
    await migrateToLatest(database.db)
    const services = createServices(database)
    const school = await services.students.findOrCreateSchool('Oak Hill School')
    const user = await createTestUser(services, { role: 'admin', schoolId: school.id, mfa: true })
    if (!user.totpSecret) throw new Error('The seeded admin has no second factor')
    await migrateDown(database.db)
    return { schoolId: school.id, user: { ...user, totpSecret: user.totpSecret } }
  } finally {
    await database.close()
  }
}

async function startTwo(databaseUrl: string): Promise<[ServerProcess, ServerProcess]> {
  // TRUST_PROXY lets the sign-in limit test give each attempt a client address of its own.
  const options = { databaseUrl, env: { TRUST_PROXY: 'true' }, startTimeoutMs: START_TIMEOUT_MS }
  const started = await Promise.allSettled([
    startServerProcess(options),
    startServerProcess(options),
  ])
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))
  const failure = started.find((result) => result.status === 'rejected')
  if (failure) {
    await Promise.all(servers.map((server) => server.stop()))
    throw failure.reason
  }
  return [servers[0] as ServerProcess, servers[1] as ServerProcess]
}

/** Signs in with the password and then the code, both on `server`. */
async function signIn(jar: CookieJar, server: ServerProcess, user: Seeded['user']) {
  const page = await request(jar, 'GET', `${server.baseUrl}/sign-in`)
  const password = await request(jar, 'POST', `${server.baseUrl}/sign-in`, {
    form: {
      _csrf: csrfTokenFrom(page.body),
      email: user.email,
      password: user.password,
      next: '/',
    },
  })
  assert.equal(password.status, 303, 'the password was not accepted')
  assert.match(password.location ?? '', /^\/sign-in\/second-factor/)

  const codePage = await request(jar, 'GET', `${server.baseUrl}${password.location}`)
  const code = await request(jar, 'POST', `${server.baseUrl}/sign-in/second-factor`, {
    form: {
      _csrf: csrfTokenFrom(codePage.body),
      code: currentTotpCode(user.totpSecret),
      next: '/',
    },
  })
  assert.equal(code.status, 303, 'the code was not accepted')
  assert.equal(code.location, '/')
}

/** Posts a wrong password from `clientAddress` and returns the status. */
async function failSignIn(server: ServerProcess, clientAddress: string): Promise<number> {
  const jar = new CookieJar()
  const headers = { 'x-forwarded-for': clientAddress }
  const page = await request(jar, 'GET', `${server.baseUrl}/sign-in`, { headers })
  const response = await request(jar, 'POST', `${server.baseUrl}/sign-in`, {
    headers,
    form: { _csrf: csrfTokenFrom(page.body), email: 'nobody@school.test', password: 'wrong' },
  })
  return response.status
}

async function runTwoProcesses(t: TestContext, engine: DialectName) {
  const database = await createTestDatabaseUrl(engine)
  let servers: ServerProcess[] = []
  try {
    const { schoolId, user } = await seed(database.url)
    servers = await startTwo(database.url)
    const [a, b] = servers as [ServerProcess, ServerProcess]
    const jar = new CookieJar()

    await t.test('sign-in on A holds on B', async () => {
      await signIn(jar, a, user)

      const home = await request(jar, 'GET', `${b.baseUrl}/`)
      const users = await request(jar, 'GET', `${b.baseUrl}/admin/users`)

      assert.equal(home.status, 200)
      assert.equal(users.status, 200)
      assert.ok(users.body.includes(user.email), 'the users page of B does not list the admin')
    })

    await t.test('form from A posts to B', async () => {
      const page = await request(jar, 'GET', `${a.baseUrl}/admin/users`)

      const response = await request(jar, 'POST', `${b.baseUrl}/admin/users`, {
        form: {
          _csrf: csrfTokenFrom(page.body),
          email: 'second@school.test',
          displayName: 'Second Person',
          role: 'staff',
          schoolId: String(schoolId),
        },
      })

      assert.equal(response.status, 200, response.body.slice(0, 2000))
      assert.match(response.body, /works once, for 72 hours/)
    })

    await t.test('upload on A, confirm on B', async () => {
      const fileName = 'census-style-register.csv'
      const content = await readFile(join('test', 'fixtures', fileName))
      const uploadPage = await request(jar, 'GET', `${a.baseUrl}/import`)
      const form = new FormData()
      form.append('_csrf', csrfTokenFrom(uploadPage.body))
      form.append('file', new Blob([content]), fileName)

      const upload = await request(jar, 'POST', `${a.baseUrl}/import`, { form })
      assert.equal(upload.status, 303, `the upload was not accepted: ${upload.body.slice(0, 500)}`)
      const previewPath = upload.location ?? ''
      assert.match(previewPath, /^\/import\/[^/]+$/)
      const preview = await request(jar, 'GET', `${b.baseUrl}${previewPath}`)
      const confirm = await request(jar, 'POST', `${b.baseUrl}${previewPath}`, {
        form: { _csrf: csrfTokenFrom(preview.body) },
      })
      const complete = await request(jar, 'GET', `${a.baseUrl}${confirm.location}`)

      assert.equal(preview.status, 200)
      assert.equal(confirm.status, 303)
      assert.match(confirm.location ?? '', /^\/import\/complete\/\d+$/)
      assert.equal(complete.status, 200)
    })

    await t.test('sign-out on B ends A', async () => {
      const signedIn = jar.copy()
      const page = await request(jar, 'GET', `${b.baseUrl}/`)

      const signOut = await request(jar, 'POST', `${b.baseUrl}/sign-out`, {
        form: { _csrf: csrfTokenFrom(page.body) },
      })
      const onA = await request(signedIn, 'GET', `${a.baseUrl}/admin/users`)

      assert.equal(signOut.status, 303)
      assert.match(onA.location ?? '', /^\/sign-in/)
      assert.ok(onA.status >= 300, `A answered ${onA.status}`)
      assert.ok(onA.status < 400, `A answered ${onA.status}`)
    })

    await t.test('sign-in limit counts A and B together', async () => {
      // An address from the documentation range, sent as X-Forwarded-For and never connected to.
      const clientAddress = '203.0.113.7'
      const statuses: number[] = []
      for (let attempt = 0; attempt < SIGN_IN_POSTS_PER_MINUTE; attempt += 1) {
        statuses.push(await failSignIn(attempt % 2 === 0 ? a : b, clientAddress))
      }

      const overOnA = await failSignIn(a, clientAddress)
      const overOnB = await failSignIn(b, clientAddress)

      assert.deepEqual(statuses, Array<number>(SIGN_IN_POSTS_PER_MINUTE).fill(400))
      assert.equal(overOnA, 429)
      assert.equal(overOnB, 429)
    })

    await t.test('no process logged an error', () => {
      for (const server of servers) {
        assert.doesNotMatch(server.output(), /"level":(50|60)/, server.output())
      }
    })
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
    await database.drop()
  }
}

if (postgresSkippedHere()) {
  const skip =
    'PostgreSQL skipped: set TEST_DATABASE_URL, for example ' +
    'postgres://postgres@127.0.0.1:5432/test, to run two processes on PostgreSQL too'
  test('two processes on one database (postgres)', { skip }, () => {})
}

for (const engine of testEngines()) {
  test(`two processes on one database (${engine})`, { timeout: 300_000 }, (t) =>
    runTwoProcesses(t, engine),
  )
}
