import type { FastifyInstance } from 'fastify'

import { findOutcome, OUTCOME_CATALOGUE } from '../../domain/catalogue.js'
import { formatLongDate } from '../../domain/format.js'
import { findGlossaryTerm } from '../../domain/glossary.js'
import { groupLabel } from '../../domain/group-label.js'
import type { CareerSendGroup } from '../../domain/types.js'
import { NotFoundError } from '../../web/errors.js'
import { describeRules } from './outcome-rules.js'

const GROUPS: CareerSendGroup[] = ['one', 'two']

// Outcomes explained inside another glossary entry, because the entry covers them all.
const SHARED_GLOSSARY_ENTRIES: Record<string, string> = {
  'own-enterprise': 'self-employment',
  'supported-own-enterprise': 'self-employment',
  'supported-self-employment': 'self-employment',
}

/** Returns the id of the glossary entry that explains an outcome, or null when none does. */
function glossaryIdOf(outcomeId: string): string | null {
  const id = SHARED_GLOSSARY_ENTRIES[outcomeId] ?? outcomeId
  return findGlossaryTerm(id) ? id : null
}

function catalogueByGroup() {
  return GROUPS.map((group) => ({
    label: groupLabel(group),
    outcomes: OUTCOME_CATALOGUE.outcomes
      .filter((outcome) => outcome.group === group)
      .map((outcome) => ({ ...outcome, rulesInWords: describeRules(outcome.rules) })),
  }))
}

/** Registers the outcome catalogue pages. They read only the domain, so they need no service. */
export async function registerOutcomeRoutes(app: FastifyInstance) {
  const catalogue = {
    version: OUTCOME_CATALOGUE.version,
    publishedOn: formatLongDate(OUTCOME_CATALOGUE.publishedOn),
  }

  app.get('/outcomes', { config: { access: 'catalogue.view' } }, (_request, reply) => {
    return reply.view('outcomes/views/list.njk', {
      pageTitle: 'Positive career outcomes',
      catalogue,
      groups: catalogueByGroup(),
    })
  })

  app.get<{ Params: { id: string } }>(
    '/outcomes/:id',
    { config: { access: 'catalogue.view' } },
    (request, reply) => {
      const outcome = findOutcome(request.params.id)
      if (!outcome) throw new NotFoundError(`No outcome has the id ${request.params.id}`)
      return reply.view('outcomes/views/detail.njk', {
        pageTitle: outcome.title,
        catalogue,
        outcome,
        groupLabel: groupLabel(outcome.group),
        rulesInWords: describeRules(outcome.rules),
        glossaryId: glossaryIdOf(outcome.id),
      })
    },
  )
}
