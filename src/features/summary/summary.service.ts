import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { resolveReferenceDate, todayInEngland } from '../eligibility/reference-date.js'
import { loadHandOverRecords } from '../hand-over/hand-over.repository.js'
import { createPlanService } from '../plans/plan.service.js'
import type { Scope } from '../students/student.service.js'
import { studentSummary } from './summary.view-model.js'
import type { StudentSummary } from './summary.view-model.js'

export interface SummaryServiceOptions {
  /** The clock, replaced in tests. */
  now?: () => Date
}

export function createSummaryService(db: Kysely<Tables>, options: SummaryServiceOptions = {}) {
  const now = () => (options.now ?? (() => new Date()))()
  const plans = createPlanService(db, { now })

  return {
    /**
     * Builds a student's one-page summary and records a view of the student in the audit trail.
     * Returns null when the student is not in the schools in scope.
     */
    openSummary: async (scope: Scope, studentId: number, by: string) => {
      const detail = await plans.viewPlan(scope, studentId, by)
      if (!detail) return null

      const records = await loadHandOverRecords(db, scope.schoolIds, studentId)
      const today = todayInEngland(now())
      const planningYear = resolveReferenceDate({}, today)
      if (!planningYear.ok) throw new Error(`No planning year for ${today}: ${planningYear.error}`)
      return studentSummary(detail, records, planningYear.value, today) satisfies StudentSummary
    },
  }
}

export type SummaryService = ReturnType<typeof createSummaryService>
