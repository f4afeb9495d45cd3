import type { Kysely, Selectable } from 'kysely'
import type { ImportPreviewTable, Tables } from '../../db/tables.js'
import type { StudentField } from '../students/student.js'
import type { SchoolFingerprint } from './import.fingerprint.js'
import type { ImportPreview } from './import.types.js'

export type ImportPreviewErrorCode = 'not_found' | 'expired' | 'stale'

const previewMessages: Record<ImportPreviewErrorCode, string> = {
  not_found: 'Import preview not found. It may have been confirmed already: upload the file again.',
  expired: 'Import preview expired before it was confirmed: upload the file again.',
  stale:
    'Students of this school changed after the preview was made, so it may be wrong: ' +
    'upload the file again.',
}

/** Error raised when a stored preview cannot be committed. Its message gives staff the next step. */
export class ImportPreviewError extends Error {
  override name = 'ImportPreviewError'

  constructor(readonly code: ImportPreviewErrorCode) {
    super(previewMessages[code])
  }
}

export type PreviewSummary = ImportPreview['summary']

/** A stored preview without its rows, which are staged in import_preview_rows. */
export interface StoredPreview {
  id: string
  schoolId: number
  createdAt: string
  expiresAt: string
  fileName: string
  format: 'csv' | 'xlsx'
  fields: StudentField[]
  unknownColumns: string[]
  fileWarnings: string[]
  summary: PreviewSummary
  notInFileCount: number
  /** True when the file lists only some students, so no one is marked not in the latest import. */
  partial: boolean
  fingerprint: SchoolFingerprint
}

/** Counts and the file warnings, known once every row is staged. */
export type PreviewTotals = Pick<StoredPreview, 'fileWarnings' | 'summary' | 'notInFileCount'>

export async function savePreview(db: Kysely<Tables>, preview: StoredPreview): Promise<void> {
  const { fingerprint } = preview
  await db
    .insertInto('import_previews')
    .values({
      id: preview.id,
      school_id: preview.schoolId,
      created_at: preview.createdAt,
      expires_at: preview.expiresAt,
      file_name: preview.fileName,
      format: preview.format,
      fields: JSON.stringify(preview.fields),
      unknown_columns: JSON.stringify(preview.unknownColumns),
      file_warnings: JSON.stringify(preview.fileWarnings),
      partial: preview.partial ? 1 : 0,
      student_count: fingerprint.studentCount,
      version_sum: fingerprint.versionSum,
      max_student_id: fingerprint.maxStudentId,
    })
    .execute()
}

export async function saveTotals(db: Kysely<Tables>, id: string, totals: PreviewTotals) {
  const { summary } = totals
  await db
    .updateTable('import_previews')
    .set({
      file_warnings: JSON.stringify(totals.fileWarnings),
      new_count: summary.new,
      updated_count: summary.updated,
      unchanged_count: summary.unchanged,
      rejected_count: summary.rejected,
      warning_count: summary.warnings,
      not_in_file_count: totals.notInFileCount,
    })
    .where('id', '=', id)
    .execute()
}

/** Finds a preview of a school in scope, expired or not. */
export async function findPreview(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: string,
): Promise<StoredPreview | null> {
  if (schoolIds.length === 0) {
    return null
  }

  const row = await db
    .selectFrom('import_previews')
    .selectAll()
    .where('id', '=', id)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  return row ? toStoredPreview(row) : null
}

function toStoredPreview(row: Selectable<ImportPreviewTable>): StoredPreview {
  return {
    id: row.id,
    schoolId: row.school_id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    fileName: row.file_name,
    format: row.format as StoredPreview['format'],
    fields: JSON.parse(row.fields) as StudentField[],
    unknownColumns: JSON.parse(row.unknown_columns) as string[],
    fileWarnings: JSON.parse(row.file_warnings) as string[],
    summary: {
      new: row.new_count,
      updated: row.updated_count,
      unchanged: row.unchanged_count,
      rejected: row.rejected_count,
      warnings: row.warning_count,
    },
    notInFileCount: row.not_in_file_count,
    partial: row.partial === 1,
    fingerprint: {
      studentCount: row.student_count,
      versionSum: row.version_sum,
      maxStudentId: row.max_student_id,
    },
  }
}

export async function deletePreview(db: Kysely<Tables>, id: string): Promise<void> {
  await db.deleteFrom('import_previews').where('id', '=', id).execute()
}

/** Deletes expired previews. Their staged rows go with them through the cascading foreign key. */
export async function deleteExpiredPreviews(db: Kysely<Tables>, now: string): Promise<void> {
  await db.deleteFrom('import_previews').where('expires_at', '<=', now).execute()
}

export interface ImportRecord {
  schoolId: number
  fileName: string
  format: string
  startedAt: string
  committedAt: string
  summary: PreviewSummary
  notInFile: number
  partial: boolean
}

/** A committed import, as the result page shows it. */
export interface StoredImport extends ImportRecord {
  id: number
}

export async function insertImport(db: Kysely<Tables>, record: ImportRecord): Promise<number> {
  const { summary } = record
  const { id } = await db
    .insertInto('imports')
    .values({
      school_id: record.schoolId,
      file_name: record.fileName,
      format: record.format,
      started_at: record.startedAt,
      committed_at: record.committedAt,
      new_count: summary.new,
      updated_count: summary.updated,
      unchanged_count: summary.unchanged,
      rejected_count: summary.rejected,
      warning_count: summary.warnings,
      not_in_file_count: record.notInFile,
      partial: record.partial ? 1 : 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** Finds a committed import of a school in scope, or returns null. */
export async function findImport(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: number,
): Promise<StoredImport | null> {
  if (schoolIds.length === 0) {
    return null
  }

  const row = await db
    .selectFrom('imports')
    .selectAll()
    .where('id', '=', id)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    schoolId: row.school_id,
    fileName: row.file_name,
    format: row.format,
    startedAt: row.started_at,
    committedAt: row.committed_at,
    summary: {
      new: row.new_count,
      updated: row.updated_count,
      unchanged: row.unchanged_count,
      rejected: row.rejected_count,
      warnings: row.warning_count,
    },
    notInFile: row.not_in_file_count,
    partial: row.partial === 1,
  }
}
