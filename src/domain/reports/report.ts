// A whole cohort report and the small-number suppression applied to it before it is shown to a
// viewer or leaves the school.
import type { AcademicYear } from '../academic-year.js'
import type { IsoDate } from '../types.js'
import { OUTCOME_MEASURES } from './cohort-report.js'
import type { Breakdown, LeaverOutcomes, OutcomeCell, OutcomeMeasure } from './cohort-report.js'
import type { CurrentStudents } from './current-students.js'
import { rowWithholdsShares, suppressBreakdown, suppressCount } from './suppression.js'
import type { Count, WithheldReason } from './suppression.js'

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
 * Withholds small counts in every measure, across the cells of each breakdown against the total,
 * and records why each count is withheld. A row whose leaver count is withheld has every non-zero
 * count withheld, because its other counts and its mix would narrow down the number. A row with
 * fewer than 10 leavers shows only its leavers (`rowWithholdsShares`). Each row's mix of
 * destination types is a breakdown of its leavers.
 */
function suppressOutcomes(outcomes: LeaverOutcomes): LeaverOutcomes {
  const total = suppressCell(outcomes.total, {})
  const breakdowns = outcomes.breakdowns.map((breakdown): Breakdown => {
    const reasons: Withheld[] = breakdown.cells.map(() => ({}))
    const leavers = suppressBreakdown(
      breakdown.cells.map((cell) => cell.leavers),
      outcomes.total.leavers,
    )
    for (const measure of OUTCOME_MEASURES) {
      // A count hidden because its row is hidden or has fewer than 10 leavers enters its
      // breakdown as withheld, so that it too is protected by a complement.
      const counts = breakdown.cells.map((cell, index): Count => {
        if (measure === 'leavers') return cell.leavers
        if (leavers.cells[index] === null) return cell[measure] === 0 ? 0 : null
        return rowWithholdsShares(cell.leavers) ? null : cell[measure]
      })
      const withheld = suppressBreakdown(counts, outcomes.total[measure])
      withheld.reasons.forEach((reason, index) => {
        const cellReasons = reasons[index]
        if (reason !== null && cellReasons) cellReasons[measure] = reason
      })
    }
    return {
      ...breakdown,
      cells: breakdown.cells.map((cell, index) => suppressCell(cell, reasons[index] ?? {})),
    }
  })
  return { ...outcomes, total, breakdowns }
}

type Withheld = Partial<Record<OutcomeMeasure, WithheldReason>>

/** Returns the reason a count is withheld in a row whose leavers are shown, if any. */
function ownReason(count: Count, given: WithheldReason | undefined): WithheldReason | undefined {
  if (given !== undefined) return given
  return suppressCount(count) === null ? 'fewer-than-5' : undefined
}

/**
 * Withholds the counts of one row. `given` contains the reasons found across its breakdown, such as a
 * count withheld to protect another row's.
 */
function suppressCell(cell: OutcomeCell, given: Withheld): OutcomeCell {
  const leaversReason = ownReason(cell.leavers, given.leavers)
  const leavers = leaversReason === undefined ? cell.leavers : null
  const smallRow = rowWithholdsShares(leavers)
  const reasonOf = (count: Count, fromBreakdown: WithheldReason | undefined) => {
    if (leaversReason !== undefined) {
      return count === 0 ? undefined : (ownReason(count, undefined) ?? 'row-withheld')
    }
    if (smallRow) return 'fewer-than-10-leavers' as const
    return ownReason(count, fromBreakdown)
  }
  const withheld: Withheld = {}
  if (leaversReason !== undefined) withheld.leavers = leaversReason
  const result: OutcomeCell = { ...cell, leavers }
  for (const measure of OUTCOME_MEASURES) {
    if (measure === 'leavers') continue
    const reason = reasonOf(cell[measure], given[measure])
    result[measure] = reason === undefined ? cell[measure] : null
    if (reason !== undefined) withheld[measure] = reason
  }
  const mixShown = suppressBreakdown(
    cell.mix.map((item) => item.count),
    leavers,
  )
  result.mix = cell.mix.map((item, index) => {
    const reason =
      leaversReason !== undefined || smallRow
        ? reasonOf(item.count, undefined)
        : (mixShown.reasons[index] ?? undefined)
    return reason === undefined ? { ...item } : { ...item, count: null, withheld: reason }
  })
  result.withheld = withheld
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
    groups: current.groups.map((cell, index) =>
      withReason({ ...cell, count: groups.cells[index] ?? null }, groups.reasons[index]),
    ),
    withPlan: plans.cells[0] ?? null,
    withoutPlan: plans.cells[1] ?? null,
    plansWithheld: {
      ...(plans.reasons[0] ? { withPlan: plans.reasons[0] } : {}),
      ...(plans.reasons[1] ? { withoutPlan: plans.reasons[1] } : {}),
    },
    coverage: current.coverage.map((row, index) => {
      const students: Count = years.cells[index] ?? null
      return withReason(
        {
          ...row,
          students,
          benchmarks: row.benchmarks.map((item) => {
            if (students === null) {
              return item.covered === 0
                ? { ...item }
                : { ...item, covered: null, withheld: 'row-withheld' as const }
            }
            const covered = suppressCount(item.covered)
            return withReason({ ...item, covered }, covered === null ? 'fewer-than-5' : null)
          }),
        },
        years.reasons[index],
      )
    }),
    needMix: current.needMix.map((mix) => {
      const withheld = suppressBreakdown(
        mix.needs.map((need) => need.count),
        mix.total,
      )
      return {
        ...mix,
        total: withheld.total,
        needs: mix.needs.map((need, index) =>
          withReason({ ...need, count: withheld.cells[index] ?? null }, withheld.reasons[index]),
        ),
      }
    }),
  }
}

/** Adds the reason a figure is withheld, when there is one. */
function withReason<T extends object>(
  item: T,
  reason: WithheldReason | null | undefined,
): T & { withheld?: WithheldReason } {
  return reason ? { ...item, withheld: reason } : item
}
