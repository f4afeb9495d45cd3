// The current students of a report: group sizes, career plans, Gatsby Benchmark coverage per year
// group and the primary-need mix per provision, built from counts the database has grouped.
import { compareYearGroups, STUDENT_BENCHMARKS } from '../careers-activities.js'
import type { StudentBenchmark } from '../careers-activities.js'
import { NATIONAL_PRIMARY_NEED_SHARES_2024 } from '../national-figures.js'
import { provisionOf } from '../provision.js'
import type { CareerSendGroup, GroupBasis, ProvisionCode } from '../types.js'
import { groupCellKey, needLabel, yearGroupLabel } from './cohort-report.js'
import type { Count, WithheldReason } from './suppression.js'

/** The number of current students sharing every one of these values. */
export interface CurrentStudentCount {
  group: CareerSendGroup | null
  basis: GroupBasis | null
  provisionCode: ProvisionCode
  primaryNeed: string | null
  ncYear: string | null
  count: number
  /** How many of them have a career plan. */
  withPlan: number
}

/** The number of current students in a year group with an activity held for a benchmark. */
export interface CoverageCount {
  ncYear: string | null
  benchmark: number
  covered: number
}

export interface CountCell {
  key: string
  label: string
  count: Count
  /** The reason a null count is withheld, in a suppressed report. */
  withheld?: WithheldReason
}

export interface YearGroupCoverageCounts {
  yearGroup: string | null
  label: string
  students: Count
  /** The reason a null `students` count is withheld, in a suppressed report. */
  withheld?: WithheldReason
  benchmarks: { benchmark: StudentBenchmark; covered: Count; withheld?: WithheldReason }[]
}

export interface NeedMix {
  provision: 'K' | 'E'
  label: string
  total: Count
  needs: (CountCell & { code: string | null; nationalPercent: number | null })[]
}

export interface CurrentStudents {
  total: Count
  /** Group One and Two, each firm and provisional, then students with no group. */
  groups: CountCell[]
  withPlan: Count
  withoutPlan: Count
  /** The reasons `withPlan` or `withoutPlan` is withheld, in a suppressed report. */
  plansWithheld?: { withPlan?: WithheldReason; withoutPlan?: WithheldReason }
  coverage: YearGroupCoverageCounts[]
  needMix: NeedMix[]
}

const GROUP_LABELS: [string, string][] = [
  ['one-firm', 'Group One, firm'],
  ['one-provisional', 'Group One, provisional'],
  ['two-firm', 'Group Two, firm'],
  ['two-provisional', 'Group Two, provisional'],
  ['unassigned', 'No group yet'],
]

const MIX_PROVISIONS = [
  { provision: 'K', label: 'SEN support (K)' },
  { provision: 'E', label: 'EHC plan (E)' },
] as const

function add(map: Map<string, number>, key: string, count: number) {
  map.set(key, (map.get(key) ?? 0) + count)
}

/**
 * Builds the current-students part of a report. Coverage counts a student once per benchmark with
 * at least one activity held on or before today, as the activities page does.
 */
export function summariseCurrentStudents(
  counts: readonly CurrentStudentCount[],
  coverage: readonly CoverageCount[],
): CurrentStudents {
  const groups = new Map<string, number>()
  const years = new Map<string, number>()
  const needs = { K: new Map<string, number>(), E: new Map<string, number>() }
  let total = 0
  let withPlan = 0
  for (const row of counts) {
    total += row.count
    withPlan += row.withPlan
    add(groups, groupCellKey(row.group, row.basis), row.count)
    add(years, row.ncYear ?? '', row.count)
    const provision = provisionOf(row.provisionCode)
    if (provision === 'K' || provision === 'E')
      add(needs[provision], row.primaryNeed ?? '', row.count)
  }

  const covered = new Map(coverage.map((row) => [`${row.ncYear ?? ''}|${row.benchmark}`, row]))
  const yearKeys = [...years.keys()].sort((a, b) =>
    compareYearGroups(a === '' ? null : a, b === '' ? null : b),
  )

  return {
    total,
    groups: GROUP_LABELS.map(([key, label]) => ({ key, label, count: groups.get(key) ?? 0 })),
    withPlan,
    withoutPlan: total - withPlan,
    coverage: yearKeys.map((key) => ({
      yearGroup: key === '' ? null : key,
      label: yearGroupLabel(key === '' ? null : key),
      students: years.get(key) ?? 0,
      benchmarks: STUDENT_BENCHMARKS.map((benchmark) => ({
        benchmark,
        covered: covered.get(`${key}|${benchmark}`)?.covered ?? 0,
      })),
    })),
    needMix: MIX_PROVISIONS.map(({ provision, label }) => {
      const map = needs[provision]
      const codes = [...map.keys()].sort(
        (a, b) => (map.get(b) ?? 0) - (map.get(a) ?? 0) || a.localeCompare(b),
      )
      const national = new Map(
        NATIONAL_PRIMARY_NEED_SHARES_2024.map((share) => [
          share.code,
          provision === 'K' ? share.senSupport : share.ehcPlan,
        ]),
      )
      return {
        provision,
        label,
        total: [...map.values()].reduce((sum, count) => sum + count, 0),
        needs: codes.map((code) => ({
          key: code || 'none',
          code: code || null,
          label: needLabel(code || null),
          count: map.get(code) ?? 0,
          nationalPercent: national.get(code) ?? null,
        })),
      }
    }),
  }
}
