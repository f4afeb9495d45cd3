import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'

import { OUTCOME_CATALOGUE } from '../../domain/catalogue.js'
import { groupLabel } from '../../domain/group-label.js'
import { MAX_TARGETS } from '../../domain/plan.js'
import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestCan, requestScope, requestUserName } from '../../web/scope.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import { registerPlanPartRoutes } from './plan-parts.routes.js'
import { readTargetAnswers, targetAnswers, targetInputOf, toPageErrors } from './plan.forms.js'
import type { Answers } from './plan.forms.js'
import {
  bodyOf,
  PLAN_EDIT_ACCESS,
  PLAN_VIEW_ACCESS,
  planningYearOf,
  studentIdOf,
} from './plan.route-helpers.js'
import type { PlanRequest, PlanRouteServices } from './plan.route-helpers.js'
import { versionOf } from './plan.route-helpers.js'
import type { PlanDetail } from './plan.types.js'
import { planPageContext, planUrl, studentHeading, targetView } from './plan.view.js'

const SAVED = [
  'aspiration-added',
  'aspiration-changed',
  'aspiration-removed',
  'goal-added',
  'goal-changed',
  'goal-removed',
  'action-added',
  'action-changed',
  'action-removed',
  'review-added',
  'review-changed',
  'review-removed',
  'targets',
] as const

const pageQuerySchema = z.object({
  year: z.string().trim().max(20).optional().catch(undefined),
  saved: z.enum(SAVED).optional().catch(undefined),
})

/** Lists the outcomes for the targets form as select items, the student's own group first. */
function outcomeOptions(detail: PlanDetail) {
  const own = detail.assignment.group
  const ordered = [...OUTCOME_CATALOGUE.outcomes].sort(
    (a, b) => Number(a.group !== own) - Number(b.group !== own),
  )
  return ordered.map((outcome) => ({
    value: outcome.id,
    text: `${outcome.title} (${groupLabel(outcome.group)})`,
  }))
}

/** Registers the plan page, the targets form and the pages of each part of a plan. */
export async function registerPlanRoutes(app: FastifyInstance, services: PlanRouteServices) {
  const { plans } = services

  app.get<{ Params: { id: string } }>(
    '/students/:id/plan',
    { config: { access: PLAN_VIEW_ACCESS } },
    async (request, reply) => {
      const query = pageQuerySchema.parse(request.query ?? {})
      const scope = requestScope(request)
      const detail = await plans.viewPlan(scope, studentIdOf(request), requestUserName(request))
      if (!detail) throw new NotFoundError('Student not found')

      const { planningYear, yearErrors } = planningYearOf(query.year)
      return reply.view('plans/views/plan.njk', {
        pageTitle: 'Career plan',
        ...planPageContext(detail, planningYear, todayInEngland()),
        canEdit: requestCan(request, PLAN_EDIT_ACCESS, detail.student.schoolId),
        saved: query.saved,
        yearAnswer: query.year ?? '',
        errors: yearErrors,
      })
    },
  )

  async function loadDetail(request: PlanRequest): Promise<PlanDetail> {
    const detail = await plans.getPlan(requestScope(request), studentIdOf(request))
    if (!detail) throw new NotFoundError('Student not found')
    return detail
  }

  function renderTargets(
    reply: FastifyReply,
    detail: PlanDetail,
    state: { answers: Answers; errors?: FormErrors; conflict?: PlanDetail },
    status = 200,
  ) {
    const current = state.conflict
    const { planningYear } = planningYearOf(undefined)
    return reply.status(status).view('plans/views/targets.njk', {
      pageTitle: 'Target outcomes',
      student: studentHeading(detail),
      planHref: planUrl(detail.student.id),
      formAction: `${planUrl(detail.student.id)}/targets`,
      version: (current ?? detail).plan.version,
      choices: Array.from({ length: MAX_TARGETS }, (_, index) => index + 1),
      outcomes: outcomeOptions(detail),
      answers: state.answers,
      errors: state.errors,
      conflict: current
        ? {
            targets: current.plan.targets.map((target) =>
              targetView(current, target, planningYear, todayInEngland()),
            ),
          }
        : null,
    })
  }

  const editConfig = { config: { access: PLAN_EDIT_ACCESS } }

  app.get<{ Params: { id: string } }>(
    `/students/:id/plan/targets`,
    editConfig,
    async (request, reply) => {
      const detail = await loadDetail(request)
      return renderTargets(reply, detail, { answers: targetAnswers(detail.plan.targets) })
    },
  )

  app.post<{ Params: { id: string } }>(
    `/students/:id/plan/targets`,
    editConfig,
    async (request, reply) => {
      const detail = await loadDetail(request)
      const body = bodyOf(request)
      const answers = readTargetAnswers(body)
      const scope = requestScope(request)
      const by = requestUserName(request)

      const result = await plans.setTargets(
        scope,
        detail.student.id,
        versionOf(body),
        targetInputOf(answers),
        by,
      )
      if (result.ok)
        return reply.redirect(`${planUrl(detail.student.id)}?saved=targets#targets`, 303)

      const { error } = result
      if (error.code === 'not_found') throw new NotFoundError(error.message)
      if (error.code === 'invalid') {
        return renderTargets(reply, detail, { answers, errors: toPageErrors(error.errors) }, 400)
      }
      const errors = { list: [{ href: '#current-values', text: error.message }], byField: {} }
      return renderTargets(reply, detail, { answers, errors, conflict: error.current }, 409)
    },
  )

  await registerPlanPartRoutes(app, services)
}
