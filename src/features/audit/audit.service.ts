import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { Scope } from '../students/student.service.js'
import { findStudentsByIds, findStudentsByUpn } from '../students/student.repository.js'
import type { StoredStudent } from '../students/student.repository.js'
import { insertAuditEvent, listAuditEvents } from './audit.repository.js'
import type { AuditQuery, StoredAuditEvent } from './audit.repository.js'

/** The filters of one search as the person typed them, for the audit trail of searches. */
export type SearchFilters = Partial<Record<'student' | 'actor' | 'action' | 'from' | 'to', string>>

export function createAuditService(db: Kysely<Tables>) {
  return {
    /**
     * Searches the audit trail of the caller's schools, newest first. Events with no school are
     * included when their actor, or the user they are about, holds a role at one of the schools.
     */
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

    /** Records that a person searched the trail, with the filters they typed and nothing more. */
    /**
     * Records a search of the trail. A search for one student is recorded against that student
     * and their school, so it is seen only there and an erasure redacts it with the rest.
     */
    recordSearch: (
      filters: SearchFilters,
      actor: string,
      about: { studentId: number | null; schoolId: number | null } = {
        studentId: null,
        schoolId: null,
      },
    ) =>
      insertAuditEvent(db, {
        at: new Date().toISOString(),
        actor,
        action: 'audit.search',
        schoolId: about.schoolId,
        studentId: about.studentId,
        details: filters,
      }),

    /** Finds the students with these ids that are still stored in the caller's schools. */
    studentsStillPresent: (scope: Scope, ids: number[]): Promise<StoredStudent[]> =>
      findStudentsByIds(db, scope.schoolIds, [...new Set(ids)]),

    /** Finds the ids of the students with this UPN in the caller's schools, one per school that lists them. */
    studentIdsWithUpn: async (scope: Scope, upn: string): Promise<number[]> =>
      (await findStudentsByUpn(db, scope.schoolIds, upn)).map((student) => student.id),

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
