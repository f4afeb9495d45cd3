import type { FastifyInstance } from 'fastify'

import { findGlossaryTerm, glossaryByLetter } from '../../domain/glossary.js'
import type { GlossaryTerm } from '../../domain/glossary.js'

function toEntryView(entry: GlossaryTerm) {
  const seeAlso = (entry.seeAlso ?? []).map((id) => {
    const related = findGlossaryTerm(id)
    if (!related) throw new Error(`Glossary entry "${entry.id}" lists a missing entry "${id}"`)
    return { id, term: related.term }
  })
  return { ...entry, seeAlso }
}

/**
 * Registers the glossary page. It is public, because families and staff who are not signed in
 * meet the same words, and it shows no stored data.
 */
export async function registerGlossaryRoutes(app: FastifyInstance) {
  const letters = glossaryByLetter().map(({ letter, terms }) => ({
    letter,
    terms: terms.map(toEntryView),
  }))

  app.get('/glossary', { config: { access: 'public' } }, (_request, reply) => {
    return reply.view('glossary/views/glossary.njk', { pageTitle: 'Glossary', letters })
  })
}
