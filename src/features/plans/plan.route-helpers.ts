// Helpers the plan routes share: their permissions, the ids in an address, the version a form
// carries, the planning year, and the choices each form lists.
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'

import {
  ACTION_STATUSES,
  GATHERED_HOW,
  GOAL_STATUSES,
  PFA_AREAS,
  REVIEW_KINDS,
} from '../../domain/plan.js'
import { NotFoundError } from '../../web/errors.js'
import { fieldError } from '../../web/form-errors.js'
import type { Permission } from '../accounts/permissions.js'
import { resolveReferenceDate } from '../eligibility/reference-date.js'
import type { PlanService } from './plan.service.js'

export const PLAN_VIEW_ACCESS: Permission = 'students.view'
export const PLAN_EDIT_ACCESS: Permission = 'plans.edit'

export interface PlanRouteServices {
  plans: PlanService
}

export type PlanRequest = FastifyRequest<{ Params: { id: string; partId?: string } }>

// Decimal digits only, as on the student page, so `0x10` in an address is a missing page.
const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)

/** Reads the student id of the address, raising NotFoundError for anything but a whole number. */
export function studentIdOf(request: PlanRequest): number {
  const parsed = idSchema.safeParse(request.params.id)
  if (!parsed.success) throw new NotFoundError('Student not found')
  return parsed.data
}

export function partIdOf(request: PlanRequest): number {
  const parsed = idSchema.safeParse(request.params.partId)
  if (!parsed.success) throw new NotFoundError('Not found in this plan')
  return parsed.data
}

export function bodyOf(request: FastifyRequest): Record<string, unknown> {
  const body = request.body
  return body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
}

/**
 * Reads the plan version the form was opened at. A missing or altered value reads as -1, which
 * matches no plan, so the write is rejected as a conflict and the form shows the current plan.
 */
export function versionOf(body: Record<string, unknown>): number {
  const value = typeof body.version === 'string' ? body.version.trim() : ''
  return /^(0|[1-9][0-9]{0,9})$/.test(value) ? Number(value) : -1
}

/**
 * Chooses the planning year whose 31 August dates a target with no planned start. An invalid
 * year in the address is reported, and the next academic year is used in its place.
 */
export function planningYearOf(year: string | undefined) {
  const chosen = resolveReferenceDate({ year: year?.trim() || undefined })
  if (chosen.ok) return { planningYear: chosen.value, yearErrors: undefined }

  const fallback = resolveReferenceDate({})
  if (!fallback.ok) throw new Error(`The default planning year failed: ${fallback.error}`)
  return { planningYear: fallback.value, yearErrors: fieldError('year', chosen.error) }
}

function optionsOf(vocabulary: Record<string, string>) {
  return Object.entries(vocabulary).map(([value, text]) => ({ value, text }))
}

/** The choices of the plan forms, as `{ value, text }` items for the govuk macros. */
export const PLAN_OPTIONS = {
  gatheredHow: optionsOf(GATHERED_HOW),
  areas: optionsOf(PFA_AREAS),
  goalStatuses: optionsOf(GOAL_STATUSES),
  actionStatuses: optionsOf(ACTION_STATUSES),
  reviewKinds: optionsOf(REVIEW_KINDS),
}
