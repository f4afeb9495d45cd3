import { z } from 'zod'

import { isValidIsoDate } from '../../domain/calendar.js'
import { parseUpn } from '../../domain/upn.js'
import { AUDIT_ACTIONS } from './audit.repository.js'
import type { AuditAction } from './audit.repository.js'

/** The filter fields of the audit search form, which the page keeps as typed. */
export const FILTER_FIELDS = ['student', 'actor', 'action', 'from', 'to'] as const
export type FilterValues = Record<(typeof FILTER_FIELDS)[number], string>

function quoted(value: unknown): string {
  return `"${String(value).slice(0, 100)}"`
}

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .transform((value) => (value === '' ? undefined : value))

// The trail starts with the product, so years outside these bounds are typing mistakes.
const FIRST_YEAR = 2000
const LAST_YEAR = 2199

const dateField = (label: string) =>
  optionalText(10, `Enter the ${label} date as YYYY-MM-DD, for example 2026-12-04`)
    .refine((value) => value === undefined || isValidIsoDate(value), {
      error: (issue) =>
        `${quoted(issue.input)} is not a real date in the form YYYY-MM-DD. ` +
        `Enter the ${label} date like 2026-12-04`,
    })
    .refine(
      (value) => {
        const year = Number(value?.slice(0, 4))
        return value === undefined || (year >= FIRST_YEAR && year <= LAST_YEAR)
      },
      {
        error: (issue) =>
          `${quoted(issue.input)} is outside the years ${FIRST_YEAR} to ${LAST_YEAR}. ` +
          `Enter the ${label} date like 2026-12-04, or leave it blank`,
      },
    )

/** The filters of the audit search, read from the query string. Every field may be blank. */
export const auditFilterSchema = z
  .object({
    student: optionalText(20, 'Enter a UPN (13 characters) or a student id (a number)').superRefine(
      (value, context) => {
        if (value === undefined || 'id' in studentFilterKind(value)) return
        const upn = parseUpn(value)
        if (upn.ok) return
        context.addIssue({
          code: 'custom',
          message: `${upn.error} Or enter the student id, the number at the end of the student page’s address.`,
        })
      },
    ),
    actor: optionalText(254, 'Enter an email address of at most 254 characters'),
    action: optionalText(60, 'Select an action from the list').refine(
      (value) => value === undefined || (AUDIT_ACTIONS as readonly string[]).includes(value),
      { error: (issue) => `${quoted(issue.input)} is not an action. Select one from the list` },
    ),
    from: dateField('from'),
    to: dateField('to'),
  })
  .superRefine((filters, context) => {
    if (filters.from && filters.to && filters.from > filters.to) {
      context.addIssue({
        code: 'custom',
        path: ['to'],
        message: `The to date ${filters.to} is before the from date ${filters.from}. Enter a to date on or after it`,
      })
    }
  })
  .transform((filters) => ({ ...filters, action: filters.action as AuditAction | undefined }))

export type AuditFilters = z.output<typeof auditFilterSchema>

/** The cursor of the "older events" link: the id of the last event on the page before. */
// Ids are 32-bit integers on PostgreSQL, so a larger cursor would make the query fail.
export const beforeSchema = z.coerce.number().int().positive().max(2_147_483_647)

/** Returns the form's fields as text, with blanks for fields it did not send. */
export function filterValues(query: unknown): FilterValues {
  const record = (query ?? {}) as Record<string, unknown>
  const values = {} as FilterValues
  for (const field of FILTER_FIELDS) {
    const value = record[field]
    values[field] = typeof value === 'string' ? value.slice(0, 1000) : ''
  }
  return values
}

/**
 * Reads the student filter: a number is a student id, which still finds the events of a student
 * no longer stored, and anything else is taken to be a UPN.
 */
export function studentFilterKind(value: string): { id: number } | { upn: string } {
  return /^\d{1,15}$/.test(value) ? { id: Number(value) } : { upn: value }
}
