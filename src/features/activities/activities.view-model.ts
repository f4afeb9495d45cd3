import {
  ACTIVITY_KIND_INFO,
  ACTIVITY_KINDS,
  isActivityKind,
  STUDENT_BENCHMARKS,
} from '../../domain/careers-activities.js'
import type { BenchmarkCoverage, YearGroupCoverage } from '../../domain/careers-activities.js'
import { formatLongDate } from '../../domain/format.js'
import { benchmarkOn, isBenchmarkNumber } from '../../domain/gatsby.js'
import { groupLabel } from '../../domain/group-label.js'
import type { IsoDate } from '../../domain/types.js'
import type { Activity } from './activity.js'

// Turns activities and coverage into the words and table cells the templates show.

export function kindLabel(kind: string): string {
  return isActivityKind(kind) ? ACTIVITY_KIND_INFO[kind].label : kind
}

export const KIND_OPTIONS = ACTIVITY_KINDS.map((kind) => ({
  value: kind,
  text: ACTIVITY_KIND_INFO[kind].label,
  hint: { text: `Usually Benchmark ${ACTIVITY_KIND_INFO[kind].benchmark}` },
}))

/** Names a benchmark in the wording in force on a date, with the version: "… (2025 wording)". */
export function benchmarkWording(number: number, date: IsoDate): string {
  if (!isBenchmarkNumber(number)) return `Benchmark ${number}`
  const { version, benchmark } = benchmarkOn(number, date)
  return `Benchmark ${number}: ${benchmark.name} (${version.label})`
}

/** Benchmarks 2 to 8 in the wording of a date, for selects and table headings. */
export function benchmarkOptions(date: IsoDate) {
  return STUDENT_BENCHMARKS.map((number) => ({
    value: number,
    text: `Benchmark ${number}: ${benchmarkOn(number, date).benchmark.name}`,
  }))
}

export function yearGroupText(yearGroup: string | null): string {
  if (yearGroup === null) return 'No year group recorded'
  if (yearGroup === 'R') return 'Reception'
  if (yearGroup === 'X') return 'Year X (National Curriculum not followed)'
  return `Year ${yearGroup}`
}

export function groupText(group: string | null): string {
  return groupLabel(group === 'one' || group === 'two' ? group : null)
}

/** Writes a share as a whole percentage, rounding down so 99.6% never reads as 100%. */
export function percentText(share: number): string {
  return `${Math.floor(share * 100)}%`
}

/** Builds the cohort table: one row per year group, one cell per benchmark, in words. */
export function coverageTable(rows: YearGroupCoverage[]) {
  return rows.map((row) => ({
    yearGroup: yearGroupText(row.yearGroup),
    students: row.students,
    cells: row.benchmarks.map((cell) => ({
      benchmark: cell.benchmark,
      text: `${cell.covered} of ${row.students} (${percentText(cell.share)})`,
      none: cell.covered === 0,
    })),
  }))
}

function activityCount(count: number): string {
  return `${count} ${count === 1 ? 'activity' : 'activities'}`
}

/** Describes a student's coverage of each benchmark, in today's wording, with planned ones apart. */
export function studentCoverageRows(coverage: BenchmarkCoverage[], today: IsoDate) {
  return coverage.map((item) => {
    const held =
      item.latest === null
        ? 'Not yet covered'
        : `Covered: ${activityCount(item.count)}, the latest on ${formatLongDate(item.latest)}`
    const planned =
      item.nextPlanned === null
        ? ''
        : `. Planned: ${activityCount(item.planned)}, the next on ${formatLongDate(item.nextPlanned)}`
    return {
      benchmark: item.benchmark,
      name: benchmarkOn(item.benchmark, today).benchmark.name,
      covered: item.count > 0,
      text: held + planned,
    }
  })
}

/** Formats the lines of an activity's summary list. */
export function activitySummary(activity: Activity) {
  return {
    kind: kindLabel(activity.kind),
    heldOn: formatLongDate(activity.heldOn),
    benchmark: benchmarkWording(activity.benchmark, activity.heldOn),
    provider: activity.provider ?? 'Not recorded',
    adjustments: activity.adjustments ?? 'None recorded',
    updated: `${activity.updatedBy} on ${formatLongDate(activity.updatedAt.slice(0, 10))}`,
  }
}
