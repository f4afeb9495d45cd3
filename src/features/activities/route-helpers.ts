import type { FastifyRequest } from 'fastify'
import { z } from 'zod'

import { checkActivityFields } from '../../domain/careers-activities.js'
import { NotFoundError } from '../../web/errors.js'
import type { Problem } from './activity.js'
import { toActivityFields } from './activity.js'
import type { ActivityInput } from './activity.js'

import type { Permission } from '../accounts/permissions.js'
import { todayInEngland } from '../eligibility/reference-date.js'

/** Viewing activities needs the permission to see students; every change needs plans.edit. */
export const VIEW_ACCESS: Permission = 'students.view'
export const EDIT_ACCESS: Permission = 'plans.edit'

// Decimal digits only, so `0x10` or `1e2` in an address is a missing page, not record 16 or 100.
const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)

/** Reads a whole-number id from the address, raising NotFoundError for anything else. */
export function idParam(value: string | undefined, record: 'Activity' | 'Student'): number {
  const parsed = idSchema.safeParse(value)
  if (!parsed.success) throw new NotFoundError(`${record} not found`)
  return parsed.data
}

/**
 * Reads the version a form carries. A missing or malformed one reads as 0, which no record has,
 * so the save is rejected as a conflict and the form comes back with the stored version.
 */
export function versionField(value: string): number {
  return /^\d{1,10}$/.test(value) ? Number(value) : 0
}

export type ActivityRequest = FastifyRequest<{ Params: { id: string } }>
export type ParticipantRequest = FastifyRequest<{ Params: { id: string; studentId: string } }>

/** Today's date in UTC, the day the date bounds are counted from. */
export function today(): string {
  return todayInEngland()
}

/**
 * Combines the problems of a form whose date boxes could not make a date: the date's own problem
 * in place of the service's, then every other field's.
 */
export function withDateProblem(problems: Problem[], dateProblem: Problem | null): Problem[] {
  if (!dateProblem) return problems
  return [dateProblem, ...problems.filter((problem) => problem.field !== 'heldOn')]
}

/** Checks the shared fields without the service, for a form the service cannot take yet. */
export function fieldProblems(input: ActivityInput, dateProblem: Problem | null): Problem[] {
  return withDateProblem(checkActivityFields(toActivityFields(input), today()), dateProblem)
}
