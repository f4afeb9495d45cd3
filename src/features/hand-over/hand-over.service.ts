import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import type { Scope } from '../students/student.service.js'
import { createStudentService } from '../students/student.service.js'
import { loadHandOverRecords } from './hand-over.repository.js'
import { handOverPack } from './hand-over.view-model.js'
import type { HandOverPack } from './hand-over.view-model.js'

/** The format a pack was opened in: the print-ready page or the PDF download. */
export type HandOverFormat = 'html' | 'pdf'

export interface HandOverServiceOptions {
  /** The clock, replaced in tests. */
  now?: () => Date
}

export function createHandOverService(db: Kysely<Tables>, options: HandOverServiceOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))()
  const students = createStudentService(db, options)

  return {
    /**
     * Builds a student's hand-over pack and records in the audit trail who opened it and in which
     * format. Returns null when the student is not in the schools in scope.
     */
    openPack: async (
      scope: Scope,
      studentId: number,
      by: string,
      format: HandOverFormat,
    ): Promise<HandOverPack | null> => {
      const detail = await students.getStudent(scope, studentId)
      if (!detail) return null

      return db.transaction().execute(async (trx) => {
        const records = await loadHandOverRecords(trx, scope.schoolIds, studentId)
        const at = now()
        await insertAuditEvent(trx, {
          at: at.toISOString(),
          actor: by,
          action: 'student.hand_over',
          schoolId: detail.student.schoolId,
          studentId,
          details: { format },
        })
        return handOverPack(detail, records, todayInEngland(at))
      })
    },
  }
}

export type HandOverService = ReturnType<typeof createHandOverService>
