import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  existsSync,
  linkSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

import SqliteDatabase from 'better-sqlite3'

// An online backup of an SQLite database file, and the checks made on the copy. The SQLite backup
// API copies pages while other connections, such as a running server, go on reading and writing.

export interface BackupCheck {
  integrity: string
  migrations: string[]
  /** Rows per table in the copy, which equal the source's at the moment the copy was taken. */
  counts: { table: string; source: number; backup: number }[]
}

/** The backup file exists and --force was not given. */
export class BackupExistsError extends Error {
  override name = 'BackupExistsError'
}

/** The output cannot take a backup: it is the database itself, a folder, or in a missing folder. */
export class BackupOutputError extends Error {
  override name = 'BackupOutputError'
}

/**
 * Rejects an output path that would destroy the database or cannot be written, before any file is
 * made. --force replaces an older backup, never the live database or its -wal and -shm files.
 */
function checkOutputPath(sourcePath: string, outputPath: string): void {
  const folder = dirname(resolve(outputPath))
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new BackupOutputError(
      `The folder of ${outputPath} does not exist. Create it first, or choose a file in a folder that exists.`,
    )
  }
  if (existsSync(outputPath) && statSync(outputPath).isDirectory()) {
    throw new BackupOutputError(
      `${outputPath} is a folder. Give a file name for the backup, for example ${join(outputPath, 'send-careers-backup.db')}.`,
    )
  }
  const live = realpathSync(sourcePath)
  const output = existsSync(outputPath)
    ? realpathSync(outputPath)
    : join(realpathSync(folder), basename(outputPath))
  if ([live, `${live}-wal`, `${live}-shm`, `${live}-journal`].includes(output)) {
    throw new BackupOutputError(
      `${outputPath} is the database DATABASE_URL names, or one of its files, so the backup would replace it. Choose a file outside the database's own files.`,
    )
  }
}

/**
 * Copies the SQLite database at `sourcePath` to `outputPath`, readable by its owner only (mode
 * 0600), then opens the copy and checks it. The copy is written beside the output under another
 * name and moved into place at the end, so a failed backup never leaves a half-written file.
 */
export async function backupSqlite(
  sourcePath: string,
  outputPath: string,
  { force = false } = {},
): Promise<BackupCheck> {
  checkOutputPath(sourcePath, outputPath)
  if (!force && existsSync(outputPath)) {
    throw new BackupExistsError(`${outputPath} already exists`)
  }
  const partial = join(
    dirname(outputPath),
    `.${basename(outputPath)}.${randomBytes(4).toString('hex')}.partial`,
  )
  closeSync(openSync(partial, 'wx', 0o600))

  const source = new SqliteDatabase(sourcePath, { fileMustExist: true })
  try {
    // One read transaction keeps a snapshot: the counts and the pages copied come from the same
    // moment, whatever a writer in another connection commits meanwhile.
    source.exec('begin')
    const sourceCounts = countRows(source)
    const sourceMigrations = listMigrations(source)
    await source.backup(partial)
    source.exec('commit')

    chmodSync(partial, 0o600)
    useRollbackJournal(partial)
    const check = checkCopy(partial, sourceCounts, sourceMigrations)
    placeFile(partial, outputPath, force)
    return check
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  } finally {
    source.close()
  }
}

/**
 * Switches the copy from the source's write-ahead log to a rollback journal, so the backup is one
 * file with no -wal or -shm beside it. The server turns WAL on again when it opens a restored file.
 */
function useRollbackJournal(path: string): void {
  const copy = new SqliteDatabase(path, { fileMustExist: true })
  try {
    copy.pragma('journal_mode = DELETE')
  } finally {
    copy.close()
  }
}

function placeFile(partial: string, outputPath: string, force: boolean): void {
  if (force) {
    renameSync(partial, outputPath)
    return
  }
  // A hard link fails when the name is taken, so a file created since the first check survives.
  try {
    linkSync(partial, outputPath)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new BackupExistsError(`${outputPath} already exists`)
    }
    throw error
  } finally {
    rmSync(partial, { force: true })
  }
}

function checkCopy(
  path: string,
  sourceCounts: Map<string, number>,
  sourceMigrations: string[],
): BackupCheck {
  const copy = new SqliteDatabase(path, { readonly: true, fileMustExist: true })
  try {
    const integrity = (copy.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join('; ')
    const migrations = listMigrations(copy)
    const copyCounts = countRows(copy)
    const tables = [...new Set([...sourceCounts.keys(), ...copyCounts.keys()])].sort()
    const counts = tables.map((table) => ({
      table,
      source: sourceCounts.get(table) ?? -1,
      backup: copyCounts.get(table) ?? -1,
    }))
    const problems: string[] = []
    if (integrity !== 'ok') problems.push(`integrity_check returned "${integrity}"`)
    if (migrations.join() !== sourceMigrations.join()) problems.push('the migration lists differ')
    const differing = counts.filter((count) => count.source !== count.backup)
    if (differing.length)
      problems.push(`row counts differ for ${differing.map((c) => c.table).join(', ')}`)
    if (problems.length) throw new Error(`The backup failed its checks: ${problems.join('; ')}`)
    return { integrity, migrations, counts }
  } finally {
    copy.close()
  }
}

function listTables(connection: SqliteDatabase.Database): string[] {
  const rows = connection
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`,
    )
    .all() as { name: string }[]
  return rows.map((row) => row.name)
}

function countRows(connection: SqliteDatabase.Database): Map<string, number> {
  const counts = new Map<string, number>()
  for (const table of listTables(connection)) {
    const row = connection
      .prepare(`select count(*) as n from "${table.replaceAll('"', '""')}"`)
      .get() as { n: number }
    counts.set(table, row.n)
  }
  return counts
}

function listMigrations(connection: SqliteDatabase.Database): string[] {
  if (!listTables(connection).includes('kysely_migration')) return []
  const rows = connection.prepare('select name from kysely_migration order by name').all() as {
    name: string
  }[]
  return rows.map((row) => row.name)
}
