import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { STUDENT_BENCHMARKS } from '../../domain/careers-activities.js'
import { formatLongDate } from '../../domain/format.js'
import { NotFoundError } from '../../web/errors.js'
import { fieldError } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestCan, requestScope, requestUserName } from '../../web/scope.js'
import type { Scope } from '../students/student.service.js'
import {
  activitySummary,
  benchmarkOptions,
  coverageTable,
  kindLabel,
  yearGroupText,
} from './activities.view-model.js'
import {
  emptyAnswers,
  inFormOrder,
  problemsToErrors,
  readActivityInput,
  readAnswers,
  readChoice,
} from './activity.form.js'
import type { ActivityAnswers } from './activity.form.js'
import { registerActivityRoutes } from './activity.routes.js'
import type { ActivityService } from './activity.service.js'
import { activityFormContext, readFind } from './activity.form-view.js'
import { EDIT_ACCESS, fieldProblems, today, VIEW_ACCESS, withDateProblem } from './route-helpers.js'
import { registerStudentActivityRoutes } from './student-activities.routes.js'

const listQuerySchema = z.object({
  school: z.coerce.number().int().positive().optional().catch(undefined),
  benchmark: z.coerce
    .number()
    .int()
    .refine((value) => (STUDENT_BENCHMARKS as readonly number[]).includes(value))
    .optional()
    .catch(undefined),
  year: z
    .string()
    .trim()
    .regex(/^(R|X|\d{1,2})$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().positive().max(100_000).optional().catch(undefined),
  /** Set by the redirect after a delete: the number of students the activity was recorded for. */
  deleted: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
})

function deletedMessage(count: number | undefined): string | undefined {
  if (count === undefined) return undefined
  const students = `${count} ${count === 1 ? 'student' : 'students'}`
  return `Activity deleted. It was removed from the record of ${students}.`
}

const newQuerySchema = z.object({
  school: z.coerce.number().int().positive().optional().catch(undefined),
  /** A student to tick at the start, from the button on their activities page. */
  student: z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined),
})

/** Picks the school a page is about: the requested one when in scope, else the first. */
function chosenSchool(scope: Scope, requested: number | undefined): number | undefined {
  if (requested !== undefined && scope.schoolIds.includes(requested)) return requested
  return scope.schoolIds[0]
}

function pageHref(query: z.infer<typeof listQuerySchema>, page: number): string {
  const params = new URLSearchParams()
  if (query.school !== undefined) params.set('school', String(query.school))
  if (query.benchmark !== undefined) params.set('benchmark', String(query.benchmark))
  if (query.year !== undefined) params.set('year', query.year)
  params.set('page', String(page))
  return `/activities?${params.toString()}`
}

