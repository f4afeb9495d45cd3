// `npm run bench`: times the register import, the dashboards, the students list under load and
// the effect of each index, on SQLite and on PostgreSQL, each figure beside its ceiling in the same
// run, and at national scale. Writes the figures to docs/benchmarks.json as each case ends and
// renders docs/benchmarks.md from them at the end.
//
// Environment:
//   BENCH_DATABASE_URL or TEST_DATABASE_URL  a PostgreSQL server; without one, only SQLite runs
//   BENCH_SIZES    students in each growth dataset, comma-separated (default 1000,10000,100000,1000000)
//   BENCH_PARTS    the parts to run, comma-separated: growth, import, report (default all three)
//   BENCH_ENGINES  the engines to run, comma-separated: sqlite, postgres (default both)
//   BENCH_RESULTS_FILE  where to write the figures (default docs/benchmarks.json)
//   BENCH_REPORT_ONLY=1  renders docs/benchmarks.md from the results file without measuring
//   BENCH_MERGE    with BENCH_REPORT_ONLY, more results files whose figures are added first
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import pg from 'pg'

import { CENSUS_COLUMNS, generateSchool } from '../src/demo/generate-school.js'
import type { BenchResults, Engine, ImportResult, ReportResult } from './results.js'
import { describeMachine, RESULTS_FILE, writeReport } from './write-report.js'

const IMPORT_SIZES = [2_000, 25_000, 100_000]
const IMPORT_RUNS = 3
/** The report cases: one school of 2,000 students, and a local authority of 100 such schools. */
const REPORT_CASES = [
  { scope: 'school', schools: 1, perSchool: 2_000 },
  { scope: 'organisation', schools: 100, perSchool: 2_000 },
] as const
const DEFAULT_GROWTH_SIZES = [1_000, 10_000, 100_000, 1_000_000]
/** Students per school in the growth datasets: 1,000,000 students in 4,000 schools. */
const STUDENTS_PER_SCHOOL = 250
/** The register imported into each growth dataset: one large school. */
const GROWTH_IMPORT_ROWS = 2_000
/** Seconds autocannon loads each URL in the list case. */
const LIST_SECONDS = 10

if (process.env.BENCH_REPORT_ONLY === '1') {
  const merged = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as BenchResults
  for (const file of (process.env.BENCH_MERGE ?? '').split(',').filter(Boolean)) {
    // Figures of runs made at the same time, for example one engine each, on the same machine.
    const other = JSON.parse(readFileSync(file, 'utf8')) as BenchResults
    merged.imports.push(...other.imports)
    merged.reports.push(...other.reports)
    merged.growth.push(...other.growth)
    merged.indexes.push(...other.indexes)
    merged.postgresSkipped &&= other.postgresSkipped
    merged.postgresVersion ??= other.postgresVersion
  }
  const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL
  if (merged.postgresVersion === 'unknown' && server) {
    // Runs before this fix read the wrong column of SHOW server_version.
    merged.postgresVersion = await postgresVersion(server)
  }
  merged.concurrentRuns =
    (merged.concurrentRuns ?? 1) + (process.env.BENCH_MERGE ?? '').split(',').filter(Boolean).length
  writeFileSync(RESULTS_FILE, `${JSON.stringify(merged, null, 2)}\n`)
  writeReport(merged)
  process.exit(0)
}

const postgresServer = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || null
const engines = (process.env.BENCH_ENGINES ?? 'sqlite,postgres')
  .split(',')
  .map((engine) => engine.trim())
  .filter((engine): engine is Engine => engine === 'sqlite' || engine === 'postgres')
  .filter((engine) => engine === 'sqlite' || postgresServer !== null)
if (!postgresServer) {
  console.log(
    'PostgreSQL cases skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL URL, ' +
      'for example postgres://postgres@127.0.0.1:5432/test, to run them',
  )
}
const growthSizes = (process.env.BENCH_SIZES ?? DEFAULT_GROWTH_SIZES.join(','))
  .split(',')
  .map((size) => Number(size.trim()))
