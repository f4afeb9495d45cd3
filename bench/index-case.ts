// The effect of each index on the hot queries, in its own process for bench/run.ts:
//   node --import tsx bench/index-case.ts DATABASE_URL ORGANISATION_ID SCHOOL_ID
// For each index, runs the queries it serves with the index and again after dropping it, timing
// them (median of RUNS after a warm-up) and recording each query's plan: EXPLAIN QUERY PLAN on
// SQLite, EXPLAIN ANALYZE on PostgreSQL. The index is then created again from its stored
// definition. Prints one line of JSON.
import { performance } from 'node:perf_hooks'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely'
import pg from 'pg'

import type { Tables } from '../src/db/tables.js'
import { firstDayOf, lastDayOf } from '../src/domain/academic-year.js'
import {
  countBenchmarkCoverage,
  countCurrentStudents,
  listReportSchools,
  selectLeavers,
  selectLeaverSpells,
  selectLeavingDates,
} from '../src/features/reports/report.repository.js'
import { listStudents } from '../src/features/students/student.list.js'
import { loadWorkListData } from '../src/features/work-lists/work-lists.repository.js'

const RUNS = 3
const YEAR = 2025
const TODAY = '2026-12-04'

const [url, organisationArg, schoolArg] = process.argv.slice(2)
if (!url || !organisationArg || !schoolArg) {
  throw new Error('Usage: index-case.ts DATABASE_URL ORGANISATION_ID SCHOOL_ID')
}
const postgres = /^postgres(ql)?:\/\//i.test(url)

interface CapturedQuery {
  sql: string
  parameters: readonly unknown[]
}

/** Queries that Kysely ran while `capture` was set, in order. */
let capture: CapturedQuery[] | null = null
const log = (event: { level: string; query: CapturedQuery }) => {
  if (event.level === 'query' && capture) {
    capture.push({ sql: event.query.sql, parameters: event.query.parameters })
  }
}

const sqlite = postgres ? null : new BetterSqlite3(url.replace(/^sqlite:/i, ''))
const pool = postgres ? new pg.Pool({ connectionString: url, max: 1 }) : null
const db = sqlite
  ? new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }), log })
  : new Kysely<Tables>({ dialect: new PostgresDialect({ pool: pool! }), log })

const organisationId = Number(organisationArg)
const schoolId = Number(schoolArg)
const organisationSchools = (
  await db
    .selectFrom('schools')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .execute()
).map((row) => Number(row.id))

/** The hot queries, grouped by the page that runs them. */
const GROUPS: Record<string, () => Promise<unknown>> = {
  'students list, organisation, provision K by year group': () =>
    listStudents(db, organisationSchools, { provision: 'K', sort: 'ncYear', page: 3 }),
  'students list, one school, by name': () => listStudents(db, [schoolId], { page: 3 }),
  'students list, one school, group one': () => listStudents(db, [schoolId], { group: 'one' }),
  'students list, one school, year 10': () => listStudents(db, [schoolId], { ncYear: '10' }),
  'organisation dashboard queries': async () => {
    const from = firstDayOf(YEAR - 1)
    const to = lastDayOf(YEAR)
    await listReportSchools(db, organisationSchools)
    await selectLeavingDates(db, organisationSchools)
    await selectLeavers(db, organisationSchools, from, to)
    await selectLeaverSpells(db, organisationSchools, from, to)
    await countCurrentStudents(db, organisationSchools, TODAY)
    await countBenchmarkCoverage(db, organisationSchools, TODAY)
  },
  'organisation work lists': () => loadWorkListData(db, organisationSchools, 2026),
}

/** Each index and the groups whose queries it is there for. */
const INDEXES: Record<string, string[]> = {
  students_school_sort_name_idx: [
    'students list, one school, by name',
    'students list, organisation, provision K by year group',
  ],
  students_school_group_idx: ['students list, one school, group one'],
  students_school_nc_year_idx: ['students list, one school, year 10'],
  students_school_left_on_idx: ['organisation dashboard queries'],
  careers_activities_school_held_idx: ['organisation dashboard queries'],
  careers_activity_students_student_idx: ['organisation dashboard queries'],
  destination_spells_student_idx: ['organisation dashboard queries'],
  plan_reviews_next_idx: ['organisation work lists'],
  career_plans_school_idx: ['organisation work lists'],
  plan_targets_school_idx: ['organisation work lists'],
  destination_spells_school_idx: ['organisation work lists', 'organisation dashboard queries'],
}

interface Measured {
  ms: number
  queries: { sql: string; plan: string[] }[]
}

interface GroupResult {
  group: string
  withMs: number
  withoutMs: number
  queries: { sql: string; withPlan: string[]; withoutPlan: string[] }[]
}

const results: { index: string; definition: string; groups: GroupResult[] }[] = []
for (const [index, groups] of Object.entries(INDEXES)) {
  const definition = await indexDefinition(index)
  const measured: Measured[] = []
  for (const group of groups) measured.push(await measure(group))
  await sql`drop index ${sql.id(index)}`.execute(db)
  const without: Measured[] = []
  for (const group of groups) without.push(await measure(group))
  await sql.raw(definition).execute(db)

  results.push({
    index,
    definition,
    groups: groups.map((group, position) => ({
      group,
      withMs: measured[position]!.ms,
      withoutMs: without[position]!.ms,
      queries: measured[position]!.queries.map((query, queryIndex) => ({
        sql: query.sql,
        withPlan: query.plan,
        withoutPlan: without[position]!.queries[queryIndex]?.plan ?? [],
      })),
    })),
  })
  console.error(`${index}: measured`)
}
await db.destroy()
console.log(JSON.stringify({ results }))

async function indexDefinition(index: string): Promise<string> {
  const { rows } = postgres
    ? await sql<{ definition: string }>`select indexdef as definition from pg_indexes
        where indexname = ${index} and schemaname = current_schema()`.execute(db)
    : await sql<{ definition: string }>`select sql as definition from sqlite_master
        where type = 'index' and name = ${index}`.execute(db)
  const definition = rows[0]?.definition
  if (!definition) throw new Error(`Index ${index} not found: run the migrations first`)
  return definition
}

/** Times one group (median of RUNS after a warm-up run) and records its queries' plans. */
async function measure(group: string): Promise<Measured> {
  const run = GROUPS[group]
  if (!run) throw new Error(`Unknown query group "${group}"`)
  capture = []
  await run()
  const queries = capture
  capture = null
  const times: number[] = []
  for (let index = 0; index < RUNS; index += 1) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const planned = []
  for (const query of queries) planned.push({ sql: query.sql, plan: await explain(query) })
  return { ms: times[Math.floor(times.length / 2)]!, queries: planned }
}

async function explain(query: CapturedQuery): Promise<string[]> {
  if (sqlite) {
    const rows = sqlite
      .prepare(`explain query plan ${query.sql}`)
      .all(...(query.parameters as unknown[])) as { id: number; parent: number; detail: string }[]
    const depth = new Map<number, number>([[0, 0]])
    return rows.map((row) => {
      const level = (depth.get(row.parent) ?? 0) + 1
      depth.set(row.id, level)
      return `${'  '.repeat(level - 1)}${row.detail}`
    })
  }
  const { rows } = await pool!.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, costs off, timing on) ${query.sql}`,
    query.parameters as unknown[],
  )
  return rows.map((row) => row['QUERY PLAN'])
}