/** Registers the activities list, the form that records one, and every page of one activity. */
export async function registerActivitiesRoutes(app: FastifyInstance, activities: ActivityService) {
  app.get('/activities', { config: { access: VIEW_ACCESS } }, async (request, reply) => {
    const query = listQuerySchema.parse(request.query ?? {})
    const scope = requestScope(request)
    const schools = await activities.listSchools(scope)
    const schoolId = chosenSchool(scope, query.school)
    if (schoolId === undefined)
      throw new Error('A signed-in user with this permission has a school')

    const listed = await activities.listActivities(scope, {
      schoolId,
      benchmark: query.benchmark,
      yearGroup: query.year,
      page: query.page,
    })
    const coverage = await activities.cohortCoverage(scope, schoolId)
    const pageCount = Math.ceil(listed.total / listed.pageSize)
    return reply.view('activities/views/list.njk', {
      pageTitle: 'Careers activities',
      deletedMessage: deletedMessage(query.deleted),
      schoolId,
      schools: schools.map((school) => ({ value: school.id, text: school.name })),
      query,
      benchmarkOptions: benchmarkOptions(today()),
      yearOptions: coverage
        .filter((row) => row.yearGroup !== null)
        .map((row) => ({ value: row.yearGroup ?? '', text: yearGroupText(row.yearGroup) })),
      coverage: coverageTable(coverage),
      benchmarks: STUDENT_BENCHMARKS,
      canEdit: requestCan(request, EDIT_ACCESS, schoolId),
      total: listed.total,
      rows: listed.items.map((item) => ({
        id: item.id,
        title: item.title,
        kind: kindLabel(item.kind),
        heldOn: formatLongDate(item.heldOn),
        planned: item.planned,
        benchmark: activitySummary(item).benchmark,
        students: item.studentCount,
      })),
      pagination:
        pageCount > 1
          ? {
              previous: listed.page > 1 ? { href: pageHref(query, listed.page - 1) } : undefined,
              next:
                listed.page < pageCount ? { href: pageHref(query, listed.page + 1) } : undefined,
              items: Array.from({ length: pageCount }, (_, index) => ({
                number: index + 1,
                href: pageHref(query, index + 1),
                current: index + 1 === listed.page,
              })),
            }
          : null,
    })
  })

  async function renderSchoolChoice(
    request: FastifyRequest,
    reply: FastifyReply,
    errors?: FormErrors,
  ) {
    const schools = await activities.listSchools(requestScope(request))
    return reply.status(errors ? 400 : 200).view('activities/views/choose-school.njk', {
      pageTitle: 'Which school is the activity at?',
      schools: schools.map((school) => ({ value: school.id, text: school.name })),
      errors,
    })
  }

  async function renderNewForm(
    request: FastifyRequest,
    reply: FastifyReply,
    schoolId: number,
    form: {
      answers?: ActivityAnswers
      errors?: FormErrors
      find?: string
      filtered?: boolean
      student?: number
    },
  ) {
    const scope = requestScope(request)
    const options = await activities.chooserOptions(scope, schoolId)
    let answers = form.answers ?? emptyAnswers(String(schoolId))
    if (form.student !== undefined) {
      // Only a current student of this school, in the user's scope, can be ticked at the start.
      if (!options.students.some((student) => student.id === form.student)) {
        throw new NotFoundError('Student not found')
      }
      answers = { ...answers, chooser: 'students', students: [String(form.student)] }
    }
    const school = (await activities.listSchools(scope)).find((item) => item.id === schoolId)
    return reply.status(form.errors ? 400 : 200).view('activities/views/form.njk', {
      ...activityFormContext(answers, form.errors, options, form.find ?? ''),
      pageTitle: 'Record a careers activity',
      action: '/activities',
      schoolName: school?.name,
      severalSchools: scope.schoolIds.length > 1,
      filtered: form.filtered === true,
    })
  }

  app.get('/activities/new', { config: { access: EDIT_ACCESS } }, async (request, reply) => {
    const scope = requestScope(request)
    const query = newQuerySchema.parse(request.query ?? {})
    const requested = query.school
    const start = { student: query.student }
    if (scope.schoolIds.length === 1) {
      return renderNewForm(request, reply, scope.schoolIds[0]!, start)
    }
    // TODO: a user with several schools who follows ?student= without ?school= picks the school
    // first and the student is not kept. The button on the student's page always sends both.
    if (requested === undefined) return renderSchoolChoice(request, reply)
    if (!scope.schoolIds.includes(requested)) {
      return renderSchoolChoice(
        request,
        reply,
        fieldError('school', 'Select a school from the list'),
      )
    }
    return renderNewForm(request, reply, requested, start)
  })

  app.post('/activities', { config: { access: EDIT_ACCESS } }, async (request, reply) => {
    const scope = requestScope(request)
    const answers = readAnswers(request.body)
    const schoolId = /^\d{1,10}$/.test(answers.school) ? Number(answers.school) : 0
    if (!scope.schoolIds.includes(schoolId)) {
      return renderSchoolChoice(
        request,
        reply,
        fieldError('school', 'Select a school from the list'),
      )
    }

    // The "Find students" button sends the whole form back to be shown again with the list
    // narrowed to the names that match. Nothing is saved, and every answer is kept.
    const body = (request.body ?? {}) as Record<string, unknown>
    const find = readFind(body.find)
    if (body['find-students'] !== undefined) {
      return renderNewForm(request, reply, schoolId, { answers, find, filtered: true })
    }

    const { input, dateProblem } = readActivityInput(answers)
    const choice = readChoice(answers)
    const rejected = (problems: Parameters<typeof inFormOrder>[0]) =>
      renderNewForm(request, reply, schoolId, {
        answers,
        find,
        errors: problemsToErrors(inFormOrder(problems), dateProblem?.part),
      })
    if ('field' in choice)
      return rejected([...fieldProblems(input, dateProblem?.problem ?? null), choice])

    const result = await activities.recordActivity(
      scope,
      { ...input, schoolId, choice },
      requestUserName(request),
    )
    if (!result.ok && result.error.code === 'invalid') {
      return rejected(withDateProblem(result.error.problems, dateProblem?.problem ?? null))
    }
    if (!result.ok) throw new Error(`Recording an activity failed: ${result.error.code}`)
    return reply.redirect(`/activities/${result.value.id}?saved=recorded`, 303)
  })

  await registerActivityRoutes(app, activities)
  await registerStudentActivityRoutes(app, activities)
}