for (const size of growthSizes) {
  if (!Number.isInteger(size) || size < STUDENTS_PER_SCHOOL) {
    throw new Error(
      `Invalid BENCH_SIZES entry ${size}: use whole numbers of students of at least ${STUDENTS_PER_SCHOOL}`,
    )
  }
}
const parts = (process.env.BENCH_PARTS ?? 'growth,import,report').split(',').map((p) => p.trim())

const results: BenchResults = {
  date: new Date().toISOString().slice(0, 10),
  machine: describeMachine(),
  node: process.version,
  postgresSkipped: !postgresServer,
  postgresVersion: postgresServer ? await postgresVersion(postgresServer) : null,
  sizes: growthSizes,
  imports: [],
  reports: [],
  growth: [],
  indexes: [],
  load: { samples: [], when: 'as each case ended' },
}

const folder = mkdtempSync(join(tmpdir(), 'send-careers-bench-'))
try {
  const growthCsv = writeRegister(GROWTH_IMPORT_ROWS)
  if (parts.includes('growth')) {
    for (const engine of engines) {
      for (const size of growthSizes) await benchmarkGrowth(engine, size, growthCsv)
    }
  }
  if (parts.includes('import')) {
    for (const engine of engines) {
      for (const size of IMPORT_SIZES) await benchmarkImport(engine, size)
    }
  }
  if (parts.includes('report')) {
    for (const engine of engines) {
      for (const reportCase of REPORT_CASES) await benchmarkReport(engine, reportCase)
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
writeReport(results)

/** A fresh, empty database on `engine`, and a function that deletes it. */
async function createDatabase(engine: Engine): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const file = join(folder, `bench-${randomBytes(6).toString('hex')}.db`)
    return {
      url: `sqlite:${file}`,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true })
      },
    }
  }
  const name = `bench_${randomBytes(6).toString('hex')}`
  await adminQuery(`create database ${name}`)
  const url = new URL(postgresServer!)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  }
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresServer! })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

async function postgresVersion(server: string): Promise<string> {
  const client = new pg.Client({ connectionString: server })
  await client.connect()
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version')
    return rows[0]?.server_version ?? 'unknown'
  } finally {
    await client.end()
  }
}

