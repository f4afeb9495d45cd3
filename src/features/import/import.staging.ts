import type { Insertable, Kysely } from 'kysely'
import type { ImportPreviewRowTable, Tables } from '../../db/tables.js'
import type { ComparedRow } from './import.compare.js'
import type { PreviewSummary } from './import.repository.js'
import type { ImportIssue, LateChange } from './import.types.js'

// Writes the staged rows of a preview: multi-row inserts while the file streams in, the late
// issues of cross-row checks once it has been read, and the status counts.

type StagedRow = Insertable<ImportPreviewRowTable>

/** Positions whose stored issues are read and rewritten per query by `applyLateChanges`. */
const LATE_CHANGE_CHUNK = 500

export type { StagedRow }

export function toStagedRow(previewId: string, position: number, compared: ComparedRow): StagedRow {
  const { row, matched } = compared
  return {
    preview_id: previewId,
    position,
    line: row.line,
    status: row.status,
    key_kind: row.key?.kind ?? null,
    key_value: row.key?.value ?? null,
    changed_fields: JSON.stringify(row.changedFields),
    input: row.input === null || row.status === 'rejected' ? null : JSON.stringify(row.input),
    errors: JSON.stringify(row.errors),
    warnings: JSON.stringify(row.warnings),
    matched_student_id: matched?.id ?? null,
    matched_version: matched?.version ?? null,
  }
}

/** Adds late issues to staged rows. A change with errors rejects its row and drops its input. */
export async function applyLateChanges(
  db: Kysely<Tables>,
  previewId: string,
  changes: LateChange[],
): Promise<void> {
  for (let start = 0; start < changes.length; start += LATE_CHANGE_CHUNK) {
    const chunk = changes.slice(start, start + LATE_CHANGE_CHUNK)
    const stored = await db
      .selectFrom('import_preview_rows')
      .select(['position', 'errors', 'warnings'])
      .where('preview_id', '=', previewId)
      .where(
        'position',
        'in',
        chunk.map((change) => change.position),
      )
      .execute()
    const byPosition = new Map(stored.map((row) => [row.position, row]))
    for (const change of chunk) {
      const row = byPosition.get(change.position)
      if (row) await updateIssues(db, previewId, change, row)
    }
  }
}

async function updateIssues(
  db: Kysely<Tables>,
  previewId: string,
  change: LateChange,
  stored: { errors: string; warnings: string },
): Promise<void> {
  const errors = [...(JSON.parse(stored.errors) as ImportIssue[]), ...change.errors]
  const warnings = [...(JSON.parse(stored.warnings) as ImportIssue[]), ...change.warnings]
  const rejection = { status: 'rejected', input: null, changed_fields: '[]' }
  await db
    .updateTable('import_preview_rows')
    .set({
      errors: JSON.stringify(errors),
      warnings: JSON.stringify(warnings),
      ...(change.errors.length > 0 ? rejection : {}),
    })
    .where('preview_id', '=', previewId)
    .where('position', '=', change.position)
    .execute()
}

/** Counts the staged rows of a preview by status, in SQL. */
export async function countStatuses(
  db: Kysely<Tables>,
  previewId: string,
): Promise<PreviewSummary> {
  const byStatus = await db
    .selectFrom('import_preview_rows')
    .select((eb) => ['status', eb.fn.countAll().as('count')])
    .where('preview_id', '=', previewId)
    .groupBy('status')
    .execute()
  const count = (status: string) =>
    Number(byStatus.find((row) => row.status === status)?.count ?? 0)

  // Accepted rows that carry at least one warning; rejected rows are counted as rejected.
  const warned = await db
    .selectFrom('import_preview_rows')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('preview_id', '=', previewId)
    .where('status', '<>', 'rejected')
    .where('warnings', '<>', '[]')
    .executeTakeFirstOrThrow()

  return {
    new: count('new'),
    updated: count('updated'),
    unchanged: count('unchanged'),
    rejected: count('rejected'),
    warnings: Number(warned.count),
  }
}
