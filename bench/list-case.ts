// The students list under load, in its own process for bench/run.ts:
//   node --import tsx bench/list-case.ts DATABASE_URL ORGANISATION_ID SCHOOL_ID SECONDS
// Serves the whole app on 127.0.0.1 with production settings and a signed-in careers leader of
// the organisation, and beside it a bare Fastify route that returns a small fixed HTML page. An
// autocannon process with 50 connections loads each in turn: the bare route, the list as the
// organisation sees it, and the list as one of its schools sees it. Prints one line of JSON.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import Fastify from 'fastify'

import { openDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { createServices } from '../src/services.js'
import { buildApp } from '../src/web/app.js'
import type { LoadResult } from './results.js'
import { createTestUser, sessionCookieFor, testConfig } from '../src/web/testing/test-app.js'

const CONNECTIONS = 50
/**
 * A filtered, sorted and paginated list: students with SEN support (provision K), sorted by year
 * group, third page. Its count and its page both read every matching student in scope.
 */
const LIST_QUERY = 'provision=K&sort=ncYear&direction=asc&page=3'
const BARE_PAGE =
  '<!DOCTYPE html><html lang="en"><head><title>Bench</title></head><body><p>Bench</p></body></html>'

const [url, organisationArg, schoolArg, secondsArg] = process.argv.slice(2)
if (!url || !organisationArg || !schoolArg || !secondsArg) {
  throw new Error('Usage: list-case.ts DATABASE_URL ORGANISATION_ID SCHOOL_ID SECONDS')
}
const organisationId = Number(organisationArg)
const schoolId = Number(schoolArg)

const database = openDatabase(url)
await migrateToLatest(database.db)
const services = createServices(database)
const config = {
  ...testConfig,
  nodeEnv: 'production' as const,
  cookieSecret: randomBytes(32).toString('hex'),
  // The limit protects a real server from one client; here one client is the whole test.
  rateLimitPerMinute: 100_000_000,
}
const app = await buildApp({ config, services, logger: false })
const user = await createTestUser(services, {
  role: 'careers_leader',
  schoolId,
  email: `bench-${randomBytes(6).toString('hex')}@example.com`,
})
await services.accounts.grantRole(user.id, 'careers_leader', { organisationId }, 'bench')
const cookie = await sessionCookieFor(services, user)
const appAddress = await app.listen({ host: '127.0.0.1', port: 0 })

const bare = Fastify({ logger: false })
bare.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(BARE_PAGE))
const bareAddress = await bare.listen({ host: '127.0.0.1', port: 0 })

const organisationUrl = `${appAddress}/students?${LIST_QUERY}`
const schoolUrl = `${appAddress}/students?${LIST_QUERY}&school=${schoolId}`
for (const target of [organisationUrl, schoolUrl]) {
  const response = await app.inject({
    method: 'GET',
    url: target.slice(appAddress.length),
    headers: { cookie },
  })
  if (response.statusCode !== 200) {
    throw new Error(
      `The students list returned ${response.statusCode}: ${response.body.slice(0, 300)}`,
    )
  }
}

const bareResult = await load(`${bareAddress}/`, null)
const organisationResult = await load(organisationUrl, cookie)
const schoolResult = await load(schoolUrl, cookie)

await bare.close()
await app.close()
await database.close()
console.log(
  JSON.stringify({
    bare: bareResult,
    organisation: organisationResult,
    school: schoolResult,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
)

/** Runs autocannon in a child process, so the load it makes does not share this event loop. */
async function load(target: string, sessionCookie: string | null): Promise<LoadResult> {
  const require = createRequire(import.meta.url)
  const autocannon = require.resolve('autocannon/autocannon.js')
  const args = [autocannon, '--json', '-c', String(CONNECTIONS), '-d', secondsArg!]
  if (sessionCookie) args.push('-H', `cookie=${sessionCookie}`)
  args.push(target)
  const { stdout } = await promisify(execFile)(process.execPath, args, {
    maxBuffer: 16 * 1024 * 1024,
  })
  const report = JSON.parse(stdout) as {
    requests: { average: number }
    latency: { p50: number; p99: number }
    errors: number
    non2xx: number
  }
  return {
    requestsPerSecond: report.requests.average,
    p50Ms: report.latency.p50,
    p99Ms: report.latency.p99,
    errors: report.errors,
    non2xx: report.non2xx,
  }
}
