import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { parseAcademicYear } from '../../domain/academic-year.js'
import { destinationYearFor } from '../../domain/destination-year.js'
import { formatLongDate } from '../../domain/format.js'
import { assessSustained } from '../../domain/sustained.js'
import { consentWarning } from '../../domain/tracking-consent.js'
import { NotFoundError } from '../../web/errors.js'
import { fieldError } from '../../web/form-errors.js'
import type { FormErrors } from '../../web/form-errors.js'
import { requestCan, requestScope, requestUserName } from '../../web/scope.js'
import type { Scope } from '../students/student.service.js'
import {
  addSpellProblems,
  answersFromSpell,
  consentInputFrom,
  readSpellAnswers,
  spellInputFrom,
} from './destination.form.js'
import type { SpellAnswers } from './destination.form.js'
import type { StoredSpell } from './destination.repository.js'
import type { DestinationService } from './destination.service.js'
import {
  consentView,
  historyTable,
  nccisOptions,
  paidText,
  spellTables,
  sustainedView,
  toDomainSpell,
  typeLabel,
  typeOptions,
} from './destinations.view.js'
import { todayInEngland } from '../eligibility/reference-date.js'

// Decimal digits only, so `0x10` or `1e2` in an address is a missing page.
const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)
const pageQuerySchema = z.object({
  year: z.string().trim().max(20).optional().catch(undefined),
  saved: z.enum(['added', 'changed', 'removed', 'consent']).optional().catch(undefined),
})

export const conflictMessage =
  'Someone else changed this destination after you opened it. Their version is shown below ' +
  'the form. Check your answers against it and save again to replace it.'
export const removedMessage =
  'Someone else removed this destination after you opened it, so it cannot be changed.'

type StudentRequest = FastifyRequest<{ Params: { id: string } }>
type SpellRequest = FastifyRequest<{ Params: { id: string; spellId: string } }>

function idOf(value: string, what: string): number {
  const parsed = idSchema.safeParse(value)
  if (!parsed.success) throw new NotFoundError(`${what} not found`)
  return parsed.data
}

function versionOf(answers: SpellAnswers): number {
  const version = Number(answers.version)
  return Number.isInteger(version) && version > 0 ? version : 0
}

const consentConflictMessage =
  'Someone else saved an answer about consent after you opened this page. The answer saved now is shown above and yours is kept in the form: check both, then save again if yours is right.'

/** The consent version the form was loaded with: 0 for none, -1 when missing or altered. */
function consentVersionOf(body: unknown): number {
  const text = String((body as Record<string, unknown> | null)?.['consent-version'] ?? '')
  return /^\d{1,9}$/.test(text) ? Number(text) : -1
}

interface PageState {
  status?: number
  year?: string
  saved?: string
  errors?: FormErrors
  consentAnswers?: Record<string, string>
}

interface FormState {
  spellId?: number
  answers: SpellAnswers
  errors?: FormErrors
  /** The stored spell another person saved, shown beside the form after a conflict. */
  current?: StoredSpell
  status?: number
}

