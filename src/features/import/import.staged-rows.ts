import type { Kysely, Selectable } from 'kysely'
import type { ImportPreviewRowTable, Tables } from '../../db/tables.js'
import type { StudentField, StudentInput } from '../students/student.js'
import type { ImportIssue, PreviewRow, RowStatus, StudentKey } from './import.types.js'

// Reads the staged rows of a preview: pages for the preview screens and the command line, and
// batches of rows to write for the commit.

/** The staged rows to read: every row, rows with errors or warnings, or those plus updates. */
export type StagedRowFilter = 'all' | 'messages' | 'notable'

type StagedRowRecord = Selectable<ImportPreviewRowTable>

function selectStaged(db: Kysely<Tables>, previewId: string, filter: StagedRowFilter) {
  return db
    .selectFrom('import_preview_rows')
    .where('preview_id', '=', previewId)
    .$if(filter !== 'all', (query) =>
      query.where((eb) =>
        eb.or([
          eb('errors', '<>', '[]'),
          eb('warnings', '<>', '[]'),
          ...(filter === 'notable' ? [eb('status', '=', 'updated')] : []),
        ]),
      ),
    )
}

export async function listStagedRows(
  db: Kysely<Tables>,
  previewId: string,
  page: { offset: number; limit: number; afterPosition?: number; filter: StagedRowFilter },
): Promise<PreviewRow[]> {
  const after = page.afterPosition
  const rows = await selectStaged(db, previewId, page.filter)
    .selectAll()
    .$if(after !== undefined, (query) => query.where('position', '>', after ?? -1))
    .orderBy('position')
    .limit(page.limit)
    .$if(after === undefined, (query) => query.offset(page.offset))
    .execute()
  return rows.map(toPreviewRow)
}

export async function countStagedRows(
  db: Kysely<Tables>,
  previewId: string,
  filter: StagedRowFilter,
): Promise<number> {
  const { count } = await selectStaged(db, previewId, filter)
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  return Number(count)
}

export function toPreviewRow(row: StagedRowRecord): PreviewRow {
  const key =
    row.key_kind === null || row.key_value === null
      ? null
      : { kind: row.key_kind as StudentKey['kind'], value: row.key_value }
  return {
    position: row.position,
    line: row.line,
    key,
    input: row.input === null ? null : (JSON.parse(row.input) as StudentInput),
    errors: JSON.parse(row.errors) as ImportIssue[],
    warnings: JSON.parse(row.warnings) as ImportIssue[],
    status: row.status as RowStatus,
    changedFields: JSON.parse(row.changed_fields) as StudentField[],
  }
}

/** A staged row the commit writes, with the stored student it matched. */
export interface RowToWrite {
  position: number
  status: 'new' | 'updated' | 'unchanged'
  input: StudentInput
  changedFields: StudentField[]
  matchedId: number | null
  matchedVersion: number | null
}

/**
 * Reads the rows at positions after `afterPosition` up to `throughPosition` that the commit must
 * write: new and updated rows, and unchanged rows of a student marked not in the latest import,
 * which it marks back in. A window of positions, not a LIMIT, keeps the plan an index range
 * whatever the table's statistics. On PostgreSQL, statistics taken before a large file was staged
 * made each LIMIT page re-read every later row, so the commit grew with the square of the file.
 */
export async function readRowsToWrite(
  db: Kysely<Tables>,
  previewId: string,
  afterPosition: number,
  throughPosition: number,
): Promise<RowToWrite[]> {
  const rows = await db
    .selectFrom('import_preview_rows')
    .leftJoin('students', 'students.id', 'import_preview_rows.matched_student_id')
    .select(['position', 'status', 'input', 'changed_fields', 'matched_student_id'])
    .select('matched_version')
    .where('preview_id', '=', previewId)
    .where('position', '>', afterPosition)
    .where('position', '<=', throughPosition)
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['new', 'updated']),
        eb.and([eb('status', '=', 'unchanged'), eb('students.in_latest_import', '=', 0)]),
      ]),
    )
    .orderBy('position')
    .execute()

  return rows.map((row) => ({
    position: row.position,
    status: row.status as RowToWrite['status'],
    input: JSON.parse(row.input ?? 'null') as StudentInput,
    changedFields: JSON.parse(row.changed_fields) as StudentField[],
    matchedId: row.matched_student_id,
    matchedVersion: row.matched_version,
  }))
}

/** Returns the last position staged for a preview, or -1 when it has no rows. */
export async function lastStagedPosition(db: Kysely<Tables>, previewId: string): Promise<number> {
  const row = await db
    .selectFrom('import_preview_rows')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('preview_id', '=', previewId)
    .executeTakeFirst()
  return row?.last ?? -1
}
