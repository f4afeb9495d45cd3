// Turns a cohort report into the tables, text summaries and chart data the report pages show.
import type { AcademicYear } from '../../domain/academic-year.js'
import { formatAcademicYear } from '../../domain/academic-year.js'
import { STUDENT_BENCHMARKS } from '../../domain/careers-activities.js'
import type { StudentBenchmark } from '../../domain/careers-activities.js'
import { formatLongDate } from '../../domain/format.js'
import { PUPIL_SEN_SHARES } from '../../domain/national-figures.js'
import type { NationalFigure } from '../../domain/national-figures.js'
import {
  ehcPlanShareComparison,
  formatCount,
  headlineComparison,
  percentOf,
  provisionComparison,
  shareOf,
  shareReasonText,
} from '../../domain/reports/index.js'
import type {
  Breakdown,
  CohortReport,
  Count,
  LeaverOutcomes,
  OutcomeCell,
  Share,
  ShareReason,
  YearGroupCoverageCounts,
} from '../../domain/reports/index.js'
import type { MissingReason } from './charts/chart.types.js'
import { drawReportChart } from './reports.chart-drawing.js'
import type { ReportChart } from './reports.charts.js'

/** Formats a percentage with one decimal place, or names the reason there is none. */
export function formatPercent(percent: number | null, denominator: Count = null): string {
  if (denominator === 0) return 'no leavers'
  if (percent === null) return 'withheld'
  return `${(Math.round(percent * 10) / 10).toFixed(1)}%`
}

/** Formats a share: the percentage with one decimal place, or the words for its reason. */
export function formatShare(share: Share): string {
  if (share.percent === null) return shareReasonText(share.reason ?? 'row-withheld')
  return formatPercent(share.percent)
}

/** Returns the reason a chart prints for a missing value, from a share's or a count's reason. */
export function chartReason(
  reason: ShareReason | null | undefined,
  unit: 'count' | 'percent' = 'percent',
): MissingReason | null {
  if (reason === null || reason === undefined) return null
  if (reason === 'protects-another' || reason === 'row-withheld') return 'withheld'
  if (reason === 'fewer-than-5') return unit === 'count' ? 'suppressed' : 'withheld'
  return reason
}

function roundPercent(percent: number | null): number | null {
  return percent === null ? null : Math.round(percent * 10) / 10
}

/**
 * Returns the share of all current students with an activity for `benchmark`, from the counts per
 * year group, or null when any of those counts is withheld.
 */
function coverageShare(
  rows: readonly YearGroupCoverageCounts[],
  benchmark: StudentBenchmark,
): number | null {
  let covered = 0
  let students = 0
  for (const row of rows) {
    const count = row.benchmarks.find((item) => item.benchmark === benchmark)?.covered ?? 0
    if (count === null || row.students === null) return null
    covered += count
    students += row.students
  }
  return roundPercent(percentOf(covered, students))
}

function englandText(figure: NationalFigure | null): string {
  if (!figure) return 'No national figure'
  return `${figure.percent.toFixed(1)}% (${figure.population}, ${figure.year}; ${figure.source})`
}

const OUTCOME_COLUMNS = [
  { measure: 'positive', label: 'Positive career outcome' },
  { measure: 'eet', label: 'EET' },
  { measure: 'neet', label: 'NEET' },
  { measure: 'notKnown', label: 'Not known' },
  { measure: 'sustained', label: 'Sustained' },
  { measure: 'sustainedNotYetKnown', label: 'Sustained not yet known' },
] as const

function outcomeRow(cell: OutcomeCell) {
  return {
    label: cell.label,
    leavers: formatCount(cell.leavers, cell.withheld?.leavers),
    shares: OUTCOME_COLUMNS.map(({ measure }) => formatShare(shareOf(cell, measure))),
  }
}

function sentenceShare(cell: OutcomeCell, measure: 'positive' | 'sustained'): string {
  return formatShare(shareOf(cell, measure))
}

