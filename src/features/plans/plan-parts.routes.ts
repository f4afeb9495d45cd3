// The add, edit and remove pages of aspirations, goals, actions and reviews. Every form carries
// the plan version it was opened at. A write that finds a newer one returns 409 with the form as
// typed, the plan's current values, and the new version, so saving again goes through.
import type { FastifyInstance, FastifyReply } from 'fastify'

import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import {
  blankAnswers,
  partAnswers,
  partInputOf,
  readPartAnswers,
  toPageErrors,
} from './plan.forms.js'
import type { Answers } from './plan.forms.js'
import { findPart } from './plan.repository.js'
import {
  bodyOf,
  PLAN_EDIT_ACCESS,
  PLAN_OPTIONS,
  partIdOf,
  studentIdOf,
  versionOf,
} from './plan.route-helpers.js'
import type { PlanRequest, PlanRouteServices } from './plan.route-helpers.js'
import type { PlanWriteResult } from './plan.service.js'
import { LIST_OF, PART_KINDS } from './plan.types.js'
import type { PartKind, PartOf, PlanDetail } from './plan.types.js'
import {
  actionView,
  aspirationView,
  goalView,
  planUrl,
  preparingForAdulthoodPrompt,
  reviewView,
  SECTION_SLUGS,
  studentHeading,
} from './plan.view.js'

const NOUNS: Record<PartKind, { noun: string; article: string }> = {
  aspiration: { noun: 'aspiration', article: 'an' },
  goal: { noun: 'goal', article: 'a' },
  action: { noun: 'action', article: 'an' },
  review: { noun: 'review', article: 'a' },
}

type PartViewer<K extends PartKind> = (detail: PlanDetail, part: PartOf[K]) => unknown

const PART_VIEWS: { [K in PartKind]: PartViewer<K> } = {
  aspiration: (detail, part) => aspirationView(detail.student.id, part),
  goal: (detail, part) => goalView(detail.student.id, part),
  action: (detail, part) => actionView(detail.student.id, part, todayInEngland()),
  review: (detail, part) => reviewView(detail.student.id, part, detail.student),
}

/** Returns the summary of a part as its card on the plan page shows it, or null when it is gone. */
function partView<K extends PartKind>(kind: K, detail: PlanDetail, partId: number) {
  const part = findPart(detail.plan, kind, partId)
  const view = PART_VIEWS[kind] as PartViewer<K>
  return part ? view(detail, part) : null
}

/** Returns every part of one kind as the plan page shows it, for an add form's conflict panel. */
function sectionViews(kind: PartKind, detail: PlanDetail) {
  return detail.plan[LIST_OF[kind]].map((part) => partView(kind, detail, part.id))
}

interface FormState {
  answers: Answers
  errors?: FormErrors
  /** The plan as stored now, after a write found a newer version than the form's. */
  conflict?: PlanDetail
}

