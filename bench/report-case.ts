// One report benchmark case, run in its own process by bench/run.ts:
//   node --import tsx bench/report-case.ts school|organisation SCHOOLS STUDENTS_PER_SCHOOL DATABASE_URL
//   node --import tsx bench/report-case.ts seeded ORGANISATION_ID - DATABASE_URL
// The first form seeds an empty database with bench/report-data.ts. The second reads a database
// that bench/seed-case.ts filled and reports on one of its organisations. Each then times the
// organisation or school dashboard page (a GET through the whole app with a signed-in careers
// leader), the report service alone and, in turns with them, the raw SQL queries the page's
// report needs, called straight through Kysely. Prints one line of JSON with the median of each.
// DATABASE_URL is `sqlite:PATH` or a PostgreSQL URL.
import { randomBytes } from 'node:crypto'
import { performance } from 'node:perf_hooks'

import { openDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { firstDayOf, lastDayOf } from '../src/domain/academic-year.js'
import {
  countBenchmarkCoverage,
  countCurrentStudents,
  listReportSchools,
  selectLeavers,
  selectLeaverSpells,
  selectLeavingDates,
} from '../src/features/reports/report.repository.js'
import { createServices } from '../src/services.js'
import { buildApp } from '../src/web/app.js'
import { createTestUser, sessionCookieFor, testConfig } from '../src/web/testing/test-app.js'
import { seedReportData } from './report-data.js'
import type { ReportData } from './report-data.js'

const RUNS = 7
const WARM_UP = 2
/** The leaving year the benchmark reports on (2025/26), and today in the seeded data's terms. */
const YEAR = 2025
const TODAY = '2026-12-04'

const [mode, firstArg, perSchoolArg, databaseUrl] = process.argv.slice(2)
if ((mode !== 'school' && mode !== 'organisation' && mode !== 'seeded') || !databaseUrl) {
  throw new Error(
    'Usage: report-case.ts school|organisation SCHOOLS STUDENTS_PER_SCHOOL DATABASE_URL, ' +
      'or report-case.ts seeded ORGANISATION_ID - DATABASE_URL',
  )
}
const scope = mode === 'school' ? 'school' : 'organisation'

const database = openDatabase(databaseUrl)
await migrateToLatest(database.db)
const seeded: ReportData =
  mode === 'seeded'
    ? await readOrganisation(Number(firstArg))
    : await seedReportData(database.db, {
        schools: Number(firstArg),
        studentsPerSchool: Number(perSchoolArg),
        organisation: scope === 'organisation' ? 'Bench local authority' : undefined,
        seed: 2026,
      })

async function readOrganisation(organisationId: number): Promise<ReportData> {
  const rows = await database.db
    .selectFrom('schools')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute()
  return { schoolIds: rows.map((row) => Number(row.id)), organisationId }
}

const services = createServices(database)
// Production settings, as a school runs it: templates compiled once and cached, errors hidden.
const config = {
  ...testConfig,
  nodeEnv: 'production' as const,
  cookieSecret: randomBytes(32).toString('hex'),
}
const app = await buildApp({ config, services, logger: false })
const firstSchool = seeded.schoolIds[0]
if (firstSchool === undefined) throw new Error('No school was seeded')
const user = await createTestUser(services, {
  role: 'careers_leader',
  schoolId: firstSchool,
  email: `bench-${randomBytes(6).toString('hex')}@example.com`,
})
if (seeded.organisationId !== null) {
  await services.accounts.grantRole(
    user.id,
    'careers_leader',
    { organisationId: seeded.organisationId },
    'bench',
  )
}
const cookie = await sessionCookieFor(services, user)
const url =
  scope === 'school'
    ? `/reports?school=${firstSchool}&year=2025/26`
    : `/reports/organisations/${seeded.organisationId}?year=2025/26`

async function loadPage(): Promise<void> {
  const response = await app.inject({ method: 'GET', url, headers: { cookie } })
  if (response.statusCode !== 200) {
    throw new Error(`The dashboard answered ${response.statusCode}: ${response.body.slice(0, 300)}`)
  }
}

// The queries behind one report: the school list, the leaving years, the leavers of two years
// with their spells, and today's students and their benchmark coverage.
async function runRawQueries(): Promise<void> {
  const ids = seeded.schoolIds
  const from = firstDayOf(YEAR - 1)
  const to = lastDayOf(YEAR)
  await listReportSchools(database.db, ids)
  await selectLeavingDates(database.db, ids)
  await selectLeavers(database.db, ids, from, to)
  await selectLeaverSpells(database.db, ids, from, to)
  await countCurrentStudents(database.db, ids, TODAY)
  await countBenchmarkCoverage(database.db, ids, TODAY)
}

// The report alone: the same queries and the rules over their rows, with no page drawn.
async function buildReport(): Promise<void> {
  await services.reports.cohortReport(
    { schoolIds: seeded.schoolIds },
    {
      schoolIds: seeded.schoolIds,
      year: YEAR,
      bySchool: scope === 'organisation',
      suppress: false,
    },
  )
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now()
  await run()
  return (performance.now() - start) / 1000
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

for (let index = 0; index < WARM_UP; index += 1) {
  await loadPage()
  await runRawQueries()
}
const pageTimes: number[] = []
const reportTimes: number[] = []
const rawTimes: number[] = []
// In turns, so a slow moment of the shared machine falls on both alike.
for (let index = 0; index < RUNS; index += 1) {
  pageTimes.push(await timed(loadPage))
  reportTimes.push(await timed(buildReport))
  rawTimes.push(await timed(runRawQueries))
}
const { count: students } = await database.db
  .selectFrom('students')
  .select((eb) => eb.fn.countAll<number | string>().as('count'))
  .where('school_id', 'in', seeded.schoolIds)
  .executeTakeFirstOrThrow()
await app.close()
await database.close()

console.log(
  JSON.stringify({
    scope,
    students: Number(students),
    pageSeconds: median(pageTimes),
    reportSeconds: median(reportTimes),
    rawSeconds: median(rawTimes),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
)