/** Each breakdown's name as it reads inside a sentence. */
const BREAKDOWN_IN_SENTENCE: Record<Breakdown['id'], string> = {
  group: 'Career SEND group',
  provision: 'SEN provision',
  need: 'primary need',
  ncYear: 'year group at leaving',
  school: 'school',
}

function breakdownSection(breakdown: Breakdown, outcomes: LeaverOutcomes) {
  const yearLabel = formatAcademicYear(outcomes.year)
  const name = BREAKDOWN_IN_SENTENCE[breakdown.id]
  // One series, as in the table under the chart: last year's rows are in the headline figures.
  const shares = breakdown.cells.map((cell) => shareOf(cell, 'positive'))
  const chart: ReportChart = {
    id: `breakdown-${breakdown.id}`,
    title: `Positive career outcomes by ${name}`,
    summary: `The share of ${yearLabel} leavers with a positive career outcome in each ${name} category.`,
    categoryLabel: breakdown.title,
    valueLabel: 'Share of leavers with a positive career outcome',
    unit: 'percent',
    categories: breakdown.cells.map((cell) => cell.label),
    series: [
      {
        name: `${yearLabel} leavers`,
        values: shares.map((share) => roundPercent(share.percent)),
        reasons: shares.map((share) => chartReason(share.reason)),
      },
    ],
  }
  return {
    id: breakdown.id,
    title: `Leavers by ${name}`,
    rows: breakdown.cells.map(outcomeRow),
    chart,
  }
}

function headlineSection(report: CohortReport) {
  const rows = headlineComparison(report)
  const thisLabel = `${formatAcademicYear(report.year)} leavers`
  const lastLabel = `${formatAcademicYear(report.year - 1)} leavers`
  const chart: ReportChart = {
    id: 'headline',
    title: 'Headline figures: this year, last year and England',
    summary: `The headline shares for ${thisLabel}, ${lastLabel} and, where one exists, England.`,
    categoryLabel: 'Measure',
    valueLabel: 'Share of leavers',
    unit: 'percent',
    categories: rows.map((row) => row.label),
    series: [
      {
        name: thisLabel,
        values: rows.map((row) => roundPercent(row.thisYear)),
        reasons: rows.map((row) => chartReason(row.reasons.thisYear)),
      },
      {
        name: lastLabel,
        values: rows.map((row) => roundPercent(row.lastYear)),
        reasons: rows.map((row) => chartReason(row.reasons.lastYear)),
      },
      {
        name: 'England',
        values: rows.map((row) => row.england?.percent ?? null),
        // England's missing figures are not held, never withheld.
        reasons: rows.map((row) => (row.england ? null : 'no-data')),
      },
    ],
  }
  return {
    thisLabel,
    lastLabel,
    rows: rows.map((row) => ({
      label: row.label,
      thisYear: formatShare({ percent: row.thisYear, reason: row.reasons.thisYear }),
      lastYear: formatShare({ percent: row.lastYear, reason: row.reasons.lastYear }),
      england: englandText(row.england),
      note: row.note,
    })),
    chart,
  }
}

function mixSection(outcomes: LeaverOutcomes) {
  const { total } = outcomes
  const yearLabel = formatAcademicYear(outcomes.year)
  return {
    rows: total.mix.map((item) => ({
      label: item.label,
      count: formatCount(item.count, item.withheld),
    })),
    chart: {
      id: 'mix',
      title: `Destinations of ${yearLabel} leavers`,
      summary: `How many ${yearLabel} leavers were in each type of destination on 1 October of the year after leaving, or else at their first destination that year.`,
      categoryLabel: 'Destination type',
      valueLabel: 'Leavers',
      unit: 'count',
      categories: total.mix.map((item) => item.label),
      series: [
        {
          name: `${yearLabel} leavers`,
          values: total.mix.map((item) => item.count),
          reasons: total.mix.map((item) => chartReason(item.withheld, 'count')),
        },
      ],
    } satisfies ReportChart,
  }
}

