import { setImmediate } from 'node:timers/promises'
import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { StudentField } from '../students/student.js'
import { findStudentsByIdentifiers } from '../students/student.repository.js'
import type { StudentIdentifiers } from '../students/student.repository.js'
import { createRowComparer, indexStudents } from './import.compare.js'
import type { RowComparer, StaffPathways } from './import.compare.js'
import type { ValidatedRow } from './import.types.js'
import { insertRows } from '../../db/bulk-insert.js'
import { toStagedRow } from './import.staging.js'

// Stages a file's rows for a preview in batches. Each batch looks up only the stored students
// that share an identifier with its rows, so the school is never loaded whole.

/** Rows compared and inserted per batch: a few round trips per thousand rows. */
const STAGE_BATCH_ROWS = 250

export interface StagingTarget {
  previewId: string
  schoolId: number
  fields: readonly StudentField[]
  /** False when the school had no students as the preview began, so no batch looks any up. */
  hasStudents: boolean
  /** The pathway column's header as written in the file, for the kept-pathway warning. */
  pathwayColumn?: string
}

/**
 * Compares rows with the stored students and stages them at positions 0, 1, 2 and so on, in the
 * order they come. Returns how many rows were staged.
 */
export async function stageRows(
  db: Kysely<Tables>,
  target: StagingTarget,
  rows: AsyncIterable<ValidatedRow> | Iterable<ValidatedRow>,
): Promise<number> {
  const comparer = createRowComparer(target.fields, target.pathwayColumn)
  let batch: ValidatedRow[] = []
  let staged = 0
  for await (const row of rows) {
    batch.push(row)
    if (batch.length < STAGE_BATCH_ROWS) continue
    await stageBatch(db, target, comparer, batch, staged)
    staged += batch.length
    batch = []
    // SQLite calls block the event loop, so other requests get a turn between batches.
    await setImmediate()
  }

  await stageBatch(db, target, comparer, batch, staged)
  return staged + batch.length
}

async function stageBatch(
  db: Kysely<Tables>,
  target: StagingTarget,
  comparer: RowComparer,
  batch: ValidatedRow[],
  firstPosition: number,
): Promise<void> {
  if (batch.length === 0) return
  const { previewId, schoolId } = target
  const stored = target.hasStudents
    ? await findStudentsByIdentifiers(db, [schoolId], schoolId, identifiersOf(batch))
    : []
  const index = indexStudents(stored)
  const staffPathways = target.fields.includes('pathway')
    ? await findStaffPathways(
        db,
        stored.map((student) => student.id),
      )
    : new Map()
  const staged = batch.map((row, offset) =>
    toStagedRow(previewId, firstPosition + offset, comparer.compare(row, index, staffPathways)),
  )
  await insertRows(db, 'import_preview_rows', staged)
}

/** Collects the identifiers of a batch: every identifier of a valid row, the key of any row. */
function identifiersOf(batch: ValidatedRow[]): StudentIdentifiers {
  const found = { upn: new Set<string>(), uln: new Set<string>(), mis: new Set<string>() }
  for (const row of batch) {
    if (row.key) found[row.key.kind].add(row.key.value)
    if (row.input?.upn) found.upn.add(row.input.upn)
    if (row.input?.uln) found.uln.add(row.input.uln)
    if (row.input?.misId) found.mis.add(row.input.misId)
  }
  return { upns: [...found.upn], ulns: [...found.uln], misIds: [...found.mis] }
}

/**
 * Finds which of the students have a pathway recorded by staff. The students service sets
 * pathway_set_by to the user when staff save a pathway; an import leaves it null.
 */
async function findStaffPathways(db: Kysely<Tables>, ids: number[]): Promise<StaffPathways> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .selectFrom('students')
    .select(['id', 'pathway_set_at'])
    .where('id', 'in', ids)
    .where('pathway_set_by', 'is not', null)
    .where('pathway_set_by', '<>', 'import')
    .execute()
  return new Map(rows.map((row) => [row.id, { setAt: row.pathway_set_at }]))
}
