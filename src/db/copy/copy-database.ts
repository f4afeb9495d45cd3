import { sql } from 'kysely'
import type { Kysely } from 'kysely'

import type { Database } from '../connection.js'
import type { Tables } from '../tables.js'
import { MERGE_HANDLERS } from './copy-merge.js'
import { insertAll, insertKeepingIds, remapRow } from './copy-rows.js'
import type { CopyState, Row, TableOutcome } from './copy-rows.js'
import {
  AUDIT_DETAIL_REFERENCES,
  COPY_TABLES,
  MY_FUTURE_CHOICE_PARTS,
  TABLES_WITHOUT_ID,
} from './copy-tables.js'
import type { TableName } from './copy-tables.js'

// Copies every school of one database into another, which may already hold other schools, in one
// transaction on the target. Rows get new ids, and every key is mapped from old ids to new.

export interface TableCount {
  table: TableName
  read: number
  /** Rows a merge rule did not insert, such as users the target already has. */
  notAdded: number
  /** Rows the target gained, counted before and after the copy. */
  added: number
  expected: number
}

export interface CopyReport {
  schools: { name: string; sourceId: number; targetId: number }[]
  counts: TableCount[]
  skipped: { table: TableName; rows: number; reason: string }[]
  notes: string[]
}

/** A school of the source is already in the target, so nothing was copied. */
export class CopyConflictError extends Error {
  override name = 'CopyConflictError'
}

/** The target did not gain the rows it should have, so the copy was rolled back. */
export class CopyCountError extends Error {
  override name = 'CopyCountError'
  constructor(readonly report: CopyReport) {
    const tables = report.counts.filter((count) => count.added !== count.expected)
    super(`Row counts differ for ${tables.map((count) => count.table).join(', ')}`)
  }
}

/** Tables whose new ids later rows need, so their rows are inserted one at a time. */
const REFERENCED_TABLES = new Set<TableName>([
  ...COPY_TABLES.flatMap(([, rule]) =>
    rule.kind === 'copy' ? (Object.values(rule.references) as TableName[]) : [],
  ),
  ...Object.values(AUDIT_DETAIL_REFERENCES),
  ...Object.values(MY_FUTURE_CHOICE_PARTS),
])

export interface CopyOptions {
  /** Runs in the target's transaction once the counts match, to record the copy there. */
  afterCopy?: (target: Kysely<Tables>, report: CopyReport) => Promise<void>
}

/**
 * Copies the rows of `source` into `target`. Both must be migrated to the same version first.
 * Raises CopyConflictError or CopyCountError, or any database error, after rolling back.
 */
export async function copyDatabase(
  source: Database,
  target: Database,
  options: CopyOptions = {},
): Promise<CopyReport> {
  // One read transaction gives every table from the same moment, even with a writer running.
  const reading = source.db.transaction()
  const snapshot =
    source.dialect === 'postgres' ? reading.setIsolationLevel('repeatable read') : reading
  const rows = await snapshot.execute((trx) => readSource(trx))

  return target.db.transaction().execute(async (trx) => {
    await rejectExistingSchools(trx, rows.get('schools') ?? [])
    const before = await countRows(trx)
    const state: CopyState = {
      target: trx,
      ids: new Map(),
      matchedOrganisations: new Set(),
      matchedUsers: new Set(),
    }

    const report: CopyReport = { schools: [], counts: [], skipped: [], notes: [] }
    const outcomes = new Map<TableName, TableOutcome>()
    for (const [table, rule] of COPY_TABLES) {
      const tableRows = rows.get(table) ?? []
      if (rule.kind === 'skip') {
        report.skipped.push({ table, rows: tableRows.length, reason: rule.reason })
        continue
      }
      const handler = MERGE_HANDLERS[table]
      outcomes.set(
        table,
        handler
          ? await handler(state, tableRows)
          : await copyPlain(state, table, tableRows, rule.references),
      )
    }

    const after = await countRows(trx)
    for (const [table, outcome] of outcomes) {
      const read = rows.get(table)?.length ?? 0
      const expected = read - outcome.notAdded + outcome.extra
      const added = (after.get(table) ?? 0) - (before.get(table) ?? 0)
      report.counts.push({ table, read, notAdded: outcome.notAdded, added, expected })
      report.notes.push(...outcome.notes)
    }
    report.schools = (rows.get('schools') ?? []).map((school) => ({
      name: String(school.name),
      sourceId: Number(school.id),
      targetId: state.ids.get('schools')?.get(Number(school.id)) ?? 0,
    }))

    if (report.counts.some((count) => count.added !== count.expected)) {
      throw new CopyCountError(report)
    }
    await options.afterCopy?.(trx, report)
    return report
  })
}

async function copyPlain(
  state: CopyState,
  table: TableName,
  rows: Row[],
  references: Partial<Record<string, TableName>>,
): Promise<TableOutcome> {
  const toInsert = (row: Row) => remapRow(state.ids, table, row, references)
  if (REFERENCED_TABLES.has(table) && !TABLES_WITHOUT_ID.has(table)) {
    await insertKeepingIds(state, table, rows, toInsert)
  } else {
    await insertAll(state, table, rows.map(toInsert))
  }
  return { notAdded: 0, extra: 0, notes: [] }
}

async function readSource(db: Kysely<Tables>): Promise<Map<TableName, Row[]>> {
  const rows = new Map<TableName, Row[]>()
  for (const [table] of COPY_TABLES) {
    const order = TABLES_WITHOUT_ID.has(table) ? sql`1` : sql.ref('id')
    // NOTE: each table is read whole into memory, which suits one school's database. A copy out
    // of a whole local authority's database would need reading in pages.
    const result = await sql<Row>`select * from ${sql.table(table)} order by ${order}`.execute(db)
    rows.set(table, result.rows)
  }
  return rows
}

async function rejectExistingSchools(db: Kysely<Tables>, schools: Row[]): Promise<void> {
  if (schools.length === 0) return
  const names = schools.map((school) => String(school.name))
  const clashes = await db.selectFrom('schools').select('name').where('name', 'in', names).execute()
  if (clashes.length === 0) return
  const quoted = clashes.map((school) => `"${school.name}"`)
  const listed =
    quoted.length === 1
      ? `a school named ${quoted[0]}`
      : `schools named ${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`
  const pronoun = quoted.length === 1 ? 'it' : 'they'
  throw new CopyConflictError(
    `The target already has ${listed}, so nothing was copied. ` +
      `If ${pronoun} came from an earlier copy, there is nothing to do. If ${pronoun} ` +
      `${quoted.length === 1 ? 'is another school' : 'are other schools'} with the same name, ` +
      'rename the school in one of the two databases first.',
  )
}

async function countRows(db: Kysely<Tables>): Promise<Map<TableName, number>> {
  const counts = new Map<TableName, number>()
  for (const [table, rule] of COPY_TABLES) {
    if (rule.kind === 'skip') continue
    // PostgreSQL returns count(*) as bigint text.
    const result = await sql<{
      n: number | string
    }>`select count(*) as n from ${sql.table(table)}`.execute(db)
    counts.set(table, Number(result.rows[0]?.n ?? 0))
  }
  return counts
}