function currentSection(report: CohortReport) {
  const { current } = report
  const groupsChart: ReportChart = {
    id: 'groups',
    title: 'Current students by Career SEND group',
    summary: `${formatCount(current.total)} current students, by Career SEND group and whether the group is firm or provisional.`,
    categoryLabel: 'Career SEND group',
    valueLabel: 'Students',
    unit: 'count',
    categories: current.groups.map((group) => group.label),
    series: [
      {
        name: 'Current students',
        values: current.groups.map((group) => group.count),
        reasons: current.groups.map((group) => chartReason(group.withheld, 'count')),
      },
    ],
  }
  const needCharts = current.needMix.map((mix): ReportChart => ({
    id: `needs-${mix.provision}`,
    title: `Primary needs of current students with ${mix.label}, beside England`,
    summary: `The share of current students with ${mix.label} who have each primary need, beside England's share in January 2024.`,
    categoryLabel: 'Primary need',
    valueLabel: `Share of students with ${mix.label}`,
    unit: 'percent',
    categories: mix.needs.map((need) => need.label),
    series: [
      {
        name: 'Your students',
        values: mix.needs.map((need) => roundPercent(percentOf(need.count, mix.total))),
      },
      { name: 'England, January 2024', values: mix.needs.map((need) => need.nationalPercent) },
    ],
  }))
  const plansChart: ReportChart = {
    id: 'plans',
    title: 'Current students with a career plan',
    summary: `${formatCount(current.withPlan)} of ${formatCount(current.total)} current students have a career plan.`,
    categoryLabel: 'Career plan',
    valueLabel: 'Students',
    unit: 'count',
    categories: ['With a career plan', 'Without a career plan'],
    series: [
      {
        name: 'Current students',
        values: [current.withPlan, current.withoutPlan],
        reasons: [
          chartReason(current.plansWithheld?.withPlan, 'count'),
          chartReason(current.plansWithheld?.withoutPlan, 'count'),
        ],
      },
    ],
  }
  // One bar per benchmark across all year groups: seven series of year groups would be too many
  // bars to read, and the table under the chart keeps the figures per year group.
  const coverageChart: ReportChart = {
    id: 'coverage',
    title: 'Gatsby Benchmark coverage of current students',
    summary:
      'The share of current students with at least one activity held for each of Benchmarks 2 to 8. The table gives the share per year group.',
    categoryLabel: 'Gatsby Benchmark',
    valueLabel: 'Share of current students',
    unit: 'percent',
    categories: STUDENT_BENCHMARKS.map((benchmark) => `Benchmark ${benchmark}`),
    series: [
      {
        name: 'Current students',
        values: STUDENT_BENCHMARKS.map((benchmark) => coverageShare(current.coverage, benchmark)),
      },
    ],
  }
  const ehcShare = ehcPlanShareComparison(current)
  return {
    plansChart,
    coverageChart,
    total: formatCount(current.total),
    ehcShare: {
      school: formatPercent(ehcShare.school),
      england: englandText(ehcShare.england),
    },
    populationNote: PUPIL_SEN_SHARES.map(
      (figure) => `${figure.percent.toFixed(1)}% were ${figure.population} in ${figure.year}`,
    ).join('; '),
    groups: current.groups.map((group) => ({
      label: group.label,
      count: formatCount(group.count, group.withheld),
    })),
    groupsChart,
    withPlan: formatCount(current.withPlan, current.plansWithheld?.withPlan),
    withoutPlan: formatCount(current.withoutPlan, current.plansWithheld?.withoutPlan),
    planShare: formatPercent(percentOf(current.withPlan, current.total), current.total),
    benchmarks: [...STUDENT_BENCHMARKS],
    coverage: current.coverage.map((row) => ({
      label: row.label,
      students: formatCount(row.students, row.withheld),
      cells: row.benchmarks.map((item) =>
        item.covered === null
          ? 'withheld'
          : `${item.covered} (${formatPercent(percentOf(item.covered, row.students))})`,
      ),
    })),
    needMix: current.needMix.map((mix, index) => ({
      label: mix.label,
      total: formatCount(mix.total),
      rows: mix.needs.map((need) => ({
        label: need.label,
        count: formatCount(need.count, need.withheld),
        share: formatPercent(percentOf(need.count, mix.total), mix.total),
        england:
          need.nationalPercent === null
            ? 'No national figure'
            : `${need.nationalPercent.toFixed(1)}%`,
      })),
      chart: needCharts[index],
    })),
  }
}

