// Renders docs/benchmarks.md from the figures bench/run.ts collects.
import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'

import type { BenchResults, Engine, LoadResult } from './results.js'

export const RESULTS_FILE = process.env.BENCH_RESULTS_FILE ?? 'docs/benchmarks.json'
/** The aim for each dashboard: the page within this multiple of its raw queries' time. */
const REPORT_AIM = 1.5
/** Pupils with SEN in England, rounded down, the national figure the scale cases aim at. */
const NATIONAL_STUDENTS = 1_700_000

/** The cases of a full run, as bench/run.ts defines them, to list what a partial run lacks. */
const FULL_GROWTH_SIZES = [1_000, 10_000, 100_000, 1_000_000]
const FULL_IMPORT_SIZES = [2_000, 25_000, 100_000]

const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' }

export function describeMachine(): string {
  const [oneMinuteLoad] = loadavg()
  return (
    `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB memory, ${process.platform} ${process.arch}, ` +
    `load average ${oneMinuteLoad?.toFixed(1)} when the run started`
  )
}

/** The highest median load the bench's own processes (app, autocannon, database) reach alone. */
const QUIET_MEDIAN_LOAD = 4

/**
 * Summarises the load readings, and returns whether other work shared the machine: figures merged
 * from bench processes run side by side, or a median load above QUIET_MEDIAN_LOAD.
 */
function machineLoad(results: BenchResults): { shared: boolean; summary: string | null } {
  const samples = [...(results.load?.samples ?? [])].sort((a, b) => a - b)
  const median = samples[Math.floor(samples.length / 2)]
  const shared = (results.concurrentRuns ?? 1) > 1 || (median ?? 0) > QUIET_MEDIAN_LOAD
  if (median === undefined) return { shared: true, summary: null }
  return {
    shared,
    summary:
      `one-minute load average ${results.load!.when}: median ${median.toFixed(1)}, highest ` +
      `${samples.at(-1)!.toFixed(1)}, over ${samples.length} readings`,
  }
}

const count = (value: number) => Math.round(value).toLocaleString('en-GB')
const ms = (seconds: number) => (1000 * seconds).toFixed(0)

export function writeReport(results: BenchResults): void {
  const lines = [
    ...header(results),
    ...importSection(results),
    ...listSection(results),
    ...dashboardSection(results),
    ...growthSection(results),
    ...indexSection(results),
    ...scalingSection(results),
  ]
  writeFileSync('docs/benchmarks.md', `${lines.join('\n')}\n`)
  console.log('Wrote docs/benchmarks.md')
}

function header(results: BenchResults): string[] {
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts) from the figures in docs/benchmarks.json. Each figure',
    'stands beside its ceiling, measured in the same run on the same machine, because absolute',
    'times drift on a shared machine and the ratios drift less.',
    '',
    `- Date: ${results.date}`,
    `- Machine: ${results.machine}`,
    ...loadLines(results),
    ...(results.concurrentRuns && results.concurrentRuns > 1
      ? [
          `- ${results.concurrentRuns} bench processes ran at the same time (the SQLite growth cases, the`,
          '  PostgreSQL growth cases, and the import and dashboard cases), with BENCH_ENGINES,',
          '  BENCH_PARTS and BENCH_RESULTS_FILE, and their figures were merged with BENCH_MERGE.',
        ]
      : []),
    `- Node.js ${results.node}; SQLite through better-sqlite3, a file in WAL mode on the local disk`,
    results.postgresSkipped
      ? '- PostgreSQL: skipped, because neither BENCH_DATABASE_URL nor TEST_DATABASE_URL was set'
      : `- PostgreSQL ${results.postgresVersion} on the same machine (127.0.0.1), default settings`,
    '- Command: `TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench`. Each case',
    '  runs in its own process. BENCH_SIZES chooses the growth sizes for a quicker run.',
    ...gaps(results),
    '',
  ]
}

