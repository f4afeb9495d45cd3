import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import type { FormErrors } from '../../web/form-errors.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import { createPlanService } from '../plans/plan.service.js'
import type { PlanDetail } from '../plans/plan.types.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import { myFutureMessages, validateAnswers } from './my-future.forms.js'
import type { MyFutureAnswers } from './my-future.forms.js'
import { findSettings, saveSettings } from './my-future.repository.js'
import type { MyFutureSettings } from './my-future.types.js'
import { myFuturePage } from './my-future.view-model.js'
import type { MyFuturePage } from './my-future.view-model.js'

export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; code: 'not_found' }
  | { ok: false; code: 'invalid'; errors: FormErrors }
  /** Another save came first. `version` is the one stored now, for the form to carry. */
  | { ok: false; code: 'conflict'; errors: FormErrors; version: number }

/** A student's plan with the page's settings: what the edit form needs. */
export interface MyFutureDetail {
  detail: PlanDetail
  settings: MyFutureSettings
}

export function createMyFutureService(db: Kysely<Tables>, options: ServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())
  const plans = createPlanService(db, { now: clock })

  return {
    /**
     * Builds a student's "My future" page and records a view of the student in the audit trail.
     * Returns it with the student's school, or null when the student is not in the schools in scope.
     */
    openPage: async (
      scope: Scope,
      studentId: number,
      by: string,
    ): Promise<{ page: MyFuturePage; schoolId: number } | null> => {
      const detail = await plans.viewPlan(scope, studentId, by)
      if (!detail) return null
      const settings = await findSettings(db, scope.schoolIds, studentId)
      return { page: myFuturePage(detail, settings), schoolId: detail.student.schoolId }
    },

    /** Reads the plan and the page's settings, or null when the student is not in scope. */
    getSettings: async (scope: Scope, studentId: number): Promise<MyFutureDetail | null> => {
      const detail = await plans.getPlan(scope, studentId)
      if (!detail) return null
      return { detail, settings: await findSettings(db, scope.schoolIds, studentId) }
    },

    /**
     * Checks the form's answers against the plan as stored now and saves them, when the stored
     * settings are still at `version`, with an audit event of what changed.
     */
    saveSettings: async (
      scope: Scope,
      studentId: number,
      version: number,
      answers: MyFutureAnswers,
      by: string,
    ): Promise<SaveResult> => {
      const detail = await plans.getPlan(scope, studentId)
      if (!detail) return { ok: false, code: 'not_found' }

      return db.transaction().execute(async (trx): Promise<SaveResult> => {
        const stored = await findSettings(trx, scope.schoolIds, studentId)
        if (stored.version !== version) return conflict(stored.version)
        const validated = validateAnswers(answers, detail, stored)
        if (!validated.ok) return { ok: false, code: 'invalid', errors: validated.errors }

        const now = clock().toISOString()
        const owner = { schoolId: detail.student.schoolId, studentId }
        const saved = await saveSettings(trx, owner, version, validated.settings, { by, now })
        if (!saved) return conflict((await findSettings(trx, scope.schoolIds, studentId)).version)

        await insertAuditEvent(trx, {
          at: now,
          actor: by,
          action: 'plan.my_future.set',
          schoolId: owner.schoolId,
          studentId,
          details: changesOf(stored, validated.settings, version),
        })
        return { ok: true, version: version + 1 }
      })
    },
  }
}

function conflict(version: number): SaveResult {
  const errors = {
    list: [{ href: '#current-values', text: myFutureMessages.conflict }],
    byField: {},
  }
  return { ok: false, code: 'conflict', errors, version }
}

/** Lists each setting that changed, with its old and new values, and the version. */
function changesOf(
  before: MyFutureSettings,
  after: Omit<MyFutureSettings, 'version'>,
  version: number,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {}
  if (before.aboutMe !== after.aboutMe)
    changes.about_me = { from: before.aboutMe, to: after.aboutMe }
  if (before.likes !== after.likes) changes.likes = { from: before.likes, to: after.likes }
  if (JSON.stringify(before.helpers) !== JSON.stringify(after.helpers))
    changes.helpers = { from: before.helpers, to: after.helpers }
  if (JSON.stringify(before.choices) !== JSON.stringify(after.choices))
    changes.choices = { from: before.choices, to: after.choices }
  changes.version = { from: version, to: version + 1 }
  return changes
}

export type MyFutureService = ReturnType<typeof createMyFutureService>
