import type { Kysely } from 'kysely'

import type { Tables } from '../../../db/tables.js'
import { provisionOf } from '../../../domain/provision.js'
import type { ProvisionCode } from '../../../domain/types.js'
import type { ImportIssue } from '../../import/import.types.js'
import type { SpellIntent, SpellValues } from '../destination.repository.js'
import type { SpellFingerprint } from '../destination.fingerprint.js'
import type {
  CheckedDestinationRow,
  DestinationRowStatus,
  ImportStudent,
} from './destination-rows.js'
import { spellKey } from './destination-rows.js'

export interface DestinationPreviewSummary {
  new: number
  unchanged: number
  rejected: number
  warnings: number
  unknownColumns: string[]
  fileWarnings: string[]
}

export interface StoredDestinationPreview {
  id: string
  schoolId: number
  fileName: string
  format: 'csv' | 'xlsx'
  createdBy: string
  createdAt: string
  expiresAt: string
  fingerprint: SpellFingerprint
  summary: DestinationPreviewSummary
}

export interface StoredDestinationRow {
  position: number
  line: number
  upn: string | null
  studentId: number | null
  input: Record<string, string>
  spell: SpellValues | null
  status: DestinationRowStatus
  errors: ImportIssue[]
  warnings: ImportIssue[]
}

/** Lists the school's students that have a UPN, keyed by it. */
export async function loadStudentsByUpn(
  db: Kysely<Tables>,
  schoolId: number,
): Promise<Map<string, ImportStudent>> {
  const rows = await db
    .selectFrom('students')
    .select(['id', 'upn', 'date_of_birth', 'provision_code'])
    .where('school_id', '=', schoolId)
    .where('upn', 'is not', null)
    .execute()
  const students = new Map<string, ImportStudent>()
  for (const row of rows) {
    if (!row.upn) continue
    students.set(row.upn.toUpperCase(), {
      id: Number(row.id),
      upn: row.upn,
      dateOfBirth: row.date_of_birth,
      hasEhcPlan: provisionOf(row.provision_code as ProvisionCode) === 'E',
    })
  }
  return students
}

/** Lists the school's stored spells by `spellKey`, for the duplicate check. */
export async function loadSpellKeys(
  db: Kysely<Tables>,
  schoolId: number,
): Promise<Map<string, SpellValues>> {
  const rows = await db
    .selectFrom('destination_spells')
    .selectAll()
    .where('school_id', '=', schoolId)
    .execute()
  const spells = new Map<string, SpellValues>()
  for (const row of rows) {
    const values: SpellValues = {
      intent: row.intent as SpellIntent,
      type: row.type,
      startDate: row.start_date,
      endDate: row.end_date,
      hoursPerWeek: row.hours_per_week === null ? null : Number(row.hours_per_week),
      paid: row.paid === null ? null : Number(row.paid) === 1,
      provider: row.provider,
      checkedOn: row.checked_on,
      nccisCode: row.nccis_code,
      reason: row.reason,
    }
    spells.set(spellKey(Number(row.student_id), values), values)
  }
  return spells
}

export async function savePreview(
  db: Kysely<Tables>,
  preview: StoredDestinationPreview,
  rows: CheckedDestinationRow[],
): Promise<void> {
  await db
    .insertInto('destination_import_previews')
    .values({
      id: preview.id,
      school_id: preview.schoolId,
      file_name: preview.fileName,
      format: preview.format,
      created_by: preview.createdBy,
      created_at: preview.createdAt,
      expires_at: preview.expiresAt,
      fingerprint: JSON.stringify(preview.fingerprint),
      summary: JSON.stringify(preview.summary),
    })
    .execute()

  const BATCH = 200
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row, offset) => ({
      preview_id: preview.id,
      position: start + offset,
      line: row.line,
      upn: row.upn,
      student_id: row.studentId,
      // The status is kept with the cells, because an unchanged row has no spell and no errors.
      input: JSON.stringify({ cells: row.input, status: row.status }),
      spell: row.spell ? JSON.stringify(row.spell) : null,
      errors: JSON.stringify(row.errors),
      warnings: JSON.stringify(row.warnings),
    }))
    await db.insertInto('destination_import_rows').values(batch).execute()
  }
}

/** Finds a preview of one of the schools, expired or not. */
export async function findPreview(
  db: Kysely<Tables>,
  schoolIds: number[],
  id: string,
): Promise<StoredDestinationPreview | null> {
  if (schoolIds.length === 0) return null
  const row = await db
    .selectFrom('destination_import_previews')
    .selectAll()
    .where('id', '=', id)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    schoolId: Number(row.school_id),
    fileName: row.file_name,
    format: row.format === 'xlsx' ? 'xlsx' : 'csv',
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    fingerprint: JSON.parse(row.fingerprint) as SpellFingerprint,
    summary: JSON.parse(row.summary) as DestinationPreviewSummary,
  }
}

export async function listPreviewRows(
  db: Kysely<Tables>,
  previewId: string,
): Promise<StoredDestinationRow[]> {
  const rows = await db
    .selectFrom('destination_import_rows')
    .selectAll()
    .where('preview_id', '=', previewId)
    .orderBy('position')
    .execute()
  return rows.map((row) => {
    const input = JSON.parse(row.input) as {
      cells: Record<string, string>
      status: DestinationRowStatus
    }
    return {
      position: Number(row.position),
      line: Number(row.line),
      upn: row.upn,
      studentId: row.student_id === null ? null : Number(row.student_id),
      input: input.cells,
      spell: row.spell ? (JSON.parse(row.spell) as SpellValues) : null,
      status: input.status,
      errors: JSON.parse(row.errors) as ImportIssue[],
      warnings: JSON.parse(row.warnings) as ImportIssue[],
    }
  })
}

/** Deletes a preview and its rows. */
export async function deletePreview(db: Kysely<Tables>, id: string): Promise<void> {
  await db.deleteFrom('destination_import_rows').where('preview_id', '=', id).execute()
  await db.deleteFrom('destination_import_previews').where('id', '=', id).execute()
}

/** Deletes the previews that expired at or before `now`, with their rows. */
export async function deleteExpiredPreviews(db: Kysely<Tables>, now: string): Promise<void> {
  const expired = db
    .selectFrom('destination_import_previews')
    .select('id')
    .where('expires_at', '<=', now)
  await db.deleteFrom('destination_import_rows').where('preview_id', 'in', expired).execute()
  await db.deleteFrom('destination_import_previews').where('expires_at', '<=', now).execute()
}