function loadLines(results: BenchResults): string[] {
  const { shared, summary } = machineLoad(results)
  const measured = summary ? [`- Load: ${summary}.`] : []
  if (shared) {
    return [
      ...measured,
      '- The figures were taken on a shared machine: other work ran on the same two cores, so',
      '  absolute times are slower and noisier than on a dedicated server.',
    ]
  }
  return [
    ...measured,
    '- Nothing else ran on the machine: the load is the bench itself, whose app, autocannon and',
    '  database processes share the two cores. A dedicated database server would do better.',
  ]
}

/** Lists the cases of a full run that these figures lack, so a partial run is not read as full. */
function gaps(results: BenchResults): string[] {
  const engines: Engine[] = results.postgresSkipped ? ['sqlite'] : ['sqlite', 'postgres']
  const missing: string[] = []
  for (const engine of engines) {
    const grown = new Set(
      results.growth.filter((row) => row.engine === engine).map((row) => row.students),
    )
    const sizes = FULL_GROWTH_SIZES.filter((size) => !grown.has(size)).map(count)
    if (sizes.length > 0)
      missing.push(`${ENGINE_NAMES[engine]} growth at ${sizes.join(', ')} students`)
    const indexed = results.indexes.find((entry) => entry.engine === engine)
    if (!indexed) missing.push(`${ENGINE_NAMES[engine]} index effects`)
    else if (indexed.students !== Math.max(...FULL_GROWTH_SIZES)) {
      missing.push(
        `${ENGINE_NAMES[engine]} index effects at 1,000,000 students (measured at ${count(indexed.students)})`,
      )
    }
    const imported = new Set(
      results.imports.filter((row) => row.engine === engine).map((row) => row.size),
    )
    const importSizes = FULL_IMPORT_SIZES.filter((size) => !imported.has(size)).map(count)
    if (importSizes.length > 0) {
      missing.push(`${ENGINE_NAMES[engine]} import throughput at ${importSizes.join(', ')} rows`)
    }
    if (!results.reports.some((row) => row.engine === engine)) {
      missing.push(`${ENGINE_NAMES[engine]} fixed dashboard cases`)
    }
  }
  if (missing.length === 0) return []
  return [
    '- **Not a full run.** These figures lack: ' + missing.join('; ') + '. Those cases did not',
    '  finish before the run was stopped, so their rows are absent below, not zero.',
  ]
}

function importSection(results: BenchResults): string[] {
  if (results.imports.length === 0) return []
  const rows = results.imports.flatMap(({ engine, size, full, raw }) => {
    const label = `| ${ENGINE_NAMES[engine]} | ${count(size)}`
    const fullRate = full.rows / full.seconds
    const rawRate = raw.rows / raw.seconds
    return [
      `${label} | whole import (parse, validate, group, preview, commit) | ${full.seconds.toFixed(2)} | ${fullRate.toFixed(0)} | ${full.maxRssMb.toFixed(0)} |`,
      `${label} | of which the preview (read, validate, stage, compare) | ${(full.previewSeconds ?? 0).toFixed(2)} | | |`,
      `${label} | of which the commit (groups, inserts, not-in-file marks) | ${(full.commitSeconds ?? 0).toFixed(2)} | | |`,
      `${label} | ceiling: raw inserts, one transaction | ${raw.seconds.toFixed(2)} | ${rawRate.toFixed(0)} | ${raw.maxRssMb.toFixed(0)} |`,
      `${label} | import speed as a share of the ceiling | | ${((100 * fullRate) / rawRate).toFixed(0)}% | |`,
    ]
  })
  return [
    '## Register import (census-style CSV generated by the demo generator)',
    '',
    'Each case runs 3 times, each time into a new empty database, and the median time is shown with',
    'the largest peak resident memory (maxRSS) of its runs.',
    '',
    '| engine | rows | case | seconds | rows per second | peak memory (MB) |',
    '|---|---:|---|---:|---:|---:|',
    ...rows,
    '',
    'The ceilings do no parsing, no validation and no preview. On SQLite the ceiling is better-sqlite3',
    'prepared inserts in one transaction. On PostgreSQL it is INSERT ... SELECT FROM unnest, with one',
    'array per column and 5,000 rows per statement, in one transaction. The import can approach its',
    'ceiling but not pass it.',
    '',
  ]
}

function loadCells(result: LoadResult): string {
  return `${result.requestsPerSecond.toFixed(0)} | ${result.p50Ms} | ${result.p99Ms}`
}