function summaryOf(report: CohortReport): string {
  const total = report.thisYear.total
  const last = report.lastYear.total
  const year = formatAcademicYear(report.year)
  if (total.leavers === 0) return `No students left in ${year}.`
  if (total.leavers === null) {
    return `Fewer than 5 students left in ${year}, so their figures are withheld.`
  }
  const before =
    shareOf(last, 'positive').percent === null
      ? ''
      : `, against ${sentenceShare(last, 'positive')} of ${formatAcademicYear(report.year - 1)} leavers`
  const positive = shareOf(total, 'positive')
  const positiveText =
    positive.percent === null
      ? `the share with a positive career outcome is ${sentenceShare(total, 'positive')}`
      : `${sentenceShare(total, 'positive')} had a positive career outcome`
  const sustained = shareOf(total, 'sustained')
  const sustainedText =
    sustained.percent === null
      ? `The share in a sustained destination is ${sentenceShare(total, 'sustained')}.`
      : `${sentenceShare(total, 'sustained')} were in a sustained destination.`
  return `Of ${total.leavers} students who left in ${year}, ${positiveText}${before}. ${sustainedText}`
}

export interface ReportPageOptions {
  title: string
  /** The page's own address, for the year form. */
  action: string
  years: AcademicYear[]
  schoolOptions?: { value: number; text: string }[]
  schoolId?: number
  /** Links to related reports: an organisation's, or each school's of an organisation. */
  related?: { title: string; links: { href: string; text: string }[] }
  /** True when the user may see students' names, so the page may link to work lists. */
  namesAllowed: boolean
}

/** Builds everything a report page shows. `charts` lists every chart's data for the renderer. */
export function reportPageContext(report: CohortReport, options: ReportPageOptions) {
  const headline = headlineSection(report)
  const breakdowns = report.thisYear.breakdowns.map((breakdown) =>
    breakdownSection(breakdown, report.thisYear),
  )
  const mix = mixSection(report.thisYear)
  const current = currentSection(report)
  const provision = provisionComparison(report.thisYear).map((row) => ({
    label: `${row.measureLabel}, ${row.label}`,
    school: formatShare({ percent: row.school, reason: row.schoolReason }),
    england: englandText(row.england),
    note: row.note,
  }))
  const charts: ReportChart[] = [
    headline.chart,
    mix.chart,
    ...breakdowns.map((section) => section.chart),
    current.groupsChart,
    current.plansChart,
    ...(current.coverage.length > 0 ? [current.coverageChart] : []),
    ...current.needMix.flatMap((mixItem) => (mixItem.chart ? [mixItem.chart] : [])),
  ]
  // The template reaches each chart through its section, so the drawing is set on the same object.
  for (const chart of charts) chart.drawing = drawReportChart(chart, report.suppressed)
  return {
    pageTitle: options.title,
    action: options.action,
    year: report.year,
    yearLabel: formatAcademicYear(report.year),
    destinationYearLabel: formatAcademicYear(report.thisYear.destinationYear),
    yearOptions: options.years.map((year) => ({
      value: formatAcademicYear(year),
      text: formatAcademicYear(year),
    })),
    schoolOptions: options.schoolOptions ?? [],
    schoolId: options.schoolId,
    related: options.related ?? null,
    namesAllowed: options.namesAllowed,
    today: formatLongDate(report.today),
    suppressed: report.suppressed,
    summary: summaryOf(report),
    headline,
    provision,
    mix,
    breakdowns,
    outcomeColumns: OUTCOME_COLUMNS.map((column) => column.label),
    current,
    charts,
  }
}
