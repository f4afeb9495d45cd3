import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import type { AuditAction } from '../audit/audit.repository.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import { refreshStudentGroup } from '../students/student.groups.js'
import { findStudentById } from '../students/student.repository.js'
import type { StoredStudent } from '../students/student.repository.js'
import type { Scope, ServiceOptions } from '../students/student.service.js'
import { partChanges, targetsValue } from './plan.changes.js'
import type { FieldError } from './plan.dates.js'
import * as plans from './plan.repository.js'
import type { PartOwner, Stamp } from './plan.repository.js'
import type { PartKind, PlanDetail } from './plan.types.js'
import { validatePart, validateTargets } from './plan.validation.js'
import type { PartInputs, TargetChoiceInput, ValidationContext } from './plan.validation.js'

export type PlanWriteError =
  | { code: 'not_found'; message: string }
  | { code: 'invalid'; errors: FieldError[] }
  /** The plan changed since the version the caller read. `current` is the plan as stored now. */
  | { code: 'conflict'; message: string; current: PlanDetail }

export type PlanWriteResult =
  | { ok: true; value: { version: number; partId: number | null } }
  | { ok: false; error: PlanWriteError }

export const planServiceMessages = {
  studentNotFound: 'Student not found',
  partNotFound: (kind: PartKind) => `No such ${kind} in this plan`,
  conflict:
    'Someone else changed this plan after you opened it. Check their changes, then save again.',
}

export interface PlanServiceOptions extends ServiceOptions {
  /** Today's date in England, replaced in tests. Defaults to the date of `now`. */
  today?: () => string
}

/** The work of one write, run once the student, plan and version are checked. */
type Change = (
  trx: Kysely<Tables>,
  owner: PartOwner,
  stamp: Stamp,
) => Promise<{ partId: number | null; details: Record<string, { from: unknown; to: unknown }> }>

/**
 * The outcome of a write's checks: a change and its audit action, an error, or `unchanged` for an
 * edit that alters nothing, which leaves the version alone so it cannot conflict with anyone.
 */
type Prepared =
  | { ok: true; change: Change; action: AuditAction }
  | { ok: false; error: PlanWriteError }
  | 'unchanged'

