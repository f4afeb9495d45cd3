// One benchmark case in its own process, so its peak memory (maxRSS) is its own.
// Usage: node --import tsx bench/import-case.ts full|raw CSV_FILE DATABASE_FILE
import { createReadStream, readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import BetterSqlite3 from 'better-sqlite3'
import { parse } from 'csv-parse/sync'
import { openDatabase } from '../src/db/connection.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { createServices } from '../src/services.js'

const [mode, csvFile, databaseFile] = process.argv.slice(2)
if (!csvFile || !databaseFile || (mode !== 'full' && mode !== 'raw')) {
  throw new Error('Usage: import-case.ts full|raw CSV_FILE DATABASE_FILE')
}

const result =
  mode === 'full'
    ? await runFullImport(csvFile, databaseFile)
    : await runRawInserts(csvFile, databaseFile)
const maxRssMb = process.resourceUsage().maxRSS / 1024
console.log(JSON.stringify({ ...result, maxRssMb }))

/** Runs the product's whole import: stream, parse, validate, group, preview, then commit. */
async function runFullImport(file: string, databasePath: string) {
  const database = await openDatabase(`sqlite:${databasePath}`)
  await migrateToLatest(database.db)
  const services = createServices(database)
  const school = await services.students.findOrCreateSchool('Benchmark School (fictional)')

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
  const database = await openDatabase(`sqlite:${databasePath}`)
  await migrateToLatest(database.db)
  await database.close()

  const records = parse(readFileSync(file), { columns: true }) as Record<string, string>[]
  const sqlite = new BetterSqlite3(databasePath)
  sqlite.pragma('journal_mode = WAL')
  const schoolId = Number(
    sqlite
      .prepare("INSERT INTO schools (name, created_at) VALUES ('Raw', '2026-01-01') RETURNING id")
      .pluck()
      .get(),
  )
  const insert = sqlite.prepare(
    `INSERT INTO students (school_id, upn, legal_surname, legal_forename, date_of_birth, nc_year,
       provision_code, primary_need, secondary_need, ehc_plan_start_date, ehc_plan_review_date, pathway,
       sort_name, search_text, in_latest_import, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
  )

  const started = performance.now()
  const now = new Date().toISOString()
  sqlite.transaction(() => {
    for (const r of records) {
      insert.run(
        schoolId,
        r.UPN,
        r.Surname,
        r.Forename,
        r.DOB,
        r.NCyearActual,
        r.SENprovision,
        r.SENtype1 || null,
        r.SENtype2 || null,
        r.EHCPStartDate || null,
        r.EHCPLastReviewDate || null,
        r.QualificationPathway || null,
        // The search and sort keys the students table requires, built as simply as possible.
        `${r.Surname}\u0001${r.Forename}`.toLowerCase(),
        `${r.Surname}\u0001${r.Forename}\u0001${r.UPN}`.toLowerCase(),
        now,
        now,
      )
    }
  })()
  const seconds = (performance.now() - started) / 1000
  sqlite.close()
  return { rows: records.length, seconds }
}
