import type { FastifyInstance } from 'fastify'
import { z } from 'zod'

import { NotFoundError } from '../../web/errors.js'
import { requestScope } from '../../web/scope.js'
import { isWorkListId } from './work-lists.service.js'
import type { WorkListService } from './work-lists.service.js'
import { indexPageContext, listPageContext } from './work-lists.view-model.js'

// Decimal digits only, so `0x2` or `1e2` is read as no page number. A missing or invalid page
// number shows the first page.
const pageQuerySchema = z.object({
  page: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/)
    .transform(Number)
    .optional()
    .catch(undefined),
})

/** Registers the work lists: an index with each list's count, and one page per list. */
export async function registerWorkListRoutes(
  app: FastifyInstance,
  { workLists }: { workLists: WorkListService },
) {
  app.get('/work-lists', { config: { access: 'students.view' } }, async (request, reply) => {
    const { today, counts } = await workLists.countAll(requestScope(request))
    return reply.view('work-lists/views/index.njk', indexPageContext(counts, today))
  })

  app.get<{ Params: { list: string } }>(
    '/work-lists/:list',
    { config: { access: 'students.view' } },
    async (request, reply) => {
      const id = request.params.list
      if (!isWorkListId(id)) throw new NotFoundError('Work list not found')
      const { page } = pageQuerySchema.parse(request.query ?? {})
      const result = await workLists.listPage(requestScope(request), id, page)
      return reply.view('work-lists/views/list.njk', listPageContext(result))
    },
  )
}
