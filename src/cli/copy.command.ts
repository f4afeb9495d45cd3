import type { Command } from 'commander'

import {
  connectDatabase,
  describeDatabaseUrl,
  isSameDatabase,
  isSupportedDatabaseUrl,
  type Database,
} from '../db/connection.js'
import { CopyConflictError, CopyCountError, copyDatabase } from '../db/copy/copy-database.js'
import type { CopyOptions as CopyDatabaseOptions, CopyReport } from '../db/copy/copy-database.js'
import { MIGRATION_NAMES, migrateToLatest } from '../db/migrate.js'
import { createServices } from '../services.js'
import { insertAuditEvent } from '../features/audit/audit.repository.js'
import { CommandError, commandUser } from './context.js'
import { requireOperator } from './operator-database.js'

interface CopyOptions {
  from: string
  to: string
}

/** Registers `copy --from URL --to URL`. */
export function registerCopyCommand(program: Command): void {
  program
    .command('copy')
    .description(
      'copy every school of one database into another, such as a school SQLite file into a local authority PostgreSQL database (the operator only)',
    )
    .requiredOption('--from <url>', 'the database to read: sqlite:PATH or postgres://...')
    .requiredOption(
      '--to <url>',
      'the database to add the schools to: postgres://... or sqlite:PATH',
    )
    .action((options: CopyOptions) => copy(options))
}

async function copy(options: CopyOptions): Promise<void> {
  requireOperator('copy')
  rejectUnsupportedUrl('--from', options.from)
  rejectUnsupportedUrl('--to', options.to)
  if (isSameDatabase(options.from, options.to)) {
    throw new CommandError('--from and --to name the same database. Give two different databases.')
  }

  const source = await connectDatabase(options.from, { existing: true, setting: '--from' })
  let target: Database | undefined
  try {
    // The source is checked before the target is opened, so a refused copy creates no target file.
    await rejectForeignDatabase(source, '--from', describeDatabaseUrl(options.from), false)
    if ((await countSchools(source)) === 0) {
      throw new CommandError(
        `${describeDatabaseUrl(options.from)} has no schools, so there is nothing to copy. Check --from.`,
      )
    }
    target = await connectDatabase(options.to, { setting: '--to' })
    await rejectForeignDatabase(target, '--to', describeDatabaseUrl(options.to), true)
    console.log(`Migrating both databases to the latest version, ${MIGRATION_NAMES.at(-1)}, first.`)
    await migrateToLatest(source.db)
    await migrateToLatest(target.db)

    const report = await copyOrExplain(source, target, describeDatabaseUrl(options.from))
    printReport(report)
    await checkThroughServices(source, target, report)
  } finally {
    await source.close()
    await target?.close()
  }
}

/**
 * Rejects a database that send-careers did not create: one with tables but no migration record.
 * Migrating it would add the app's tables to another program's file. An empty target is allowed.
 */
async function rejectForeignDatabase(
  database: Database,
  option: string,
  where: string,
  mayBeEmpty: boolean,
): Promise<void> {
  const tables = await database.db.introspection.getTables({ withInternalKyselyTables: true })
  const names = new Set(tables.map((table) => table.name))
  if (names.has('kysely_migration')) return
  if (names.size === 0 && mayBeEmpty) return
  throw new CommandError(
    names.size === 0
      ? `${where} is empty, not a send-careers database. Check ${option}.`
      : `${where} is not a send-careers database: it has tables but no send-careers migrations, so nothing was changed. Check ${option}.`,
  )
}

async function countSchools(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('schools')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

/** Rejects a URL with a scheme no engine reads, which would otherwise be taken for a file name. */
function rejectUnsupportedUrl(option: string, url: string): void {
  if (isSupportedDatabaseUrl(url.trim())) return
  throw new CommandError(
    `${option} is ${describeDatabaseUrl(url)}, which send-careers cannot open. Give sqlite:PATH, a file path, or a postgres:// URL.`,
  )
}

/**
 * Copies, and records one audit event in the target for each school copied in, in the same
 * transaction, with the source named without its password and the rows added to each table.
 */
async function copyOrExplain(
  source: Database,
  target: Database,
  from: string,
): Promise<CopyReport> {
  const afterCopy: CopyDatabaseOptions['afterCopy'] = async (trx, report) => {
    const rows = Object.fromEntries(report.counts.map((count) => [count.table, count.added]))
    for (const school of report.schools) {
      await insertAuditEvent(trx, {
        at: new Date().toISOString(),
        actor: commandUser(),
        action: 'school.copy_in',
        schoolId: school.targetId,
        studentId: null,
        details: { from, rows },
      })
    }
  }
  try {
    return await copyDatabase(source, target, { afterCopy })
  } catch (error) {
    if (error instanceof CopyConflictError) throw new CommandError(error.message)
    if (error instanceof CopyCountError) {
      printCounts(error.report)
      throw new CommandError(
        `${error.message} between the source and the target, so the copy was rolled back and nothing was written.`,
        1,
      )
    }
    const reason = error instanceof Error ? error.message : String(error)
    throw new CommandError(
      `The copy failed, so it was rolled back and the target is unchanged: ${reason}`,
      1,
    )
  }
}

function printReport(report: CopyReport): void {
  for (const school of report.schools) console.log(`Copied school "${school.name}".`)
  printCounts(report)
  for (const note of report.notes) console.log(`Note: ${note}.`)
  console.log('Not copied:')
  for (const skipped of report.skipped) {
    console.log(`  ${skipped.table} (${skipped.rows} rows): ${skipped.reason}`)
  }
  console.log(
    'New users who had set a password sign in with it. Users the target already had keep their target password. Others need a new link from "send-careers user reset".',
  )
}

function printCounts(report: CopyReport): void {
  const width = Math.max(...report.counts.map((count) => count.table.length))
  console.log(
    `${'table'.padEnd(width)}  ${'read'.padStart(7)} ${'kept out'.padStart(8)} ${'added'.padStart(7)}  check`,
  )
  for (const count of report.counts) {
    const check = count.added === count.expected ? 'ok' : `MISMATCH: expected ${count.expected}`
    console.log(
      `${count.table.padEnd(width)}  ${String(count.read).padStart(7)} ${String(count.notAdded).padStart(8)} ${String(count.added).padStart(7)}  ${check}`,
    )
  }
}

/** Reads each copied school's students back through the services and compares their UPNs. */
async function checkThroughServices(
  source: Database,
  target: Database,
  report: CopyReport,
): Promise<void> {
  const services = createServices(target)
  for (const school of report.schools) {
    const expected = await source.db
      .selectFrom('students')
      .select('upn')
      .where('school_id', '=', school.sourceId)
      .execute()
    const details = await services.students.listAllDetails({ schoolIds: [school.targetId] })
    const want = expected.map((row) => row.upn ?? '').sort()
    const got = details.map((detail) => detail.student.upn ?? '').sort()
    if (want.length !== got.length || want.some((upn, index) => upn !== got[index])) {
      throw new CommandError(
        `The students of "${school.name}" read through the services differ from the source (${got.length} read, ${want.length} expected). The copy is committed: check the target before using it.`,
        1,
      )
    }
    console.log(
      `Checked: "${school.name}" lists the same ${got.length} students by UPN in the target.`,
    )
  }
}
