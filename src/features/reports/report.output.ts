// The report as the command line writes it: JSON with the comparison tables, and a CSV with one
// figure per row and every cell safe to open in a spreadsheet. The command requests a suppressed
// report from the service before it writes a CSV.
import { formatAcademicYear } from '../../domain/academic-year.js'
import {
  formatCount,
  headlineComparison,
  OUTCOME_MEASURES,
  percentOf,
  provisionComparison,
  shareOf,
  shareReasonText,
} from '../../domain/reports/index.js'
import type {
  CohortReport,
  Count,
  HeadlineRow,
  LeaverOutcomes,
  OutcomeCell,
  OutcomeMeasure,
  ProvisionComparisonRow,
} from '../../domain/reports/index.js'
import { neutraliseFormula } from '../import/import.problems-csv.js'

export interface ReportJson extends CohortReport {
  comparison: { headline: HeadlineRow[]; byProvision: ProvisionComparisonRow[] }
}

/** Returns the report with its comparison tables, for `--format json`. */
export function reportAsJson(report: CohortReport): ReportJson {
  return {
    ...report,
    comparison: {
      headline: headlineComparison(report),
      byProvision: provisionComparison(report.thisYear),
    },
  }
}

export const CSV_COLUMNS = [
  'section',
  'year',
  'breakdown',
  'category',
  'measure',
  'count',
  'percent',
  'england_percent',
] as const

type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>

/** Words for a row's share in the CSV: one decimal place, empty with no leavers, or the reason. */
function shareCell(cell: OutcomeCell, measure: OutcomeMeasure): string {
  const share = shareOf(cell, measure)
  if (share.reason === 'no-leavers') return ''
  if (share.percent === null) return shareReasonText(share.reason ?? 'row-withheld')
  return (Math.round(share.percent * 10) / 10).toFixed(1)
}

/** Words for a percentage in the CSV: one decimal place, empty with no denominator, or withheld. */
function percentCell(numerator: Count, denominator: Count): string {
  if (denominator === 0) return ''
  const percent = percentOf(numerator, denominator)
  return percent === null ? 'withheld' : (Math.round(percent * 10) / 10).toFixed(1)
}

const MEASURE_NAMES: Record<(typeof OUTCOME_MEASURES)[number], string> = {
  leavers: 'leavers',
  positive: 'positive career outcome',
  eet: 'in education, employment or training',
  neet: 'NEET',
  notKnown: 'not known',
  sustained: 'sustained',
  sustainedNotYetKnown: 'sustained not yet known',
  sustainedEmployment: 'sustained employment',
}

function row(fields: Partial<CsvRow>): CsvRow {
  const empty = Object.fromEntries(CSV_COLUMNS.map((column) => [column, ''])) as CsvRow
  return { ...empty, ...fields }
}

function cellRows(year: string, breakdown: string, cell: OutcomeCell): CsvRow[] {
  return OUTCOME_MEASURES.map((measure) =>
    row({
      section: 'leavers',
      year,
      breakdown,
      category: cell.label,
      measure: MEASURE_NAMES[measure],
      count: formatCount(cell[measure], cell.withheld?.[measure]),
      percent: measure === 'leavers' ? '' : shareCell(cell, measure),
    }),
  )
}

function outcomeRows(outcomes: LeaverOutcomes): CsvRow[] {
  const year = formatAcademicYear(outcomes.year)
  const rows = cellRows(year, 'all leavers', outcomes.total)
  for (const breakdown of outcomes.breakdowns) {
    for (const cell of breakdown.cells) rows.push(...cellRows(year, breakdown.title, cell))
  }
  for (const item of outcomes.total.mix) {
    rows.push(
      row({
        section: 'destinations',
        year,
        breakdown: 'destination type',
        category: item.label,
        measure: 'leavers',
        count: formatCount(item.count, item.withheld),
        percent: item.withheld
          ? shareReasonText(item.withheld)
          : percentCell(item.count, outcomes.total.leavers),
      }),
    )
  }
  return rows
}

function currentRows(report: CohortReport): CsvRow[] {
  const { current } = report
  const year = `on ${report.today}`
  const rows: CsvRow[] = [
    row({
      section: 'current students',
      year,
      category: 'all',
      measure: 'students',
      count: formatCount(current.total),
    }),
  ]
  for (const group of current.groups) {
    rows.push(
      row({
        section: 'current students',
        year,
        breakdown: 'Career SEND group',
        category: group.label,
        measure: 'students',
        count: formatCount(group.count, group.withheld),
        percent: percentCell(group.count, current.total),
      }),
    )
  }
  for (const [category, count, reason] of [
    ['with a career plan', current.withPlan, current.plansWithheld?.withPlan],
    ['without a career plan', current.withoutPlan, current.plansWithheld?.withoutPlan],
  ] as const) {
    rows.push(
      row({
        section: 'current students',
        year,
        breakdown: 'career plan',
        category,
        measure: 'students',
        count: formatCount(count, reason),
        percent: percentCell(count, current.total),
      }),
    )
  }
  for (const coverage of current.coverage) {
    for (const item of coverage.benchmarks) {
      rows.push(
        row({
          section: 'benchmark coverage',
          year,
          breakdown: 'year group',
          category: coverage.label,
          measure: `Benchmark ${item.benchmark}`,
          count: formatCount(item.covered, item.withheld),
          percent: percentCell(item.covered, coverage.students),
        }),
      )
    }
  }
  for (const mix of current.needMix) {
    for (const need of mix.needs) {
      rows.push(
        row({
          section: 'primary need',
          year,
          breakdown: mix.label,
          category: need.label,
          measure: 'students',
          count: formatCount(need.count, need.withheld),
          percent: percentCell(need.count, mix.total),
          england_percent: need.nationalPercent === null ? '' : need.nationalPercent.toFixed(1),
        }),
      )
    }
  }
  return rows
}

function comparisonRows(report: CohortReport): CsvRow[] {
  const year = formatAcademicYear(report.year)
  return headlineComparison(report).map((headline) =>
    row({
      section: 'comparison',
      year,
      breakdown: 'all leavers',
      category: 'all leavers',
      measure: headline.label,
      percent: shareCell(report.thisYear.total, headline.measure),
      england_percent: headline.england ? headline.england.percent.toFixed(1) : '',
    }),
  )
}

/** Lists the CSV rows of a report, each cell neutralised so a spreadsheet shows it as text. */
export function reportCsvRows(report: CohortReport): string[][] {
  const rows = [
    ...comparisonRows(report),
    ...outcomeRows(report.thisYear),
    ...outcomeRows(report.lastYear),
    ...currentRows(report),
  ]
  return [
    [...CSV_COLUMNS],
    ...rows.map((item) => CSV_COLUMNS.map((column) => neutraliseFormula(item[column]))),
  ]
}
