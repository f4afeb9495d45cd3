import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

import { NotFoundError } from '../../web/errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import type { SummaryService } from './summary.service.js'

// Decimal digits only, as on the student page, so `0x10` in an address is a missing page.
const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)

/** Registers the one-page printable summary of a student. */
export async function registerSummaryRoutes(
  app: FastifyInstance,
  { summaries }: { summaries: SummaryService },
) {
  app.get<{ Params: { id: string } }>(
    '/students/:id/summary',
    { config: { access: 'students.view' } },
    async (request, reply) => {
      const id = idSchema.safeParse(request.params.id)
      if (!id.success) throw new NotFoundError('Student not found')
      const summary = await summaries.openSummary(
        requestScope(request),
        id.data,
        requestUserName(request),
      )
      if (!summary) throw new NotFoundError('Student not found')

      return reply.view('summary/views/summary.njk', {
        pageTitle: summary.title,
        summary,
        bodyClasses: 'app-print-page app-summary-page',
      })
    },
  )
}
