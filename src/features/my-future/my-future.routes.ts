// The easy-read "My future" page of a student's plan, shown on screen with the student and printed
// for home, and the form where staff choose what it shows.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'

import { MY_FUTURE_TEXT } from '../../domain/easy-read/index.js'
import { NotFoundError } from '../../web/errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestCan, requestScope, requestUserName } from '../../web/scope.js'
import {
  bodyOf,
  PLAN_EDIT_ACCESS,
  PLAN_VIEW_ACCESS,
  studentIdOf,
  versionOf,
} from '../plans/plan.route-helpers.js'
import type { PlanRequest } from '../plans/plan.route-helpers.js'
import { studentHeading } from '../plans/plan.view.js'
import { choiceItems } from './my-future.choices.js'
import { readAnswers, storedAnswers } from './my-future.forms.js'
import type { MyFutureAnswers } from './my-future.forms.js'
import type { MyFutureDetail, MyFutureService } from './my-future.service.js'
import { CHOICE_KINDS } from './my-future.types.js'
import type { MyFutureSettings } from './my-future.types.js'

const pageQuerySchema = z.object({ saved: z.literal('1').optional().catch(undefined) })

export function myFutureUrl(studentId: number): string {
  return `/students/${studentId}/my-future`
}

/** Lists each kind's checkboxes with the ticks of the answers. */
function checkboxGroups({ detail }: MyFutureDetail, answers: MyFutureAnswers) {
  const items = choiceItems(detail)
  const groups = {} as Record<
    string,
    { items: { value: string; text: string; checked: boolean; hint?: { text: string } }[] }
  >
  for (const kind of CHOICE_KINDS) {
    const ticked = new Set(answers.shown[kind])
    groups[kind] = {
      items: items[kind].map((item) => ({
        value: item.id,
        text: item.label,
        checked: ticked.has(item.id),
        hint:
          item.easyReadProblems.length > 0
            ? { text: `Not easy read yet: ${item.easyReadProblems.join(' ')}` }
            : undefined,
      })),
    }
  }
  return groups
}

/** Registers the "My future" page and its form. */
export async function registerMyFutureRoutes(
  app: FastifyInstance,
  { myFuture }: { myFuture: MyFutureService },
) {
  app.get<{ Params: { id: string } }>(
    '/students/:id/my-future',
    { config: { access: PLAN_VIEW_ACCESS } },
    async (request, reply) => {
      const query = pageQuerySchema.parse(request.query ?? {})
      const studentId = studentIdOf(request)
      const opened = await myFuture.openPage(
        requestScope(request),
        studentId,
        requestUserName(request),
      )
      if (!opened) throw new NotFoundError('Student not found')

      const { page, schoolId } = opened
      return reply.view('my-future/views/my-future.njk', {
        pageTitle: `${MY_FUTURE_TEXT.title}: ${page.name}`,
        page,
        text: MY_FUTURE_TEXT,
        canEdit: requestCan(request, PLAN_EDIT_ACCESS, schoolId),
        saved: query.saved === '1',
        bodyClasses: 'app-print-page app-my-future-page',
      })
    },
  )

  async function loadSettings(request: PlanRequest): Promise<MyFutureDetail> {
    const found = await myFuture.getSettings(requestScope(request), studentIdOf(request))
    if (!found) throw new NotFoundError('Student not found')
    return found
  }

  function renderForm(
    reply: FastifyReply,
    found: MyFutureDetail,
    state: {
      answers: MyFutureAnswers
      version: number
      errors?: FormErrors
      /** The settings as stored now, after another save came first. */
      current?: MyFutureSettings
    },
    status = 200,
  ) {
    const studentId = found.detail.student.id
    return reply.status(status).view('my-future/views/edit.njk', {
      pageTitle: 'Choose what My future shows',
      student: studentHeading(found.detail),
      pageHref: myFutureUrl(studentId),
      planHref: `/students/${studentId}/plan`,
      formAction: `${myFutureUrl(studentId)}/edit`,
      version: state.version,
      answers: state.answers,
      groups: checkboxGroups(found, state.answers),
      errors: state.errors,
      current: state.current,
    })
  }

  const editConfig = { config: { access: PLAN_EDIT_ACCESS } }

  app.get<{ Params: { id: string } }>(
    '/students/:id/my-future/edit',
    editConfig,
    async (request, reply) => {
      const found = await loadSettings(request)
      const answers = storedAnswers(found.settings, found.detail)
      return renderForm(reply, found, { answers, version: found.settings.version })
    },
  )

  app.post<{ Params: { id: string } }>(
    '/students/:id/my-future/edit',
    editConfig,
    async (request, reply) => {
      const found = await loadSettings(request)
      const body = bodyOf(request)
      const answers = readAnswers(body)
      const studentId = found.detail.student.id

      const result = await myFuture.saveSettings(
        requestScope(request),
        studentId,
        versionOf(body),
        answers,
        requestUserName(request),
      )
      if (result.ok) return reply.redirect(`${myFutureUrl(studentId)}?saved=1`, 303)
      if (result.code === 'not_found') throw new NotFoundError('Student not found')
      if (result.code === 'invalid') {
        const state = { answers, version: found.settings.version, errors: result.errors }
        return renderForm(reply, found, state, 400)
      }
      const current = (await loadSettings(request)).settings
      const state = { answers, version: current.version, errors: result.errors, current }
      return renderForm(reply, found, state, 409)
    },
  )
}
