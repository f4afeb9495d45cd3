import type { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'

import { academicYearOf, formatAcademicYear } from '../domain/academic-year.js'
import { formatCount, headlineComparison, shareOf } from '../domain/reports/index.js'
import type { CohortReport } from '../domain/reports/index.js'
import { roleHas } from '../features/accounts/permissions.js'
import { reportAsJson, reportCsvRows } from '../features/reports/report.output.js'
import { parseReportYear } from '../features/reports/report-year.js'
import { formatShare } from '../features/reports/reports.view-model.js'
import { CommandError, withServices } from './context.js'
import type { CommandContext } from './context.js'

interface ReportOptions {
  year?: string
  school?: string
  organisation?: string
  format: string
  suppress?: boolean
}

type ReportFormat = 'text' | 'json' | 'csv'

function parseReportFormat(value: string): ReportFormat {
  if (value === 'text' || value === 'json' || value === 'csv') return value
  throw new CommandError(`--format "${value}" is not valid. Use --format text, json or csv.`)
}

/** Registers `report`, which prints the cohort report of a school or an organisation. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'print the cohort report: leavers’ destinations against last year and England, and current students',
    )
    .option(
      '--year <year>',
      'the leaving year, such as 2025/26 (default: the latest past year with leavers)',
    )
    .option('--school <name>', 'the school to report on; needed when there are several')
    .option(
      '--organisation <name>',
      'the trust or local authority to report on, across its schools',
    )
    .option(
      '--format <format>',
      'output format: text, json or csv (csv always withholds counts from 1 to 4)',
      'text',
    )
    .option('--suppress', 'withhold counts from 1 to 4, for figures that leave the school')
    .action((options: ReportOptions) => printReport(options))
}

interface ReportTarget {
  name: string
  schoolIds: number[]
  bySchool: boolean
}

async function chooseTarget(
  context: CommandContext,
  options: ReportOptions,
): Promise<ReportTarget> {
  const { schools, scope, services } = context
  if (options.school !== undefined && options.organisation !== undefined) {
    throw new CommandError('Give --school or --organisation, not both.')
  }
  if (options.organisation !== undefined) {
    const name = options.organisation.normalize('NFC').trim()
    const organisations = await services.reports.listOrganisations(scope)
    const found = organisations.find((item) => item.name === name)
    if (!found) {
      const names = organisations.map((item) => `"${item.name}"`).join(', ') || 'none'
      throw new CommandError(
        `No organisation you can see is called "${name}". The organisations are ${names}.`,
      )
    }
    return { name: found.name, schoolIds: found.schools.map((school) => school.id), bySchool: true }
  }

  const names = schools.map((school) => `"${school.name}"`).join(', ') || 'none yet'
  if (options.school === undefined) {
    const [only] = schools
    if (schools.length === 1 && only)
      return { name: only.name, schoolIds: [only.id], bySchool: false }
    throw new CommandError(
      `Choose a school with --school or an organisation with --organisation. The schools are ${names}.`,
    )
  }
  const name = options.school.normalize('NFC').trim()
  const school = schools.find((item) => item.name === name)
  if (!school) throw new CommandError(`No school is called "${name}". The schools are ${names}.`)
  return { name: school.name, schoolIds: [school.id], bySchool: false }
}

/** True when the user running the command may see students' names at every school reported. */
async function namesAllowed(context: CommandContext, schoolIds: number[]): Promise<boolean> {
  if (context.operator) return true
  const account = await context.services.accounts.findAccount(context.actor)
  if (!account) return false
  const roles = await context.services.accounts.schoolRolesOf(account.id)
  return schoolIds.every((id) => {
    const role = roles.get(id)
    return role !== undefined && roleHas(role, 'students.view')
  })
}

async function printReport(options: ReportOptions): Promise<void> {
  const format = parseReportFormat(options.format)

  await withServices('report', async (context) => {
    const { services, scope } = context
    const target = await chooseTarget(context, options)
    const years = await services.reports.availableYears(scope, target.schoolIds)
    const currentYear = academicYearOf(services.reports.today())
    const parsedYear = parseReportYear(options.year, years.defaultYear, currentYear)
    if (!parsedYear.ok) throw new CommandError(`--year: ${parsedYear.error}`)
    const year = parsedYear.value
    const suppress =
      format === 'csv' ||
      options.suppress === true ||
      !(await namesAllowed(context, target.schoolIds))
    const report = await services.reports.cohortReport(scope, {
      schoolIds: target.schoolIds,
      year,
      bySchool: target.bySchool,
      suppress,
    })

    if (format === 'json') console.log(JSON.stringify(reportAsJson(report), null, 2))
    else if (format === 'csv') process.stdout.write(stringify(reportCsvRows(report)))
    else printText(target.name, report)
  })
}

function printText(name: string, report: CohortReport): void {
  const year = formatAcademicYear(report.year)
  const last = formatAcademicYear(report.year - 1)
  const { total } = report.thisYear
  console.log(`Cohort report: ${name}, leavers of ${year}, as on ${report.today}`)
  console.log(
    `Leavers: ${formatCount(total.leavers, total.withheld?.leavers)} (${last}: ${formatCount(report.lastYear.total.leavers, report.lastYear.total.withheld?.leavers)})`,
  )
  if (report.suppressed) {
    console.log(
      'Counts from 1 to 4 are shown as "fewer than 5". A figure hidden to protect another reads "withheld", and a row with fewer than 10 leavers shows only its number of leavers.',
    )
  }

  printHeadline(report)
  printBreakdowns(report)
  printCurrentStudents(report)
}

function printHeadline(report: CohortReport): void {
  const year = formatAcademicYear(report.year)
  const last = formatAcademicYear(report.year - 1)
  console.log('')
  console.log(`Measure | ${year} | ${last} | England`)
  for (const row of headlineComparison(report)) {
    const england = row.england
      ? `${row.england.percent.toFixed(1)}% (${row.england.population}, ${row.england.year})`
      : 'no national figure'
    const thisYear = formatShare({ percent: row.thisYear, reason: row.reasons.thisYear })
    const lastYear = formatShare({ percent: row.lastYear, reason: row.reasons.lastYear })
    console.log(`${row.label} | ${thisYear} | ${lastYear} | ${england}`)
  }
}

function printBreakdowns(report: CohortReport): void {
  for (const breakdown of report.thisYear.breakdowns) {
    console.log('')
    console.log(`${breakdown.title}: leavers, positive career outcome, sustained`)
    for (const cell of breakdown.cells) {
      const positive = formatShare(shareOf(cell, 'positive'))
      const sustained = formatShare(shareOf(cell, 'sustained'))
      const leavers = formatCount(cell.leavers, cell.withheld?.leavers)
      console.log(`  ${cell.label}: ${leavers}, ${positive}, ${sustained}`)
    }
  }
}

function printCurrentStudents(report: CohortReport): void {
  const { current } = report
  console.log('')
  console.log(
    `Current students: ${formatCount(current.total)}, with a career plan ${formatCount(current.withPlan, current.plansWithheld?.withPlan)}, without ${formatCount(current.withoutPlan, current.plansWithheld?.withoutPlan)}`,
  )
  for (const group of current.groups) {
    console.log(`  ${group.label}: ${formatCount(group.count, group.withheld)}`)
  }
}
