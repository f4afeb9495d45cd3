// A whole cohort report and the small-number suppression applied to it before it is shown to a
// viewer or leaves the school.
import type { AcademicYear } from '../academic-year.js'
import type { IsoDate } from '../types.js'
import { OUTCOME_MEASURES } from './cohort-report.js'
import type { Breakdown, LeaverOutcomes, OutcomeCell } from './cohort-report.js'
import type { CurrentStudents } from './current-students.js'
import { suppressBreakdown, suppressCount } from './suppression.js'
import type { Count } from './suppression.js'

export interface CohortReport {
  /** The date the report was made, which decides current students and sustained destinations. */
  today: IsoDate
  /** The leaving year reported. `lastYear` is the year before. */
  year: AcademicYear
  schools: { id: number; name: string }[]
  /** True when counts from 1 to 4 and their complements are withheld (null). */
  suppressed: boolean
  thisYear: LeaverOutcomes
  lastYear: LeaverOutcomes
  current: CurrentStudents
}

/** Returns the report with small numbers withheld, as `suppressBreakdown` describes. */
export function suppressReport(report: CohortReport): CohortReport {
  return {
    ...report,
    suppressed: true,
    thisYear: suppressOutcomes(report.thisYear),
    lastYear: suppressOutcomes(report.lastYear),
    current: suppressCurrent(report.current),
  }
}

/**
 * Withholds small counts in every measure, across the cells of each breakdown against the total.
 * A cell whose leaver count is withheld has every count withheld, because its other counts and its
 * mix would narrow down the number. Each cell's mix of destination types is a breakdown of its
 * leavers.
 */
function suppressOutcomes(outcomes: LeaverOutcomes): LeaverOutcomes {
  const total = suppressCell(outcomes.total)
  const breakdowns = outcomes.breakdowns.map((breakdown): Breakdown => {
    const cells = breakdown.cells.map((cell) => ({ ...cell }))
    for (const measure of OUTCOME_MEASURES) {
      const withheld = suppressBreakdown(
        cells.map((cell) => cell[measure]),
        outcomes.total[measure],
      )
      cells.forEach((cell, index) => {
        cell[measure] = withheld.cells[index] ?? null
      })
    }
    return { ...breakdown, cells: cells.map(suppressCell) }
  })
  return { ...outcomes, total, breakdowns }
}

function suppressCell(cell: OutcomeCell): OutcomeCell {
  const leavers = suppressCount(cell.leavers)
  const mixShown = suppressBreakdown(
    cell.mix.map((item) => item.count),
    leavers,
  )
  const result: OutcomeCell = {
    ...cell,
    mix: cell.mix.map((item, index) => ({
      ...item,
      count: leavers === null ? null : (mixShown.cells[index] ?? null),
    })),
  }
  for (const measure of OUTCOME_MEASURES) {
    result[measure] = leavers === null ? null : suppressCount(cell[measure])
  }
  return result
}

function suppressCurrent(current: CurrentStudents): CurrentStudents {
  const groups = suppressBreakdown(
    current.groups.map((cell) => cell.count),
    current.total,
  )
  const plans = suppressBreakdown([current.withPlan, current.withoutPlan], current.total)
  const years = suppressBreakdown(
    current.coverage.map((row) => row.students),
    current.total,
  )
  return {
    total: groups.total,
    groups: current.groups.map((cell, index) => ({ ...cell, count: groups.cells[index] ?? null })),
    withPlan: plans.cells[0] ?? null,
    withoutPlan: plans.cells[1] ?? null,
    coverage: current.coverage.map((row, index) => {
      const students: Count = years.cells[index] ?? null
      return {
        ...row,
        students,
        benchmarks: row.benchmarks.map((item) => ({
          ...item,
          covered: students === null ? null : suppressCount(item.covered),
        })),
      }
    }),
    needMix: current.needMix.map((mix) => {
      const withheld = suppressBreakdown(
        mix.needs.map((need) => need.count),
        mix.total,
      )
      return {
        ...mix,
        total: withheld.total,
        needs: mix.needs.map((need, index) => ({ ...need, count: withheld.cells[index] ?? null })),
      }
    }),
  }
}