export function createPlanService(db: Kysely<Tables>, options: PlanServiceOptions = {}) {
  const clock = options.now ?? (() => new Date())
  const today = options.today ?? (() => todayInEngland(clock()))

  async function loadDetail(trx: Kysely<Tables>, scope: Scope, studentId: number) {
    const student = await findStudentById(trx, scope.schoolIds, studentId)
    if (!student) return null
    const assignment = await refreshStudentGroup(trx, student)
    const plan = await plans.findPlan(trx, scope.schoolIds, studentId)
    return { student, assignment, plan }
  }

  function context(student: StoredStudent): ValidationContext {
    return { today: today(), student }
  }

  /**
   * Runs one write to a plan in a transaction. It finds the student in scope, rejects a stale
   * `version` and validates. Then it raises the version, creating the plan on the first save,
   * applies the change, and audits it with the version's old and new values.
   */
  async function write(
    scope: Scope,
    studentId: number,
    version: number,
    by: string,
    prepare: (detail: PlanDetail) => Prepared,
  ): Promise<PlanWriteResult> {
    return db.transaction().execute(async (trx): Promise<PlanWriteResult> => {
      const detail = await loadDetail(trx, scope, studentId)
      if (!detail) return notFound(planServiceMessages.studentNotFound)
      if (detail.plan.version !== version) return conflict(detail)

      const prepared = prepare(detail)
      if (prepared === 'unchanged') return { ok: true, value: { version, partId: null } }
      if (!prepared.ok) return { ok: false, error: prepared.error }

      const stamp = { by, now: clock().toISOString() }
      const planId = await claimVersion(trx, scope, detail, stamp)
      if (planId === null) {
        const current = await loadDetail(trx, scope, studentId)
        return current ? conflict(current) : notFound(planServiceMessages.studentNotFound)
      }

      const owner = { planId, schoolId: detail.student.schoolId, studentId }
      const { partId, details } = await prepared.change(trx, owner, stamp)
      await insertAuditEvent(trx, {
        at: stamp.now,
        actor: by,
        action: prepared.action,
        schoolId: owner.schoolId,
        studentId,
        details: { ...details, plan_version: { from: version, to: version + 1 } },
      })
      return { ok: true, value: { version: version + 1, partId } }
    })
  }

  /** Raises the plan's version, or creates the plan at version 1. Returns null on a conflict. */
  async function claimVersion(
    trx: Kysely<Tables>,
    scope: Scope,
    { student, plan }: PlanDetail,
    stamp: Stamp,
  ): Promise<number | null> {
    if (plan.id === null) return plans.insertPlan(trx, student, stamp)
    const raised = await plans.raiseVersion(trx, scope.schoolIds, plan.id, plan.version, stamp)
    return raised ? plan.id : null
  }

  return {
    /** Reads a student's plan with their group, or null when the student is not in scope. */
    getPlan: (scope: Scope, studentId: number): Promise<PlanDetail | null> =>
      db.transaction().execute((trx) => loadDetail(trx, scope, studentId)),

    /** Reads a plan for a person to see, and records the view in the audit trail. */
    viewPlan: (scope: Scope, studentId: number, by: string): Promise<PlanDetail | null> =>
      db.transaction().execute(async (trx) => {
        const detail = await loadDetail(trx, scope, studentId)
        if (!detail) return null
        await insertAuditEvent(trx, {
          at: clock().toISOString(),
          actor: by,
          action: 'student.view',
          schoolId: detail.student.schoolId,
          studentId,
          details: {},
        })
        return detail
      }),

    addPart: <K extends PartKind>(
      scope: Scope,
      studentId: number,
      kind: K,
      version: number,
      input: PartInputs[K],
      by: string,
    ) =>
      write(scope, studentId, version, by, (detail) => {
        const validated = validatePart(kind, input, context(detail.student))
        if (!validated.ok) return invalid(validated.errors)
        const change: Change = async (trx, owner, stamp) => {
          const partId = await plans.insertPart(trx, kind, owner, validated.values, stamp)
          return { partId, details: partChanges(kind, partId, null, validated.values) }
        }
        return { ok: true, change, action: `plan.${kind}.add` }
      }),

    editPart: <K extends PartKind>(
      scope: Scope,
      studentId: number,
      kind: K,
      partId: number,
      version: number,
      input: PartInputs[K],
      by: string,
    ) =>
      write(scope, studentId, version, by, (detail) => {
        const before = plans.findPart(detail.plan, kind, partId)
        if (!before) return notFound(planServiceMessages.partNotFound(kind))
        const storedKind = 'kind' in before ? { storedReviewKind: String(before.kind) } : {}
        const validated = validatePart(kind, input, { ...context(detail.student), ...storedKind })
        if (!validated.ok) return invalid(validated.errors)
        const details = partChanges(kind, partId, before, validated.values)
        if (Object.keys(details).length === 1) return 'unchanged'
        const change: Change = async (trx, owner, stamp) => {
          await plans.updatePart(trx, kind, owner.planId, partId, validated.values, stamp)
          return { partId, details }
        }
        return { ok: true, change, action: `plan.${kind}.edit` }
      }),

    removePart: (
      scope: Scope,
      studentId: number,
      kind: PartKind,
      partId: number,
      version: number,
      by: string,
    ) =>
      write(scope, studentId, version, by, (detail) => {
        const before = plans.findPart(detail.plan, kind, partId)
        if (!before) return notFound(planServiceMessages.partNotFound(kind))
        const change: Change = async (trx, owner) => {
          await plans.deletePart(trx, kind, owner.planId, partId)
          return { partId: null, details: partChanges(kind, partId, before, null) }
        }
        return { ok: true, change, action: `plan.${kind}.remove` }
      }),

    /** Replaces the ranked target outcomes with the rows of the targets form. */
    setTargets: (
      scope: Scope,
      studentId: number,
      version: number,
      choices: TargetChoiceInput[],
      by: string,
    ) =>
      write(scope, studentId, version, by, (detail) => {
        const validated = validateTargets(choices, {
          ...context(detail.student),
          storedTargets: detail.plan.targets,
        })
        if (!validated.ok) return invalid(validated.errors)
        const from = targetsValue(detail.plan)
        if (JSON.stringify(from) === JSON.stringify(validated.values)) return 'unchanged'
        const change: Change = async (trx, owner, stamp) => {
          await plans.replaceTargets(trx, owner, validated.values, stamp)
          return { partId: null, details: { targets: { from, to: validated.values } } }
        }
        return { ok: true, change, action: 'plan.targets.set' }
      }),
  }
}

function notFound(message: string): { ok: false; error: PlanWriteError } {
  return { ok: false, error: { code: 'not_found', message } }
}

function invalid(errors: FieldError[]): { ok: false; error: PlanWriteError } {
  return { ok: false, error: { code: 'invalid', errors } }
}

function conflict(current: PlanDetail): { ok: false; error: PlanWriteError } {
  return { ok: false, error: { code: 'conflict', message: planServiceMessages.conflict, current } }
}

export type PlanService = ReturnType<typeof createPlanService>
