import type { FastifyInstance } from 'fastify'

import type { AcademicYear } from '../../domain/academic-year.js'
import { academicYearOf } from '../../domain/academic-year.js'
import { BadRequestError, NotFoundError } from '../../web/errors.js'
import { requestCan, requestScope } from '../../web/scope.js'
import { organisationsOf } from './report.service.js'
import type { ReportService } from './report.service.js'
import { parseReportYear } from './report-year.js'
import { reportPageContext } from './reports.view-model.js'

function reportYear(raw: unknown, defaultYear: AcademicYear, currentYear: AcademicYear) {
  const parsed = parseReportYear(raw, defaultYear, currentYear)
  if (!parsed.ok) throw new BadRequestError(parsed.error)
  return parsed.value
}

// Decimal digits only, so `0x2` or `1e2` is not read as an id.
function parseId(raw: unknown): number | null {
  return typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null
}

/** Registers the school dashboard and the organisation dashboard of cohort reports. */
export async function registerReportRoutes(app: FastifyInstance, reports: ReportService) {
  app.get<{ Querystring: { school?: string; year?: string } }>(
    '/reports',
    { config: { access: 'reports.view' } },
    async (request, reply) => {
      const scope = requestScope(request)
      const schools = await reports.listSchools(scope)
      const query = request.query ?? {}
      let school = schools[0]
      if (query.school !== undefined && query.school !== '') {
        const id = parseId(query.school)
        school = schools.find((item) => item.id === id)
        if (!school) throw new NotFoundError('School not found')
      }
      if (!school) throw new NotFoundError('You have no school to report on')

      const years = await reports.availableYears(scope, [school.id])
      const currentYear = academicYearOf(reports.today())
      const year = reportYear(query.year, years.defaultYear, currentYear)
      const namesAllowed = requestCan(request, 'students.view', school.id)
      const report = await reports.cohortReport(scope, {
        schoolIds: [school.id],
        year,
        suppress: !namesAllowed,
      })
      const organisations = organisationsOf(schools)
      return reply.view(
        'reports/views/dashboard.njk',
        reportPageContext(report, {
          title: `Cohort report: ${school.name}`,
          action: '/reports',
          years: years.years.includes(year) ? years.years : [year, ...years.years],
          schoolOptions: schools.map((item) => ({ value: item.id, text: item.name })),
          schoolId: school.id,
          related: {
            title: 'Trust and local authority reports',
            links: organisations.map((item) => ({
              href: `/reports/organisations/${item.id}`,
              text: item.name,
            })),
          },
          namesAllowed,
        }),
      )
    },
  )

  app.get<{ Params: { id: string }; Querystring: { year?: string } }>(
    '/reports/organisations/:id',
    { config: { access: 'reports.view' } },
    async (request, reply) => {
      const scope = requestScope(request)
      const id = parseId(request.params.id)
      const organisation = id === null ? null : await reports.findOrganisation(scope, id)
      if (!organisation) throw new NotFoundError('Organisation not found')

      const schoolIds = organisation.schools.map((school) => school.id)
      const years = await reports.availableYears(scope, schoolIds)
      const currentYear = academicYearOf(reports.today())
      const year = reportYear(request.query?.year, years.defaultYear, currentYear)
      // Names are allowed only where the user may see them at every school in the report.
      const namesAllowed = schoolIds.every((schoolId) =>
        requestCan(request, 'students.view', schoolId),
      )
      const report = await reports.cohortReport(scope, {
        schoolIds,
        year,
        bySchool: true,
        suppress: !namesAllowed,
      })
      // A user with a role at only some of the organisation's schools sees a note of what is covered.
      const allSchools = await reports.countOrganisationSchools(scope, organisation.id)
      const coverageNote =
        allSchools !== null && schoolIds.length < allSchools
          ? `This report covers ${schoolIds.length} of the ${allSchools} schools in ${organisation.name}: the schools where you have a role.`
          : null
      return reply.view('reports/views/dashboard.njk', {
        coverageNote,
        ...reportPageContext(report, {
          title: `Cohort report: ${organisation.name}`,
          action: `/reports/organisations/${organisation.id}`,
          years: years.years.includes(year) ? years.years : [year, ...years.years],
          related: {
            title: 'Report of each school',
            links: organisation.schools.map((school) => ({
              href: `/reports?school=${school.id}`,
              text: school.name,
            })),
          },
          namesAllowed,
        }),
      })
    },
  )
}
