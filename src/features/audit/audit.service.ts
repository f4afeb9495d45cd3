import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { Scope } from '../students/student.service.js'
import { insertAuditEvent, listAuditEvents } from './audit.repository.js'
import type { AuditQuery, StoredAuditEvent } from './audit.repository.js'

export function createAuditService(db: Kysely<Tables>) {
  return {
    /** Searches the audit trail of the caller's schools, newest first. */
    search: (scope: Scope, query: AuditQuery = {}): Promise<StoredAuditEvent[]> =>
      listAuditEvents(db, scope.schoolIds, query),

    /** Records that a person downloaded personal data that is not one student's record. */
    recordExport: (schoolId: number, actor: string, details: Record<string, unknown>) =>
      insertAuditEvent(db, {
        at: new Date().toISOString(),
        actor,
        action: 'data.export',
        schoolId,
        studentId: null,
        details,
      }),

    /** Records that a person saw a student's record outside the student service. */
    recordView: (student: { id: number; schoolId: number }, actor: string) =>
      insertAuditEvent(db, {
        at: new Date().toISOString(),
        actor,
        action: 'student.view',
        schoolId: student.schoolId,
        studentId: student.id,
        details: {},
      }),
  }
}

export type AuditService = ReturnType<typeof createAuditService>
