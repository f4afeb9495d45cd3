// One benchmark case in its own process, so its peak memory (maxRSS) is its own.
// Usage: node --import tsx bench/import-case.ts full|raw CSV_FILE DATABASE_URL
// DATABASE_URL is `sqlite:PATH` or a PostgreSQL URL. The database may already hold schools: the
// import goes to a new school either way.
import { createReadStream, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import BetterSqlite3 from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import pg from 'pg'
import { isPostgresUrl, openDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { createServices } from '../src/services.js'

/** The columns the raw inserts write, in the order both engines bind them. */
const RAW_COLUMNS = [
  'school_id',
  'upn',
  'legal_surname',
  'legal_forename',
  'date_of_birth',
  'nc_year',
  'provision_code',
  'primary_need',
  'secondary_need',
  'ehc_plan_start_date',
  'ehc_plan_review_date',
  'pathway',
  'sort_name',
  'search_text',
  'created_at',
  'updated_at',
]
/** Rows per PostgreSQL statement in the raw inserts. */
const RAW_ROWS_PER_STATEMENT = 5_000

const [mode, csvFile, databaseUrl] = process.argv.slice(2)
if (!csvFile || !databaseUrl || (mode !== 'full' && mode !== 'raw')) {
  throw new Error('Usage: import-case.ts full|raw CSV_FILE DATABASE_URL')
}
const postgres = isPostgresUrl(databaseUrl)

const result =
  mode === 'full'
    ? await runFullImport(csvFile, databaseUrl)
    : postgres
      ? await runRawPostgresInserts(csvFile, databaseUrl)
      : await runRawInserts(csvFile, databaseUrl.replace(/^sqlite:/i, ''))
const maxRssMb = process.resourceUsage().maxRSS / 1024
console.log(JSON.stringify({ ...result, maxRssMb }))

/** Runs the product's whole import: stream, parse, validate, group, preview, then commit. */
async function runFullImport(file: string, url: string) {
  const database = openDatabase(url)
  await migrateToLatest(database.db)
  const services = createServices(database)
  const school = await services.students.findOrCreateSchool(
    `Benchmark School ${Date.now()} (fictional)`,
  )

  const started = performance.now()
  const preview = await services.imports.previewFile(
    school.id,
    { fileName: 'bench.csv', stream: createReadStream(file) },
    'bench.csv',
    { maxBytes: 1024 * 1024 * 1024 },
  )
  const previewed = performance.now()
  await services.imports.commit(preview.id)
  const seconds = (performance.now() - started) / 1000
  const previewSeconds = (previewed - started) / 1000

  await database.close()
  return {
    rows: preview.summary.new,
    seconds,
    previewSeconds,
    commitSeconds: seconds - previewSeconds,
  }
}

/** Measures the ceiling: the same rows, already in memory, written by prepared inserts in one transaction. */
async function runRawInserts(file: string, databasePath: string) {
  const database = openDatabase(`sqlite:${databasePath}`)
  await migrateToLatest(database.db)
  await database.close()

  const records = readRecords(file)
  const sqlite = new BetterSqlite3(databasePath)
  sqlite.pragma('journal_mode = WAL')
  const schoolId = Number(
    sqlite
      .prepare(
        `INSERT INTO schools (name, created_at) VALUES ('Raw ${Date.now()}', '2026-01-01') RETURNING id`,
      )
      .pluck()
      .get(),
  )
  const insert = sqlite.prepare(
    `INSERT INTO students (${RAW_COLUMNS.join(', ')}, in_latest_import)
     VALUES (${RAW_COLUMNS.map(() => '?').join(', ')}, 1)`,
  )

  const started = performance.now()
  const now = new Date().toISOString()
  sqlite.transaction(() => {
    for (const record of records) insert.run(rawValues(record, schoolId, now))
  })()
  const seconds = (performance.now() - started) / 1000
  sqlite.close()
  return { rows: records.length, seconds }
}

/**
 * Measures the PostgreSQL ceiling: the same rows, already in memory, written in one transaction by
 * INSERT ... SELECT FROM unnest, one text array per column, which is the fastest way to insert
 * through node-postgres without COPY.
 */
async function runRawPostgresInserts(file: string, url: string) {
  const database = openDatabase(url)
  await migrateToLatest(database.db)
  await database.close()

  const records = readRecords(file)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO schools (name, created_at) VALUES ($1, '2026-01-01') RETURNING id`,
    [`Raw ${Date.now()}`],
  )
  const schoolId = String(rows[0]?.id)
  // school_id is the one integer column. Every other column is text.
  const casts = RAW_COLUMNS.map(
    (column, index) => `$${index + 1}::${column === 'school_id' ? 'int8' : 'text'}[]`,
  ).join(', ')
  const statement = `INSERT INTO students (${RAW_COLUMNS.join(', ')})
    SELECT * FROM unnest(${casts})`

  const started = performance.now()
  const now = new Date().toISOString()
  await client.query('BEGIN')
  for (let start = 0; start < records.length; start += RAW_ROWS_PER_STATEMENT) {
    const chunk = records.slice(start, start + RAW_ROWS_PER_STATEMENT)
    const cells = chunk.map((record) => rawValues(record, schoolId, now))
    await client.query(
      statement,
      RAW_COLUMNS.map((_, column) => cells.map((row) => row[column] ?? null)),
    )
  }
  await client.query('COMMIT')
  const seconds = (performance.now() - started) / 1000
  await client.end()
  return { rows: records.length, seconds }
}

/** Builds one register row as the raw inserts bind it, in the order of RAW_COLUMNS. */
function rawValues(
  r: Record<string, string>,
  schoolId: number | string,
  now: string,
): (string | number | null)[] {
  return [
    schoolId,
    r.UPN ?? null,
    r.Surname ?? null,
    r.Forename ?? null,
    r.DOB ?? null,
    r.NCyearActual ?? null,
    r.SENprovision ?? null,
    r.SENtype1 || null,
    r.SENtype2 || null,
    r.EHCPStartDate || null,
    r.EHCPLastReviewDate || null,
    r.QualificationPathway || null,
    sortKey(r),
    searchKey(r),
    now,
    now,
  ]
}

function readRecords(file: string): Record<string, string>[] {
  return parse(readFileSync(file), { columns: true }) as Record<string, string>[]
}

// The search and sort keys the students table requires, built as simply as possible.
function sortKey(r: Record<string, string>): string {
  return `${r.Surname}\u0001${r.Forename}`.toLowerCase()
}

function searchKey(r: Record<string, string>): string {
  return `${r.Surname}\u0001${r.Forename}\u0001${r.UPN}`.toLowerCase()
}
