import type { FastifyInstance } from 'fastify'

import { formatLongDate } from '../../domain/format.js'
import { KNOWN_GAPS, PREPARED_ON, STANDARD, TESTING_METHODS } from './accessibility-statement.js'

/** Registers the accessibility statement. It is public and shows no stored data. */
export async function registerAccessibilityRoutes(app: FastifyInstance) {
  app.get('/accessibility', { config: { access: 'public' } }, (_request, reply) => {
    return reply.view('accessibility/views/statement.njk', {
      pageTitle: 'Accessibility statement',
      standard: STANDARD,
      testingMethods: TESTING_METHODS,
      knownGaps: KNOWN_GAPS,
      preparedOn: formatLongDate(PREPARED_ON),
    })
  })
}
