import { randomUUID } from 'node:crypto'

import type { Kysely } from 'kysely'

import type { Tables } from '../../../db/tables.js'
import { insertAuditEvent } from '../../audit/audit.repository.js'
import { PREVIEW_LIFETIME_MS } from '../../import/import.service.js'
import type { RegisterSource } from '../../import/read-file.js'
import { lockSchool, listSchools } from '../../students/school.repository.js'
import type { Scope, ServiceOptions } from '../../students/student.service.js'
import { spellChanges } from '../destination.check.js'
import { readSpellFingerprint, sameSpellFingerprint } from '../destination.fingerprint.js'
import { insertSpell } from '../destination.repository.js'
import { readDestinationFile } from './destination-file.js'
import * as previews from './destination-import.repository.js'
import type {
  StoredDestinationPreview,
  StoredDestinationRow,
} from './destination-import.repository.js'
import { checkDestinationRow, checkRepeats } from './destination-rows.js'
import { todayInEngland } from '../../eligibility/reference-date.js'

export type DestinationPreviewErrorCode = 'not_found' | 'expired' | 'stale'

const previewMessages: Record<DestinationPreviewErrorCode, string> = {
  not_found:
    'Destinations preview not found. It may have been imported or cancelled already: upload the file again.',
  expired: 'Destinations preview expired before it was imported: upload the file again.',
  stale:
    'Destinations of this school changed after the preview was made, so it may be wrong: upload the file again.',
}

/** Raised when a stored preview cannot be read or committed. Its message gives the next step. */
export class DestinationPreviewError extends Error {
  override name = 'DestinationPreviewError'

  constructor(readonly code: DestinationPreviewErrorCode) {
    super(previewMessages[code])
  }
}

export interface DestinationPreview extends StoredDestinationPreview {
  rows: StoredDestinationRow[]
}

export interface DestinationImportOptions extends ServiceOptions {
  previewLifetimeMs?: number
}

export function createDestinationImportService(
  db: Kysely<Tables>,
  options: DestinationImportOptions = {},
) {
  const clock = options.now ?? (() => new Date())
  const lifetime = options.previewLifetimeMs ?? PREVIEW_LIFETIME_MS

  /**
   * Reads and checks a destinations file and stores the preview for `commit`. Rejects with
   * ImportFileError when the file cannot be read.
   */
  async function previewFile(
    schoolId: number,
    source: RegisterSource,
    { maxBytes, by }: { maxBytes: number; by: string },
  ): Promise<DestinationPreview> {
    if ((await listSchools(db, [schoolId])).length === 0) {
      throw new Error(`School ${schoolId} not found: create the school before importing`)
    }
    const file = await readDestinationFile(source, { maxBytes })
    const created = clock()
    const context = {
      studentsByUpn: await previews.loadStudentsByUpn(db, schoolId),
      storedSpells: await previews.loadSpellKeys(db, schoolId),
      today: todayInEngland(created),
    }
    const rows = file.rows.map((row) => checkDestinationRow(row, context))
    checkRepeats(rows)

    const count = (status: string) => rows.filter((row) => row.status === status).length
    const preview: StoredDestinationPreview = {
      id: randomUUID(),
      schoolId,
      fileName: source.fileName,
      format: file.format,
      createdBy: by,
      createdAt: created.toISOString(),
      expiresAt: new Date(created.getTime() + lifetime).toISOString(),
      fingerprint: await readSpellFingerprint(db, schoolId),
      summary: {
        new: count('new'),
        unchanged: count('unchanged'),
        rejected: count('rejected'),
        warnings: rows.filter((row) => row.warnings.length > 0).length,
        unknownColumns: file.unknownColumns,
        fileWarnings: file.warnings,
      },
    }
    await db.transaction().execute(async (trx) => {
      await previews.deleteExpiredPreviews(trx, preview.createdAt)
      await previews.savePreview(trx, preview, rows)
    })
    return { ...preview, rows: await previews.listPreviewRows(db, preview.id) }
  }

  async function findLive(previewId: string, scope: Scope | undefined, trx = db) {
    const schoolIds = scope?.schoolIds ?? (await listSchools(trx, 'all')).map((school) => school.id)
    const stored = await previews.findPreview(trx, schoolIds, previewId)
    if (!stored) throw new DestinationPreviewError('not_found')
    if (stored.expiresAt <= clock().toISOString()) throw new DestinationPreviewError('expired')
    return stored
  }

  /** Reads a preview in scope with its rows. Rejects with DestinationPreviewError. */
  async function getPreview(previewId: string, scope?: Scope): Promise<DestinationPreview> {
    const stored = await findLive(previewId, scope)
    return { ...stored, rows: await previews.listPreviewRows(db, previewId) }
  }

  /**
   * Writes every new row of a preview in one transaction, or none. Rejects with a stale error
   * when the school's spells changed since the preview was made.
   */
  async function commit(previewId: string, scope: Scope | undefined, by: string) {
    return db.transaction().execute(async (trx) => {
      const stored = await findLive(previewId, scope, trx)
      await lockSchool(trx, stored.schoolId)
      const current = await readSpellFingerprint(trx, stored.schoolId)
      if (!sameSpellFingerprint(current, stored.fingerprint)) {
        throw new DestinationPreviewError('stale')
      }

      const now = clock().toISOString()
      const rows = await previews.listPreviewRows(trx, previewId)
      let written = 0
      for (const row of rows) {
        if (row.status !== 'new' || !row.spell || row.studentId === null) continue
        const owner = { schoolId: stored.schoolId, studentId: row.studentId }
        const spellId = await insertSpell(trx, owner, row.spell, { by, at: now })
        await insertAuditEvent(trx, {
          at: now,
          actor: by,
          action: 'destination.import',
          schoolId: stored.schoolId,
          studentId: row.studentId,
          details: { spell_id: spellId, ...spellChanges(null, row.spell) },
        })
        written += 1
      }
      await previews.deletePreview(trx, previewId)
      return { schoolId: stored.schoolId, written, summary: stored.summary }
    })
  }

  /** Deletes a preview without writing it. A preview outside scope is reported as not found. */
  async function cancel(previewId: string, scope?: Scope): Promise<void> {
    const schoolIds = scope?.schoolIds ?? (await listSchools(db, 'all')).map((school) => school.id)
    const stored = await previews.findPreview(db, schoolIds, previewId)
    if (!stored) throw new DestinationPreviewError('not_found')
    await previews.deletePreview(db, previewId)
  }

  return { previewFile, getPreview, commit, cancel }
}

export type DestinationImportService = ReturnType<typeof createDestinationImportService>
