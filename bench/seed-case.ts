// Seeds the national dataset into an empty database, in its own process for bench/run.ts:
//   node --import tsx bench/seed-case.ts DATABASE_URL STUDENTS SCHOOLS
// Prints one line of JSON: the seconds taken, the rows written and the schools with their
// local authorities, which the list, dashboard and index cases read back.
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'

import { openDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { seedNationalData } from './national-data.js'

const [url, studentsArg, schoolsArg] = process.argv.slice(2)
if (!url || !studentsArg || !schoolsArg) {
  throw new Error('Usage: seed-case.ts DATABASE_URL STUDENTS SCHOOLS')
}

const COUNTED_TABLES = [
  'students',
  'career_plans',
  'plan_aspirations',
  'plan_goals',
  'plan_targets',
  'plan_actions',
  'plan_reviews',
  'careers_activities',
  'careers_activity_students',
  'destination_spells',
] as const

const database = openDatabase(url)
await migrateToLatest(database.db)
const started = performance.now()
const seeded = await seedNationalData(database, {
  students: Number(studentsArg),
  schools: Number(schoolsArg),
  seed: 2026,
})
const seconds = (performance.now() - started) / 1000

let rows = 0
for (const table of COUNTED_TABLES) {
  const { count } = await database.db
    .selectFrom(table)
    .select(sql<number | string>`count(*)`.as('count'))
    .executeTakeFirstOrThrow()
  rows += Number(count)
}
await database.close()

console.log(
  JSON.stringify({
    seconds,
    rows,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    organisationIds: seeded.organisationIds,
    schools: seeded.schools,
  }),
)
