import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { Readable } from 'node:stream'
import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import { loadConfig } from '../config.js'
import { connectDatabase } from '../db/connection.js'
import { migrateToLatest } from '../db/migrate.js'
import { addDemoRecords, describeDemoRecords } from '../demo/demo-records.js'
import { CENSUS_COLUMNS, generateSchool, type SchoolKind } from '../demo/generate-school.js'
import { todayInEngland } from '../features/eligibility/reference-date.js'
import { academicYearOf } from '../domain/academic-year.js'
import { startServer } from '../server.js'
import { createServices } from '../services.js'
import { CommandError } from './context.js'
import { printDemoUsers, setUpDemoUsers } from './demo.users.js'

const DEMO_DATABASE_URL = 'sqlite:./data/demo.db'

const SCHOOL_NAMES: Record<SchoolKind, string> = {
  mainstream: 'Brambleford Academy (fictional)',
  special: 'Willowmere Special School (fictional)',
}

interface DemoOptions {
  kind: string
  seed: string
  students: string
  serve: boolean
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load a fictional school through the real import, then start the web server')
    .option('--kind <kind>', 'mainstream (a secondary school) or special', 'mainstream')
    .option('--seed <number>', 'the same seed always gives the same school', '2026')
    .option('--students <number>', 'how many students with SEND', '150')
    .option('--no-serve', 'load the school and stop, without starting the server')
    .action((options: DemoOptions) => runDemo(options))
}

async function runDemo(options: DemoOptions): Promise<void> {
  const kind = parseKind(options.kind)
  const config = loadConfig({ DATABASE_URL: DEMO_DATABASE_URL, ...process.env })
  const seed = parseCount('--seed', options.seed)
  const csv = writeDemoRegister(kind, seed, parseCount('--students', options.students))

  const database = await connectDatabase(config.databaseUrl, {
    poolSize: config.databasePoolSize,
  })
  try {
    await migrateToLatest(database.db)
    const services = createServices(database)
    const school = await services.students.findOrCreateSchool(SCHOOL_NAMES[kind])
    const source = { fileName: 'demo-register.csv', stream: Readable.from([csv.content]) }
    const options = { maxBytes: config.maxUploadBytes }
    const preview = await services.imports.previewFile(school.id, source, source.fileName, options)
    await services.imports.commit(preview.id, undefined, 'demo')
    const { summary } = preview
    console.log(
      `Loaded ${school.name}: ${summary.new} new, ${summary.updated} updated, ` +
        `${summary.unchanged} unchanged students. The register is at ${csv.path}.`,
    )
    const records = await addDemoRecords(services, database.db, { schoolId: school.id, seed })
    console.log(describeDemoRecords(records))
    printDemoUsers(config.publicUrl, await setUpDemoUsers(services, school.id))
  } finally {
    await database.close()
  }

  if (options.serve) await startServer(config)
}

function writeDemoRegister(kind: SchoolKind, seed: number, students: number) {
  const academicYearStart = academicYearOf(todayInEngland())
  const rows = generateSchool({ kind, seed, students, academicYearStart })
  const content = stringify(rows, { header: true, columns: CENSUS_COLUMNS })
  const path = join('data', `demo-${kind}-register.csv`)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, content)
  return { path, content }
}

function parseKind(value: string): SchoolKind {
  if (value === 'mainstream' || value === 'special') return value
  throw new CommandError(`--kind "${value}" is not valid. Use --kind mainstream or --kind special.`)
}

function parseCount(option: string, value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1 || number > 100_000) {
    throw new CommandError(
      `${option} "${value}" is not valid. Give a whole number from 1 to 100000.`,
    )
  }
  return number
}