function listSection(results: BenchResults): string[] {
  if (results.growth.length === 0) return []
  const rows = results.growth.map(
    (row) =>
      `| ${ENGINE_NAMES[row.engine]} | ${count(row.students)} | ${count(row.organisationStudents)} | ` +
      `${loadCells(row.list.organisation)} | ${count(row.schoolStudents)} | ${loadCells(row.list.school)} | ` +
      `${loadCells(row.list.bare)} | ${errorsOf(row.list)} |`,
  )
  return [
    '## Students list under 50 concurrent connections',
    '',
    'The whole app runs with production settings on 127.0.0.1, and a separate autocannon process',
    'keeps 50 connections busy for 10 seconds on each URL in turn. The list is',
    '`/students?provision=K&sort=ncYear&direction=asc&page=3` for a careers leader of the first',
    'local authority: students with SEN support, sorted by year group, the third page of 50. It is',
    'loaded as the local authority sees it (all its schools) and as its largest school sees it',
    '(`&school=ID`). The ceiling is a bare Fastify route in the same process that returns a fixed',
    'HTML page of 98 bytes. Latencies are in milliseconds. autocannon counts a request that has no',
    'response after 10 s as an error, so the errors column counts timeouts as well as failures.',
    '',
    '| engine | students in database | students of the local authority | list rps | p50 | p99 | students of the school | school list rps | p50 | p99 | bare route rps | p50 | p99 | errors or non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ]
}

function errorsOf(list: BenchResults['growth'][number]['list']): number {
  return [list.bare, list.organisation, list.school].reduce(
    (sum, result) => sum + result.errors + result.non2xx,
    0,
  )
}

function dashboardSection(results: BenchResults): string[] {
  const fixed = results.reports.map(
    (row) =>
      `| ${ENGINE_NAMES[row.engine]} | ${row.scope === 'school' ? 'one school' : `local authority of ${row.schools} schools`} | ${count(row.students)} | ` +
      `${ms(row.pageSeconds)} | ${ms(row.reportSeconds)} | ${ms(row.rawSeconds)} | ${(row.pageSeconds / row.rawSeconds).toFixed(2)} |`,
  )
  const grown = results.growth.map(
    (row) =>
      `| ${ENGINE_NAMES[row.engine]} | local authority of ${row.organisationSchools} schools in a database of ${count(row.students)} | ${count(row.organisationStudents)} | ` +
      `${ms(row.dashboard.pageSeconds)} | ${ms(row.dashboard.reportSeconds)} | ${ms(row.dashboard.rawSeconds)} | ` +
      `${(row.dashboard.pageSeconds / row.dashboard.rawSeconds).toFixed(2)} |`,
  )
  if (fixed.length + grown.length === 0) return []
  return [
    '## Cohort report dashboards',
    '',
    'The page is a GET of the dashboard for 2025/26 through the whole app (session, permissions,',
    'queries, rules, suppression, charts and template) by a signed-in careers leader. Its ceiling is',
    'the same SQL queries run straight through Kysely, in turns with the page in the same process.',
    'Each figure is the median of 7 runs after 2 warm-up runs. The first rows use synthetic schools',
    'of 2,000 students each (bench/report-data.ts); the rest use the growth datasets below.',
    '',
    '| engine | dashboard | students in scope | page (ms) | report service (ms) | raw queries (ms) | page ÷ queries |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...fixed,
    ...grown,
    '',
    `- The aim is the page within ${REPORT_AIM} times its raw queries. The rest of the page time is`,
    '  mostly the dozen or so charts, drawn by Observable Plot on linkedom, whose cost does not grow',
    '  with the number of students. A dashboard whose queries take a few milliseconds therefore',
    '  stays above the aim, and one whose queries dominate comes within it.',
    '',
  ]
}

function growthSection(results: BenchResults): string[] {
  if (results.growth.length === 0) return []
  const rows = results.growth.map(
    (row) =>
      `| ${ENGINE_NAMES[row.engine]} | ${count(row.students)} | ${count(row.schools)} | ${count(row.seedRows)} | ` +
      `${row.seedSeconds.toFixed(1)} | ${count(row.seedRows / row.seedSeconds)} | ` +
      `${row.list.organisation.requestsPerSecond.toFixed(0)} | ${ms(row.dashboard.rawSeconds)} | ` +
      `${ms(row.dashboard.pageSeconds)} | ${row.importFull.seconds.toFixed(2)} | ${row.importRaw.seconds.toFixed(2)} |`,
  )
  const notes = (['sqlite', 'postgres'] as const).flatMap((engine) => growthNote(results, engine))
  return [
    '## Growth from 1,000 to 1,000,000 students',
    '',
    'bench/national-data.ts generates each dataset with the same code. Students are spread over 250',
    'times fewer schools (1,000,000 students in 4,000 schools), with sizes spread log-normally. One',
    'school in ten is a special school of half the usual size, and local authorities have about 27',
    'schools. About 60% of students have a plan with an aspiration, two goals, two target outcomes,',
    'two actions and a review. Each school has 12 careers activities, and about 16% of students left',
    'in the last two years, most with a destination. bench/seed-case.ts loads it in transactions of about 20,000',
    'students, with foreign keys checked once at the end, and then runs ANALYZE.',
    '',
    'The list and dashboard are those of the first local authority, so their scope grows with the',
    'database only until it holds more than one local authority (from 100,000 students). The import',
    'is a 2,000-row register for a new school, into the full database, 3 runs, median.',
    '',
    '| engine | students | schools | rows loaded | load (s) | rows per second | list rps | dashboard queries (ms) | dashboard page (ms) | import of 2,000 rows (s) | its raw-insert ceiling (s) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    ...notes,
    '',
  ]
}

function growthNote(results: BenchResults, engine: Engine): string[] {
  const rows = results.growth.filter((row) => row.engine === engine)
  const first = rows[0]
  const last = rows.at(-1)
  if (!first || !last || first === last) return []
  const factor = last.students / first.students
  const bareChange = last.list.bare.requestsPerSecond / first.list.bare.requestsPerSecond
  return [
    `- ${ENGINE_NAMES[engine]}, from ${count(first.students)} to ${count(last.students)} students (${count(factor)} times as many):`,
    `  the load took ${(last.seedSeconds / first.seedSeconds).toFixed(0)} times as long. The local authority's list served`,
    `  ${(last.list.organisation.requestsPerSecond / first.list.organisation.requestsPerSecond).toFixed(2)} times the requests per second for`,
    `  ${(last.organisationStudents / first.organisationStudents).toFixed(1)} times the students in scope. Its dashboard queries took`,
    `  ${(last.dashboard.rawSeconds / first.dashboard.rawSeconds).toFixed(2)} times as long, and the 2,000-row import took`,
    `  ${(last.importFull.seconds / first.importFull.seconds).toFixed(2)} times as long. The bare route, measured beside the list,`,
    `  served ${bareChange.toFixed(2)} times as many requests per second at the larger size${
      Math.abs(bareChange - 1) > 0.25
        ? ". The machine's load changed between sizes by about that factor, so these ratios mix growth with load."
        : ', so the machine gave both sizes about the same capacity.'
    }`,
  ]
}

function indexSection(results: BenchResults): string[] {
  if (results.indexes.length === 0) return []
  const lines = [
    '## What each index is for',
    '',
    ...(machineLoad(results).shared
      ? [
          'Other work shared the machine during this run, so differences of less than about 1.5',
          'times between the with and without columns are noise, and some rows may show the query',
          'faster without its index. The plans below do not depend on load.',
          '',
        ]
      : []),
    'bench/index-case.ts runs, on the largest growth dataset (its size is in the table), the queries each index serves, then',
    'drops the index, runs them again and creates it again from its stored definition. Times are',
    'the median of 3 runs after a warm-up, for the whole group of queries. The last three indexes',
    'come from migration 2026120510_scale_indexes.',
    '',
    '| engine | students | index | queries | with (ms) | without (ms) | without ÷ with |',
    '|---|---:|---|---|---:|---:|---:|',
  ]
  for (const { engine, students, results: indexes } of results.indexes) {
    for (const { index, groups } of indexes) {
      for (const group of groups) {
        lines.push(
          `| ${ENGINE_NAMES[engine]} | ${count(students)} | ${index} | ${group.group} | ${group.withMs.toFixed(1)} | ` +
            `${group.withoutMs.toFixed(1)} | ${(group.withoutMs / group.withMs).toFixed(1)} |`,
        )
      }
    }
  }
  lines.push(
    '',
    'Every index on students starts with school_id, so without any one of them another still',
    "narrows a query to one school's few hundred students. The second column then saves well under",
    'a millisecond, as the plans below show by their execution times. That is less than the spread',
    'between runs of the group timings, which include the rest of the list, so a ratio near or below 1',
    'in a one-school row is that spread, not an index that slows the query. The larger effects are',
    'in the organisation rows, over thousands of students.',
    '',
    '### Plans that justify each index',
    '',
    'For each index, the first query of its group whose plan uses it, with the plan beside the plan',
    'without it: EXPLAIN QUERY PLAN on SQLite, EXPLAIN (ANALYZE, COSTS OFF) on PostgreSQL, cut to',
    'the first 12 lines.',
    '',
  )
  for (const { engine, students, results: indexes } of results.indexes) {
    for (const { index, groups } of indexes) {
      const found = groups
        .flatMap((group) => group.queries.map((query) => ({ group: group.group, query })))
        .find(({ query }) => query.withPlan.some((line) => line.includes(index)))
      if (!found) {
        lines.push(
          `- ${ENGINE_NAMES[engine]}, ${count(students)} students, \`${index}\`: no plan of its queries used it.`,
          '',
        )
        continue
      }
      lines.push(
        `#### ${ENGINE_NAMES[engine]}: \`${index}\` (${found.group})`,
        '',
        '```sql',
        shorten(found.query.sql),
        '```',
        '',
        'With the index:',
        '',
        '```',
        ...found.query.withPlan.slice(0, 12),
        '```',
        '',
        'Without it:',
        '',
        '```',
        ...found.query.withoutPlan.slice(0, 12),
        '```',
        '',
      )
    }
  }
  return lines
}

function shorten(statement: string): string {
  const flat = statement.replace(/\s+/g, ' ').trim()
  return flat.length > 400 ? `${flat.slice(0, 400)} …` : flat
}

function scalingSection(results: BenchResults): string[] {
  const postgres = results.growth.filter((row) => row.engine === 'postgres')
  const largest = postgres.at(-1)
  if (!largest) {
    return [
      '## Where one PostgreSQL server stops being enough',
      '',
      'Not written: this run has no PostgreSQL figures.',
      '',
    ]
  }
  const listIndex = results.indexes
    .find((entry) => entry.engine === 'postgres')
    ?.results.find((entry) => entry.index === 'students_school_sort_name_idx')
  const listQueryMs = listIndex?.groups[1]?.withMs ?? listIndex?.groups[0]?.withMs ?? Number.NaN
  // The fixed 200,000-student case when it ran, else the largest growth dashboard.
  const orgReport =
    results.reports.find((row) => row.engine === 'postgres' && row.scope === 'organisation') ??
    largest.dashboard
  const perStudentMs = orgReport ? (1000 * orgReport.rawSeconds) / orgReport.students : Number.NaN
  const nationalReportSeconds = (perStudentMs * NATIONAL_STUDENTS) / 1000
  const bulkImport = results.imports.filter((row) => row.engine === 'postgres').at(-1)
  const importRate = bulkImport ? bulkImport.full.rows / bulkImport.full.seconds : Number.NaN
  const scans = results.indexes
    .find((entry) => entry.engine === 'postgres')
    ?.results.find((entry) => entry.index === 'plan_targets_school_idx')?.groups[0]

  const { shared } = machineLoad(results)

  return [
    '## Where one PostgreSQL server stops being enough',
    '',
    `These are estimates drawn from the figures above, on ${shared ? 'this shared' : 'one'} two-core machine; a`,
    'dedicated database server would move every threshold, but the order in which the limits come',
    'follows from the ratios.',
    '',
    `- **What one server holds.** The app and PostgreSQL ran on these two cores. The page staff`,
    `  open most, the students list, ran at ${count(largest.list.organisation.requestsPerSecond)} requests per second as a local authority sees it,`,
    `  and at ${count(largest.list.school.requestsPerSecond)} as a school sees it. A member of staff at work opens a page every 10 seconds or`,
    `  so, so one such machine serves roughly ${count(Math.round(largest.list.organisation.requestsPerSecond / 10) * 100)} people working at the same moment. A`,
    `  local authority's dashboard costs more (${ms(largest.dashboard.pageSeconds)} ms a page) but is opened far less often. That is`,
    '  more than the staff of a local authority, so each step below is for a bigger service.',
    `- **The students list.** At ${count(largest.students)} students, the local authority's list (count`,
    `  and page, ${listQueryMs.toFixed(0)} ms of SQL in the index case) served`,
    `  ${largest.list.organisation.requestsPerSecond.toFixed(0)} requests per second with p99`,
    `  ${largest.list.organisation.p99Ms} ms, against ${count(largest.list.bare.requestsPerSecond)} for the bare route.`,
    shared
      ? '  autocannon, the app, PostgreSQL and other work shared two cores, so most of that latency is' +
        '\n  waiting for a core, and requests over 10 s count as errors (timeouts). The list queries are'
      : '  autocannon, the app and PostgreSQL shared two cores, so with 50 connections waiting most of' +
        '\n  that latency is queueing for a core. The list queries are',
    '  scoped by school, so their cost follows the students of the local authority, not the size of',
    '  the database. A single server holds the list load while the SQL time per request times the',
    '  request rate stays under its cores. App processes keep no state (sessions are in the',
    '  database), so more of them behind a load balancer raise the page rate first.',
    `- **Reports.** The PostgreSQL dashboard queries for ${orgReport ? count(orgReport.students) : 'n/a'} students took`,
    `  ${orgReport ? ms(orgReport.rawSeconds) : 'n/a'} ms, about ${perStudentMs.toFixed(4)} ms a student. A national or`,
    `  regional report over ${count(NATIONAL_STUDENTS)} students would read for about ${nationalReportSeconds.toFixed(1)} s`,
    '  (an estimate: linear growth assumed), holding a connection and a core for that long while',
    '  staff edit plans. That is the first reason to add a streaming read replica and send the',
    '  report queries to it: reports read data that may be seconds old without harm, and writes',
    '  stay on the primary.',
    `- **Connections.** Each app process opens a node-postgres pool of up to 10 connections, and`,
    '  PostgreSQL 15 allows 100 by default, so about nine app processes fill the server. A',
    '  transaction-mode pooler such as PgBouncer in front of PostgreSQL lets many app processes',
    '  share a few dozen server connections. The app keeps no session state on a connection, which',
    '  this needs.',
    `- **Imports.** The whole import ran at about ${count(importRate)} rows per second on PostgreSQL, so all`,
    `  ${count(NATIONAL_STUDENTS)} register rows of a census season would take about`,
    `  ${(NATIONAL_STUDENTS / importRate / 60).toFixed(0)} minutes of import time in total (an estimate), spread over`,
    '  weeks and schools. Writes are not what outgrows one server.',
    `- **Table size.** Without plan_targets_school_idx, the work lists took`,
    `  ${scans ? scans.withoutMs.toFixed(0) : 'n/a'} ms instead of ${scans ? scans.withMs.toFixed(0) : 'n/a'} ms at ${count(largest.students)} students.`,
    scans && scans.withoutMs > 1.5 * scans.withMs
      ? '  The plan without it reads the whole table.'
      : '  That difference is small enough to be noise, and the plans above, which do not depend on' +
        ' load, are the evidence: without the index the query reads the whole table.',
    '  Every query names its schools, so partitioning the large',
    '  tables by organisation (list partitions of school_id ranges, or a hash of the organisation)',
    '  keeps each query and each VACUUM within one local authority. It pays once the tables and',
    '  their indexes no longer fit in memory (24 GiB here), which this run did not reach; until then',
    '  the indexes keep the hot queries within one local authority.',
    '',
    'So the order is: more app processes first, then a pooler, then a read replica for reports,',
    'and partitioning by organisation last.',
    '',
  ]
}
