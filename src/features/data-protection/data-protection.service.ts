import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import type { ServiceOptions } from '../students/student.service.js'
import { createErasureService } from './erasure.service.js'
import { createLeavingService } from './leaving.service.js'
import { createRetentionService } from './retention.service.js'
import { createSubjectAccessService } from './subject-access.service.js'
import { findStudentRow } from './student-records.repository.js'
import type { Scope } from '../students/student.service.js'

/** Leaving dates, subject access, erasure and retention: the data protection work of an admin. */
export function createDataProtectionService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const retention = createRetentionService(db, options)
  return {
    ...createLeavingService(db, options),
    ...createSubjectAccessService(db, options),
    ...createErasureService(db, options),
    planRetention: retention.plan,
    applyRetention: retention.apply,

    /** Reads a student's stored row in scope, for the confirmation pages; null when out of scope. */
    findStudentRow: (scope: Scope, id: number) => findStudentRow(db, scope.schoolIds, id),
  }
}

export type DataProtectionService = ReturnType<typeof createDataProtectionService>
