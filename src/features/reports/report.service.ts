import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import type { AcademicYear } from '../../domain/academic-year.js'
import { academicYearOf, firstDayOf, lastDayOf } from '../../domain/academic-year.js'
import {
  aggregateLeavers,
  summariseCurrentStudents,
  suppressReport,
} from '../../domain/reports/index.js'
import type { CohortReport, ReportLeaver } from '../../domain/reports/index.js'
import type { CareerSendGroup, GroupBasis, IsoDate, ProvisionCode } from '../../domain/types.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import type { Scope } from '../students/student.service.js'
import {
  countBenchmarkCoverage,
  countCurrentStudents,
  countOrganisationSchools,
  listReportSchools,
  selectLeavers,
  selectLeaverSpells,
  selectLeavingDates,
} from './report.repository.js'
import type { LeaverRow, LeaverSpellRow } from './report.repository.js'

export interface ReportSchool {
  id: number
  name: string
  organisationId: number | null
  organisationName: string | null
}

export interface ReportOrganisation {
  id: number
  name: string
  /** The organisation's schools in the user's scope, by name. */
  schools: ReportSchool[]
}

export interface CohortReportRequest {
  /** The schools to report on. Any outside the scope are dropped. */
  schoolIds: readonly number[]
  year: AcademicYear
  /** Adds a breakdown by school, for an organisation's report. */
  bySchool?: boolean
  /** Withholds small numbers, for a viewer or for figures that leave the school. */
  suppress: boolean
}

export interface ReportYears {
  /** The leaving years with at least one leaver, and the default year, newest first. */
  years: AcademicYear[]
  /** The latest year before the current one with leavers, or else last academic year. */
  defaultYear: AcademicYear
}

export interface ReportServiceOptions {
  /** The clock, replaced in tests. */
  now?: () => Date
}

function toReportLeavers(rows: LeaverRow[], spells: LeaverSpellRow[]): ReportLeaver[] {
  const byStudent = new Map<number, ReportLeaver['spells'][number][]>()
  for (const spell of spells) {
    const list = byStudent.get(spell.student_id) ?? []
    list.push({ type: spell.type, startDate: spell.start_date, endDate: spell.end_date })
    byStudent.set(spell.student_id, list)
  }
  return rows.map((row) => ({
    studentId: row.id,
    schoolId: row.school_id,
    leftOn: row.left_on,
    ncYear: row.nc_year,
    provisionCode: row.provision_code as ProvisionCode,
    primaryNeed: row.primary_need,
    group: row.group === 'one' || row.group === 'two' ? (row.group as CareerSendGroup) : null,
    basis: row.basis as GroupBasis | null,
    spells: byStudent.get(row.id) ?? [],
  }))
}

/** Groups schools by the organisation they belong to, by organisation name. */
export function organisationsOf(schools: ReportSchool[]): ReportOrganisation[] {
  const found = new Map<number, ReportOrganisation>()
  for (const school of schools) {
    if (school.organisationId === null) continue
    const organisation = found.get(school.organisationId) ?? {
      id: school.organisationId,
      name: school.organisationName ?? '',
      schools: [],
    }
    organisation.schools.push(school)
    found.set(school.organisationId, organisation)
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** Creates the cohort report service: leaver outcomes, current students and the years to choose. */
export function createReportService(db: Kysely<Tables>, options: ReportServiceOptions = {}) {
  const today = (): IsoDate => todayInEngland((options.now ?? (() => new Date()))())

  async function listSchools(scope: Scope): Promise<ReportSchool[]> {
    const rows = await listReportSchools(db, scope.schoolIds)
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name,
    }))
  }

  return {
    today,

    listSchools,

    /** Lists the organisations with at least one school in scope, each with those schools. */
    listOrganisations: async (scope: Scope) => organisationsOf(await listSchools(scope)),

    /** Returns the organisation with its schools in scope, or null when none is in scope. */
    findOrganisation: async (scope: Scope, id: number): Promise<ReportOrganisation | null> =>
      organisationsOf(await listSchools(scope)).find((item) => item.id === id) ?? null,

    /**
     * Counts all the schools of an organisation that has a school in scope, or returns null
     * when none of its schools is in scope.
     */
    countOrganisationSchools: async (scope: Scope, id: number): Promise<number | null> => {
      const inScope = organisationsOf(await listSchools(scope)).some((item) => item.id === id)
      return inScope ? countOrganisationSchools(db, id) : null
    },

    /** Lists the leaving years of the schools, and the one a report shows first. */
    availableYears: async (scope: Scope, schoolIds: readonly number[]): Promise<ReportYears> => {
      const ids = schoolIds.filter((id) => scope.schoolIds.includes(id))
      const dates = await selectLeavingDates(db, ids)
      const lastYear = academicYearOf(today()) - 1
      const withLeavers = new Set(dates.map(academicYearOf))
      const past = [...withLeavers].filter((year) => year <= lastYear)
      const defaultYear = past.length > 0 ? Math.max(...past) : lastYear
      const years = [...new Set([...withLeavers, defaultYear])].sort((a, b) => b - a)
      return { years, defaultYear }
    },

    /**
     * Builds the report of the leavers of `year` and the year before, and of today's students,
     * in five queries whatever the number of students.
     */
    cohortReport: async (scope: Scope, request: CohortReportRequest): Promise<CohortReport> => {
      const ids = request.schoolIds.filter((id) => scope.schoolIds.includes(id))
      const on = today()
      const from = firstDayOf(request.year - 1)
      const to = lastDayOf(request.year)
      const schools = (await listSchools({ schoolIds: ids })).map(({ id, name }) => ({ id, name }))
      const leavers = toReportLeavers(
        await selectLeavers(db, ids, from, to),
        await selectLeaverSpells(db, ids, from, to),
      )
      const current = summariseCurrentStudents(
        (await countCurrentStudents(db, ids, on)).map((row) => ({
          group: row.group === 'one' || row.group === 'two' ? (row.group as CareerSendGroup) : null,
          basis: row.basis as GroupBasis | null,
          provisionCode: row.provision_code as ProvisionCode,
          primaryNeed: row.primary_need,
          ncYear: row.nc_year,
          count: row.students,
          withPlan: row.with_plan,
        })),
        (await countBenchmarkCoverage(db, ids, on)).map((row) => ({
          ncYear: row.nc_year,
          benchmark: row.benchmark,
          covered: row.covered,
        })),
      )
      const names = request.bySchool
        ? new Map(schools.map((school) => [school.id, school.name]))
        : undefined
      const report: CohortReport = {
        today: on,
        year: request.year,
        schools,
        suppressed: false,
        thisYear: aggregateLeavers(leavers, request.year, on, names),
        lastYear: aggregateLeavers(leavers, request.year - 1, on, names),
        current,
      }
      return request.suppress ? suppressReport(report) : report
    },
  }
}

export type ReportService = ReturnType<typeof createReportService>
