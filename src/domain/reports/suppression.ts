// Small-number suppression for figures that leave the school or reach a role without access to
// names. A count from 1 to 4 is withheld, 0 is shown, and a breakdown whose total is shown never
// has exactly one cell withheld, because the total minus the other cells would give it back.

/** A count as shown: the number, or null when it is withheld. */
export type Count = number | null

/** Counts below this, except 0, are withheld. */
export const SUPPRESSION_LIMIT = 5

/** The words shown in place of a withheld count. */
export const SUPPRESSED_TEXT = 'fewer than 5'

/**
 * The reason a figure is withheld. `fewer-than-5` marks a count from 1 to 4. `protects-another`
 * marks a count of any size withheld only so that another cannot be found by subtraction.
 * `row-withheld` marks a figure of a row whose leavers are withheld, and `fewer-than-10-leavers`
 * a figure of a row with fewer than 10 leavers.
 */
export type WithheldReason =
  'fewer-than-5' | 'protects-another' | 'row-withheld' | 'fewer-than-10-leavers'

/** In a suppressed report, a row with fewer leavers than this shows only its number of leavers. */
export const SHARE_LEAVERS_LIMIT = 10

/**
 * True when a row's shares and its counts other than the number of leavers are withheld: a share
 * of a few leavers gives the count back (7 of 8 is 87.5%). Rows with no leavers or withheld
 * leavers have no share to withhold.
 */
export function rowWithholdsShares(leavers: Count): boolean {
  return leavers !== null && leavers > 0 && leavers < SHARE_LEAVERS_LIMIT
}

/** Returns the words shown in place of a figure withheld for `reason`. */
export function withheldText(reason: WithheldReason | undefined): string {
  if (reason === 'fewer-than-5') return SUPPRESSED_TEXT
  if (reason === 'fewer-than-10-leavers') return 'withheld (fewer than 10 leavers)'
  return 'withheld'
}

/** Withholds a count from 1 to 4. A count already withheld stays withheld. */
export function suppressCount(count: Count): Count {
  if (count === null) return null
  return count > 0 && count < SUPPRESSION_LIMIT ? null : count
}

/**
 * Withholds the small counts of a breakdown and its total. When the total is shown and exactly one
 * cell is withheld, the smallest other non-zero cell is withheld too (the first of equal ones), so
 * no cell can be found by subtraction. `total` is the sum of the cells.
 */
export function suppressBreakdown(
  cells: readonly Count[],
  total: Count,
): { cells: Count[]; total: Count; reasons: (WithheldReason | null)[] } {
  const shownTotal = suppressCount(total)
  const shownCells = cells.map(suppressCount)
  const reasons = shownCells.map((cell): WithheldReason | null =>
    cell === null ? 'fewer-than-5' : null,
  )
  const withheldCount = shownCells.filter((cell) => cell === null).length
  if (shownTotal === null || withheldCount !== 1) {
    return { cells: shownCells, total: shownTotal, reasons }
  }

  let smallest = -1
  shownCells.forEach((cell, index) => {
    if (cell === null || cell === 0) return
    const current = shownCells[smallest]
    if (smallest === -1 || (current !== null && current !== undefined && cell < current)) {
      smallest = index
    }
  })
  if (smallest !== -1) {
    shownCells[smallest] = null
    reasons[smallest] = 'protects-another'
  }
  return { cells: shownCells, total: shownTotal, reasons }
}

/**
 * Returns numerator over denominator as a percentage from 0 to 100, or null when either count is
 * withheld or the denominator is 0.
 */
export function percentOf(numerator: Count, denominator: Count): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null
  return (numerator / denominator) * 100
}

/**
 * Formats a count for a page or a file: the number, or the words for `reason` when withheld. A
 * withheld count with no reason given reads "fewer than 5".
 */
export function formatCount(count: Count, reason?: WithheldReason): string {
  if (count !== null) return String(count)
  return reason === undefined ? SUPPRESSED_TEXT : withheldText(reason)
}