export async function registerPlanPartRoutes(app: FastifyInstance, { plans }: PlanRouteServices) {
  const config = { access: PLAN_EDIT_ACCESS }

  for (const kind of PART_KINDS) {
    const slug = SECTION_SLUGS[kind]
    const { noun, article } = NOUNS[kind]
    const template = `plans/views/${kind}.njk`

    async function loadDetail(request: PlanRequest): Promise<PlanDetail> {
      const detail = await plans.getPlan(requestScope(request), studentIdOf(request))
      if (!detail) throw new NotFoundError('Student not found')
      return detail
    }

    function renderForm(
      reply: FastifyReply,
      detail: PlanDetail,
      partId: number | null,
      state: FormState,
      status = 200,
    ) {
      const base = `${planUrl(detail.student.id)}/${slug}`
      const current = state.conflict
      const title = partId === null ? `Add ${article} ${noun}` : `Change ${article} ${noun}`
      return reply.status(status).view(template, {
        pageTitle: title,
        student: studentHeading(detail),
        planHref: planUrl(detail.student.id),
        formAction: partId === null ? base : `${base}/${partId}`,
        submitText: partId === null ? `Add ${noun}` : 'Save changes',
        version: (current ?? detail).plan.version,
        answers: state.answers,
        errors: state.errors,
        noun,
        options: PLAN_OPTIONS,
        areaItems: PLAN_OPTIONS.areas.map((option) => ({
          ...option,
          checked: [state.answers['pfa-areas'] ?? []].flat().includes(option.value),
        })),
        prompt: preparingForAdulthoodPrompt(detail, todayInEngland()),
        conflict: current
          ? {
              editing: partId !== null,
              part: partId === null ? null : partView(kind, current, partId),
              section: partId === null ? sectionViews(kind, current) : [],
            }
          : null,
      })
    }

    /** Renders a rejected write: 404, the form with its errors (400), or the conflict (409). */
    function renderRejected(
      reply: FastifyReply,
      detail: PlanDetail,
      partId: number | null,
      answers: Answers,
      result: Extract<PlanWriteResult, { ok: false }>,
    ) {
      const { error } = result
      if (error.code === 'not_found') throw new NotFoundError(error.message)
      if (error.code === 'invalid') {
        return renderForm(
          reply,
          detail,
          partId,
          { answers, errors: toPageErrors(error.errors) },
          400,
        )
      }
      const errors = { list: [{ href: '#current-values', text: error.message }], byField: {} }
      return renderForm(reply, detail, partId, { answers, errors, conflict: error.current }, 409)
    }

    app.get<{ Params: { id: string } }>(
      `/students/:id/plan/${slug}/new`,
      { config },
      async (request, reply) => {
        const detail = await loadDetail(request)
        return renderForm(reply, detail, null, { answers: blankAnswers(kind, todayInEngland()) })
      },
    )

    app.post<{ Params: { id: string } }>(
      `/students/:id/plan/${slug}`,
      { config },
      async (request, reply) => {
        const detail = await loadDetail(request)
        const body = bodyOf(request)
        const answers = readPartAnswers(kind, body)
        const input = partInputOf(kind, answers)
        const scope = requestScope(request)
        const by = requestUserName(request)

        const result = await plans.addPart(
          scope,
          detail.student.id,
          kind,
          versionOf(body),
          input,
          by,
        )
        if (!result.ok) return renderRejected(reply, detail, null, answers, result)
        return reply.redirect(`${planUrl(detail.student.id)}?saved=${kind}-added#${slug}`, 303)
      },
    )

    app.get<{ Params: { id: string; partId: string } }>(
      `/students/:id/plan/${slug}/:partId`,
      { config },
      async (request, reply) => {
        const detail = await loadDetail(request)
        const partId = partIdOf(request)
        const part = findPart(detail.plan, kind, partId)
        if (!part) throw new NotFoundError(`No such ${noun} in this plan`)
        return renderForm(reply, detail, partId, { answers: partAnswers(kind, part) })
      },
    )

    app.post<{ Params: { id: string; partId: string } }>(
      `/students/:id/plan/${slug}/:partId`,
      { config },
      async (request, reply) => {
        const detail = await loadDetail(request)
        const partId = partIdOf(request)
        const body = bodyOf(request)
        const answers = readPartAnswers(kind, body)
        const input = partInputOf(kind, answers)
        const scope = requestScope(request)
        const by = requestUserName(request)
        const version = versionOf(body)

        const result = await plans.editPart(
          scope,
          detail.student.id,
          kind,
          partId,
          version,
          input,
          by,
        )
        if (!result.ok) return renderRejected(reply, detail, partId, answers, result)
        return reply.redirect(`${planUrl(detail.student.id)}?saved=${kind}-changed#${slug}`, 303)
      },
    )

    function renderRemove(
      reply: FastifyReply,
      detail: PlanDetail,
      partId: number,
      state: { errors?: FormErrors; conflict?: PlanDetail },
      status = 200,
    ) {
      const shown = state.conflict ?? detail
      return reply.status(status).view('plans/views/remove.njk', {
        pageTitle: `Remove this ${noun}`,
        student: studentHeading(detail),
        planHref: planUrl(detail.student.id),
        formAction: `${planUrl(detail.student.id)}/${slug}/${partId}/remove`,
        kind,
        noun,
        version: shown.plan.version,
        part: partView(kind, shown, partId),
        errors: state.errors,
        conflict: Boolean(state.conflict),
      })
    }

    app.get<{ Params: { id: string; partId: string } }>(
      `/students/:id/plan/${slug}/:partId/remove`,
      { config },
      async (request, reply) => {
        const detail = await loadDetail(request)
        const partId = partIdOf(request)
        if (!findPart(detail.plan, kind, partId))
          throw new NotFoundError(`No such ${noun} in this plan`)
        return renderRemove(reply, detail, partId, {})
      },
    )

    app.post<{ Params: { id: string; partId: string } }>(
      `/students/:id/plan/${slug}/:partId/remove`,
      { config },
      async (request, reply) => {
        const detail = await loadDetail(request)
        const partId = partIdOf(request)
        const version = versionOf(bodyOf(request))
        const scope = requestScope(request)

        const result = await plans.removePart(
          scope,
          detail.student.id,
          kind,
          partId,
          version,
          requestUserName(request),
        )
        if (result.ok) {
          return reply.redirect(`${planUrl(detail.student.id)}?saved=${kind}-removed#${slug}`, 303)
        }
        if (result.error.code !== 'conflict')
          throw new NotFoundError(`No such ${noun} in this plan`)
        const errors = {
          list: [{ href: '#current-values', text: result.error.message }],
          byField: {},
        }
        return renderRemove(reply, detail, partId, { errors, conflict: result.error.current }, 409)
      },
    )
  }
}
