import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'

import { NotFoundError } from '../../web/errors.js'
import { requestScope, requestUserName } from '../../web/scope.js'
import type { HandOverFormat, HandOverService } from './hand-over.service.js'
import { pdfCannotShowAll, writeHandOverPdf } from './hand-over.pdf.js'
import { EMPTY_TEXT, packFacts } from './hand-over.view-model.js'

// Decimal digits only, as on the student page, so `0x10` in an address is a missing page.
const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)

/** Registers a student's hand-over pack, as a print-ready page and as a tagged PDF. */
export async function registerHandOverRoutes(
  app: FastifyInstance,
  { handOver }: { handOver: HandOverService },
) {
  async function packFor(
    request: FastifyRequest<{ Params: { id: string } }>,
    format: HandOverFormat,
  ) {
    const id = idSchema.safeParse(request.params.id)
    if (!id.success) throw new NotFoundError('Student not found')
    const pack = await handOver.openPack(
      requestScope(request),
      id.data,
      requestUserName(request),
      format,
    )
    if (!pack) throw new NotFoundError('Student not found')
    return pack
  }

  app.get<{ Params: { id: string } }>(
    '/students/:id/hand-over',
    { config: { access: 'plans.edit' } },
    async (request, reply) => {
      const pack = await packFor(request, 'html')
      return reply.view('hand-over/views/hand-over.njk', {
        pageTitle: pack.title,
        pack,
        pdfWarning: pdfCannotShowAll(packFacts(pack)),
        empty: EMPTY_TEXT,
        bodyClasses: 'app-print-page',
      })
    },
  )

  app.get<{ Params: { id: string } }>(
    '/students/:id/hand-over.pdf',
    { config: { access: 'plans.edit' } },
    async (request, reply) => {
      const pack = await packFor(request, 'pdf')
      const pdf = await writeHandOverPdf(pack)
      // The file name carries the record number, not the name, because downloads folders and
      // email attachments show file names to anyone looking.
      return reply
        .header(
          'content-disposition',
          `attachment; filename="hand-over-student-${pack.studentId}.pdf"`,
        )
        .header('cache-control', 'no-store')
        .type('application/pdf')
        .send(pdf)
    },
  )
}