/** Runs one case file in its own process and returns the JSON on its last line of output. */
function runCase<T>(file: string, args: string[]): T {
  const output = execFileSync(process.execPath, ['--import', 'tsx', `bench/${file}`, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  // The one-minute load average as each case ends shows whether other work shared the machine.
  results.load!.samples.push(Number(loadavg()[0]?.toFixed(2)))
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as T
}

function save(): void {
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`)
}

function writeRegister(size: number): string {
  const csvFile = join(folder, `register-${size}.csv`)
  const rows = generateSchool({
    kind: 'mainstream',
    seed: size,
    students: size,
    academicYearStart: 2026,
  })
  writeFileSync(csvFile, stringify(rows, { header: true, columns: CENSUS_COLUMNS }))
  return csvFile
}

/** Runs an import case `runs` times and keeps the run with the median time. */
async function medianImport(
  mode: 'full' | 'raw',
  csvFile: string,
  runs: number,
  databaseFor: () => Promise<{ url: string; drop: () => Promise<void> }>,
): Promise<ImportResult> {
  const measured: ImportResult[] = []
  for (let run = 0; run < runs; run += 1) {
    const database = await databaseFor()
    try {
      measured.push(runCase<ImportResult>('import-case.ts', [mode, csvFile, database.url]))
    } finally {
      await database.drop()
    }
  }
  measured.sort((a, b) => a.seconds - b.seconds)
  const median = measured[Math.floor(measured.length / 2)]!
  return { ...median, maxRssMb: Math.max(...measured.map((result) => result.maxRssMb)) }
}

async function benchmarkImport(engine: Engine, size: number): Promise<void> {
  const csvFile = writeRegister(size)
  const full = await medianImport('full', csvFile, IMPORT_RUNS, () => createDatabase(engine))
  const raw = await medianImport('raw', csvFile, IMPORT_RUNS, () => createDatabase(engine))
  rmSync(csvFile, { force: true })
  console.log(
    `${engine}, ${size} rows: import ${(full.rows / full.seconds).toFixed(0)} rows/s, ` +
      `raw inserts ${(raw.rows / raw.seconds).toFixed(0)} rows/s`,
  )
  results.imports.push({ engine, size, full, raw })
  save()
}

async function benchmarkReport(
  engine: Engine,
  reportCase: (typeof REPORT_CASES)[number],
): Promise<void> {
  const database = await createDatabase(engine)
  try {
    const result = runCase<ReportResult>('report-case.ts', [
      reportCase.scope,
      String(reportCase.schools),
      String(reportCase.perSchool),
      database.url,
    ])
    console.log(
      `${engine}, ${result.scope} dashboard, ${result.students} students: page ` +
        `${result.pageSeconds.toFixed(3)} s, raw queries ${result.rawSeconds.toFixed(3)} s`,
    )
    results.reports.push({ engine, schools: reportCase.schools, ...result })
    save()
  } finally {
    await database.drop()
  }
}

interface SeedOutput {
  seconds: number
  rows: number
  maxRssMb: number
  organisationIds: number[]
  schools: { id: number; organisationId: number; kind: string; students: number }[]
}

async function benchmarkGrowth(engine: Engine, size: number, csvFile: string): Promise<void> {
  const database = await createDatabase(engine)
  try {
    const schools = Math.round(size / STUDENTS_PER_SCHOOL)
    console.log(`${engine}, ${size} students in ${schools} schools: seeding`)
    const seed = runCase<SeedOutput>('seed-case.ts', [database.url, String(size), String(schools)])
    const organisationId = seed.organisationIds[0]!
    const inOrganisation = seed.schools.filter((school) => school.organisationId === organisationId)
    // The largest school of the first local authority, the heaviest list one school sees.
    const school = inOrganisation.reduce((a, b) => (b.students > a.students ? b : a))
    console.log(`${engine}, ${size}: seeded ${seed.rows} rows in ${seed.seconds.toFixed(1)} s`)

    const list = runCase<GrowthListResult>('list-case.ts', [
      database.url,
      String(organisationId),
      String(school.id),
      String(LIST_SECONDS),
    ])
    console.log(
      `${engine}, ${size}: list ${list.organisation.requestsPerSecond.toFixed(0)} requests/s, ` +
        `bare route ${list.bare.requestsPerSecond.toFixed(0)} requests/s`,
    )
    const dashboard = runCase<ReportResult>('report-case.ts', [
      'seeded',
      String(organisationId),
      '-',
      database.url,
    ])
    console.log(`${engine}, ${size}: dashboard page ${dashboard.pageSeconds.toFixed(3)} s`)
    // Each import adds a new school to the same database, so the runs share the seeded tables.
    const sameDatabase = async () => ({ url: database.url, drop: async () => {} })
    const full = await medianImport('full', csvFile, IMPORT_RUNS, sameDatabase)
    const raw = await medianImport('raw', csvFile, IMPORT_RUNS, sameDatabase)
    console.log(
      `${engine}, ${size}: import of ${GROWTH_IMPORT_ROWS} rows ${full.seconds.toFixed(2)} s`,
    )

    results.growth.push({
      engine,
      students: size,
      schools,
      organisationStudents: inOrganisation.reduce((sum, s) => sum + s.students, 0),
      organisationSchools: inOrganisation.length,
      schoolStudents: school.students,
      seedSeconds: seed.seconds,
      seedRows: seed.rows,
      list,
      dashboard,
      importFull: full,
      importRaw: raw,
    })
    save()

    if (size === Math.max(...growthSizes)) {
      console.log(`${engine}, ${size}: measuring each index`)
      const indexes = runCase<{ results: BenchResults['indexes'][number]['results'] }>(
        'index-case.ts',
        [database.url, String(organisationId), String(school.id)],
      )
      results.indexes.push({ engine, students: size, results: indexes.results })
      save()
    }
  } finally {
    await database.drop()
  }
}

type GrowthListResult = BenchResults['growth'][number]['list']