/** Registers the destinations pages of a student: the list, the spell forms and consent. */
export async function registerDestinationRoutes(
  app: FastifyInstance,
  destinations: DestinationService,
) {
  const view = { config: { access: 'students.view' as const } }
  const edit = { config: { access: 'plans.edit' as const } }
  const today = () => todayInEngland()

  async function load(scope: Scope, id: number) {
    const found = await destinations.getDestinations(scope, id)
    if (!found) throw new NotFoundError('Student not found')
    return found
  }

  async function renderPage(request: StudentRequest, reply: FastifyReply, state: PageState) {
    const id = idOf(request.params.id, 'Student')
    const { student, spells, consent, events } = await load(requestScope(request), id)
    const canEdit = requestCan(request, 'plans.edit', student.schoolId)

    const actual = spells.filter((spell) => spell.intent === 'actual')
    const defaultYear = destinationYearFor(
      actual.map((spell) => spell.startDate),
      student.dateOfBirth,
      today(),
    )
    const chosen = state.year ? parseAcademicYear(state.year) : null
    const year = chosen?.ok ? chosen.value : defaultYear
    const yearErrors = chosen && !chosen.ok ? fieldError('year', chosen.error) : undefined
    const sustained = assessSustained(actual.map(toDomainSpell), year, today())
    const warning = consentWarning(
      {
        dateOfBirth: student.dateOfBirth,
        spellTypes: spells.map((spell) => spell.type),
        consent: consent ? { status: consent.status, recordedOn: consent.recordedOn } : null,
      },
      today(),
    )

    const errors = state.errors ?? yearErrors
    return reply
      .status(state.status ?? (state.errors ? 400 : 200))
      .view('destinations/views/page.njk', {
        pageTitle: 'Destinations',
        student,
        canEdit,
        saved: state.saved,
        errors,
        yearAnswer: state.year ?? '',
        tables: spellTables(spells, canEdit, student.id),
        sustained: sustainedView(sustained, year),
        consent: consentView(consent),
        consentWarning: warning,
        consentAnswers: state.consentAnswers ?? {},
        history: historyTable(events),
      })
  }

  async function renderForm(request: StudentRequest, reply: FastifyReply, state: FormState) {
    const id = idOf(request.params.id, 'Student')
    const { student } = await load(requestScope(request), id)
    const editing = state.spellId !== undefined
    // A new destination for a student still at the school is nearly always a plan, and a wrong
    // actual destination changes the sustained answer, so the form starts on Intended for them.
    const answers =
      !editing && !('intent' in state.answers)
        ? { ...state.answers, intent: student.leftOn ? 'actual' : 'intended' }
        : state.answers
    return reply
      .status(state.status ?? (state.errors ? 400 : 200))
      .view('destinations/views/spell-form.njk', {
        pageTitle: editing ? 'Change a destination' : 'Add a destination',
        student,
        action: editing
          ? `/students/${student.id}/destinations/${state.spellId}`
          : `/students/${student.id}/destinations`,
        answers,
        errors: state.errors,
        current: state.current ? currentSummary(state.current) : null,
        typeOptions: typeOptions(),
        nccisOptions: nccisOptions(),
      })
  }

  app.get('/students/:id/destinations', view, (request: StudentRequest, reply) =>
    renderPage(request, reply, pageQuerySchema.parse(request.query ?? {})),
  )

  app.get('/students/:id/destinations/new', edit, (request: StudentRequest, reply) =>
    renderForm(request, reply, { answers: {} }),
  )

  app.post('/students/:id/destinations', edit, async (request: StudentRequest, reply) => {
    const id = idOf(request.params.id, 'Student')
    const scope = requestScope(request)
    const answers = readSpellAnswers(request.body)
    const { input, errors } = spellInputFrom(answers)

    if (errors.list.length > 0) {
      const problems = await destinations.listSpellProblems(scope, id, input)
      if (problems === null) throw new NotFoundError('Student not found')
      return renderForm(request, reply, { answers, errors: addSpellProblems(errors, problems) })
    }
    const result = await destinations.addSpell(scope, id, input, requestUserName(request))
    if (!result.ok && result.error.code === 'invalid') {
      const problems = result.error.problems
      return renderForm(request, reply, { answers, errors: addSpellProblems(errors, problems) })
    }
    if (!result.ok) throw new NotFoundError('Student not found')
    return reply.redirect(`/students/${id}/destinations?saved=added`, 303)
  })

  app.get(
    '/students/:id/destinations/:spellId/edit',
    edit,
    async (request: SpellRequest, reply) => {
      const spell = await findSpell(request)
      return renderForm(request, reply, { spellId: spell.id, answers: answersFromSpell(spell) })
    },
  )

  app.post('/students/:id/destinations/:spellId', edit, async (request: SpellRequest, reply) => {
    const id = idOf(request.params.id, 'Student')
    const spellId = idOf(request.params.spellId, 'Destination')
    const scope = requestScope(request)
    const answers = readSpellAnswers(request.body)
    const { input, errors } = spellInputFrom(answers)

    if (errors.list.length > 0) {
      // A spell of another student or school is missing, whatever the form contains.
      if (!(await destinations.getSpell(scope, id, spellId))) {
        throw new NotFoundError('Destination not found')
      }
      const problems = await destinations.listSpellProblems(scope, id, input)
      if (problems === null) throw new NotFoundError('Student not found')
      const state = { spellId, answers, errors: addSpellProblems(errors, problems) }
      return renderForm(request, reply, state)
    }
    const target = { studentId: id, spellId, version: versionOf(answers) }
    const result = await destinations.editSpell(scope, target, input, requestUserName(request))
    if (result.ok) return reply.redirect(`/students/${id}/destinations?saved=changed`, 303)

    const { error } = result
    if (error.code === 'not_found') throw new NotFoundError('Destination not found')
    if (error.code === 'invalid') {
      const state = { spellId, answers, errors: addSpellProblems(errors, error.problems) }
      return renderForm(request, reply, state)
    }
    if (!error.current) {
      return renderForm(request, reply, {
        spellId,
        answers,
        errors: fieldError('type', removedMessage),
        status: 409,
      })
    }
    // The typed answers stay. The version becomes the stored one, so saving again replaces it.
    const kept = { ...answers, version: String(error.current.version) }
    return renderForm(request, reply, {
      spellId,
      answers: kept,
      errors: fieldError('type', conflictMessage),
      current: error.current,
      status: 409,
    })
  })

  app.get(
    '/students/:id/destinations/:spellId/remove',
    edit,
    async (request: SpellRequest, reply) => {
      const spell = await findSpell(request)
      const { student } = await load(requestScope(request), spell.studentId)
      return reply.view('destinations/views/remove.njk', {
        pageTitle: 'Remove this destination?',
        student,
        spell: currentSummary(spell),
        spellId: spell.id,
        version: spell.version,
      })
    },
  )

  app.post(
    '/students/:id/destinations/:spellId/remove',
    edit,
    async (request: SpellRequest, reply) => {
      const id = idOf(request.params.id, 'Student')
      const spellId = idOf(request.params.spellId, 'Destination')
      const version = versionOf(readSpellAnswers(request.body))
      const target = { studentId: id, spellId, version }
      const result = await destinations.removeSpell(
        requestScope(request),
        target,
        requestUserName(request),
      )
      if (result.ok) return reply.redirect(`/students/${id}/destinations?saved=removed`, 303)
      if (result.error.code === 'conflict' && result.error.current) {
        return reply.status(409).view('destinations/views/remove.njk', {
          pageTitle: 'Remove this destination?',
          student: (await load(requestScope(request), id)).student,
          spell: currentSummary(result.error.current),
          spellId,
          version: result.error.current.version,
          errors: fieldError(
            'remove',
            'Someone else changed this destination after you opened it. Check it below, and remove it again if it should go.',
          ),
        })
      }
      throw new NotFoundError('Destination not found')
    },
  )

  app.post('/students/:id/destinations/consent', edit, async (request: StudentRequest, reply) => {
    const id = idOf(request.params.id, 'Student')
    const { answers, errors, recordedOn } = consentInputFrom(request.body)
    if (errors.list.length > 0 || recordedOn === null) {
      return renderPage(request, reply, { errors, consentAnswers: answers })
    }

    const input = {
      status: answers.status ?? '',
      recordedOn,
      note: answers.note ?? '',
      version: consentVersionOf(request.body),
    }
    const scope = requestScope(request)
    const result = await destinations.recordConsent(scope, id, input, requestUserName(request))
    if (!result.ok && result.error.code === 'not_found') {
      throw new NotFoundError('Student not found')
    }
    if (!result.ok && result.error.code === 'conflict') {
      const text = consentConflictMessage
      const pageErrors: FormErrors = { list: [{ href: '#status', text }], byField: {} }
      return renderPage(request, reply, {
        status: 409,
        errors: pageErrors,
        consentAnswers: answers,
      })
    }
    if (!result.ok && result.error.code === 'invalid') {
      const field = result.error.field === 'recordedOn' ? 'consent-date' : result.error.field
      const href = field === 'consent-date' ? 'consent-date-day' : field
      const pageErrors: FormErrors = {
        list: [{ href: `#${href}`, text: result.error.message }],
        byField: { [field]: { text: result.error.message } },
      }
      return renderPage(request, reply, { errors: pageErrors, consentAnswers: answers })
    }
    return reply.redirect(`/students/${id}/destinations?saved=consent#consent`, 303)
  })

  async function findSpell(request: SpellRequest): Promise<StoredSpell> {
    const id = idOf(request.params.id, 'Student')
    const spellId = idOf(request.params.spellId, 'Destination')
    const spell = await destinations.getSpell(requestScope(request), id, spellId)
    if (!spell) throw new NotFoundError('Destination not found')
    return spell
  }
}

/** Describes a stored spell as summary list rows, for the conflict and remove pages. */
function currentSummary(spell: StoredSpell) {
  const date = (value: string | null) => (value ? formatLongDate(value) : 'Not recorded')
  const rows: [string, string][] = [
    ['Intended or actual', spell.intent === 'intended' ? 'Intended' : 'Actual'],
    ['Type', typeLabel(spell.type)],
    ['Start date', date(spell.startDate)],
    ['End date', date(spell.endDate)],
    ['Hours a week', spell.hoursPerWeek === null ? 'Not recorded' : String(spell.hoursPerWeek)],
    ['Paid', paidText(spell.paid)],
    ['Provider or employer', spell.provider ?? 'Not recorded'],
    ['Date checked', date(spell.checkedOn)],
    ['NCCIS code', spell.nccisCode ?? 'The usual code for the type'],
    ['Reason', spell.reason ?? 'None'],
    ['Last changed by', spell.updatedBy],
  ]
  return rows.map(([key, value]) => ({ key: { text: key }, value: { text: value } }))
}
