import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

import { parseUpn } from '../../domain/upn.js'
import { fieldError, toFormErrors } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import type { StudentService } from '../students/student.service.js'
import { displayName } from '../students/students.view-model.js'
import { nextDate, formatUkTime, startOfUkDay } from './audit.dates.js'
import { auditFilterSchema, beforeSchema, filterValues, studentFilterKind } from './audit.form.js'
import type { AuditFilters, FilterValues } from './audit.form.js'
import { ACTION_LABELS, describeDetails } from './audit.labels.js'
import { AUDIT_ACTIONS } from './audit.repository.js'
import type { AuditQuery, StoredAuditEvent } from './audit.repository.js'
import type { AuditService } from './audit.service.js'

/** Events on one page of results. */
export const AUDIT_PAGE_SIZE = 100

const actionOptions = AUDIT_ACTIONS.map((action) => ({
  value: action,
  text: ACTION_LABELS[action],
}))

type Services = { audit: AuditService; students: StudentService }

/** Registers the page where admins search the audit trail of their schools. */
export async function registerAuditRoutes(app: FastifyInstance, services: Services) {
  app.get('/admin/audit', { config: { access: 'audit.search' } }, async (request, reply) => {
    const values = filterValues(request.query)
    const parsed = auditFilterSchema.safeParse(values)
    if (!parsed.success) return renderPage(reply, values, { errors: toFormErrors(parsed.error) })

    const query = await toQuery(services, request, parsed.data)
    if ('errors' in query) return renderPage(reply, values, query)

    const found = await services.audit.search(requestScope(request), query)
    await recordSearch(services, request, values, query)
    const events = found.slice(0, AUDIT_PAGE_SIZE)
    const last = events.at(-1)
    return renderPage(reply, values, {
      ...(await toRows(services, request, events)),
      olderHref: found.length > AUDIT_PAGE_SIZE && last ? pageHref(values, last.id) : null,
      newestHref: query.beforeId !== undefined ? pageHref(values) : null,
    })
  })
}

interface PageContent {
  errors?: FormErrors
  rows?: Awaited<ReturnType<typeof toRows>>['rows']
  showSchool?: boolean
  olderHref?: string | null
  newestHref?: string | null
}

function renderPage(reply: FastifyReply, values: FilterValues, content: PageContent) {
  return reply.status(content.errors ? 400 : 200).view('audit/views/search.njk', {
    pageTitle: 'Audit trail',
    values,
    actionOptions,
    ...content,
  })
}

/** Builds the repository query, resolving a UPN to the students that have it in scope. */
async function toQuery(
  services: Services,
  request: FastifyRequest,
  filters: AuditFilters,
): Promise<AuditQuery | { errors: FormErrors }> {
  const before = beforeSchema.safeParse((request.query as Record<string, unknown>).before)
  const query: AuditQuery = {
    actor: filters.actor?.includes('@') ? filters.actor.toLowerCase() : filters.actor,
    action: filters.action,
    // The page's dates are whole UK days, and "to" includes its own day.
    from: filters.from === undefined ? undefined : startOfUkDay(filters.from),
    to: filters.to === undefined ? undefined : startOfUkDay(nextDate(filters.to)),
    beforeId: before.success ? before.data : undefined,
    limit: AUDIT_PAGE_SIZE + 1,
  }
  if (filters.student === undefined) return query

  const student = studentFilterKind(filters.student)
  if ('id' in student) return { ...query, studentIds: [student.id] }
  // The schema has checked the UPN, so this only normalises it (spaces, lower case).
  const upn = parseUpn(student.upn)
  if (!upn.ok) return { errors: fieldError('student', upn.error) }
  const studentIds = await services.audit.studentIdsWithUpn(requestScope(request), upn.value.upn)
  if (studentIds.length === 0) {
    const message =
      `No student at your schools has the UPN ${upn.value.upn}. Check it, or enter the student ` +
      'id to find the events of a student who is no longer stored.'
    return { errors: fieldError('student', message) }
  }
  return { ...query, studentIds }
}

/**
 * Records the search in the trail. The student filter's value (a UPN) is not stored as typed:
 * the event names the student by id instead, so it goes with their record when it is erased.
 */
async function recordSearch(
  services: Services,
  request: FastifyRequest,
  values: FilterValues,
  query: AuditQuery,
) {
  const { student, ...rest } = typedFilters(values)
  const details = student === undefined ? rest : { ...rest, student: 'one student' }
  const [only] = query.studentIds?.length === 1 ? query.studentIds : []
  const stored =
    only === undefined
      ? []
      : await services.audit.studentsStillPresent(requestScope(request), [only])
  const about = { studentId: only ?? null, schoolId: stored[0]?.schoolId ?? null }
  await services.audit.recordSearch(details, requestUserName(request), about)
}

/** Returns the filters the person typed, without blanks, for the audit event of the search itself. */
function typedFilters(values: FilterValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .map(([field, value]) => [field, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  )
}

function pageHref(values: FilterValues, beforeId?: number): string {
  const params = new URLSearchParams(typedFilters(values))
  if (beforeId !== undefined) params.set('before', String(beforeId))
  return `/admin/audit?${params.toString()}`
}

async function toRows(services: Services, request: FastifyRequest, events: StoredAuditEvent[]) {
  const scope = requestScope(request)
  const studentIds = events.flatMap((event) => (event.studentId === null ? [] : [event.studentId]))
  const present = await services.audit.studentsStillPresent(scope, studentIds)
  const students = new Map(present.map((student) => [student.id, student]))
  const schools = new Map(
    (await services.students.listSchools(scope)).map((school) => [school.id, school.name]),
  )

  const rows = events.map((event) => {
    const student = event.studentId === null ? undefined : students.get(event.studentId)
    return {
      id: event.id,
      at: event.at,
      when: formatUkTime(event.at),
      actor: event.actor,
      action: ACTION_LABELS[event.action] ?? event.action,
      schoolName: event.schoolId === null ? null : (schools.get(event.schoolId) ?? null),
      studentId: event.studentId,
      student: student ? { href: `/students/${student.id}`, name: displayName(student) } : null,
      details: describeDetails(event.details),
    }
  })
  return { rows, showSchool: schools.size > 1 }
}
