// Small-number suppression for figures that leave the school or reach a role without access to
// names. A count from 1 to 4 is withheld, 0 is shown, and a breakdown whose total is shown never
// has exactly one cell withheld, because the total minus the other cells would give it back.

/** A count as shown: the number, or null when it is withheld. */
export type Count = number | null

/** Counts below this, except 0, are withheld. */
export const SUPPRESSION_LIMIT = 5

/** The words shown in place of a withheld count. */
export const SUPPRESSED_TEXT = 'fewer than 5'

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
): { cells: Count[]; total: Count } {
  const shownTotal = suppressCount(total)
  const shownCells = cells.map(suppressCount)
  const withheldCount = shownCells.filter((cell) => cell === null).length
  if (shownTotal === null || withheldCount !== 1) {
    return { cells: shownCells, total: shownTotal }
  }

  let smallest = -1
  shownCells.forEach((cell, index) => {
    if (cell === null || cell === 0) return
    const current = shownCells[smallest]
    if (smallest === -1 || (current !== null && current !== undefined && cell < current)) {
      smallest = index
    }
  })
  if (smallest !== -1) shownCells[smallest] = null
  return { cells: shownCells, total: shownTotal }
}

/**
 * Returns numerator over denominator as a percentage from 0 to 100, or null when either count is
 * withheld or the denominator is 0.
 */
export function percentOf(numerator: Count, denominator: Count): number | null {
  if (numerator === null || denominator === null || denominator === 0) return null
  return (numerator / denominator) * 100
}

/** Formats a count for a page or a file: the number, or "fewer than 5" when withheld. */
export function formatCount(count: Count): string {
  return count === null ? SUPPRESSED_TEXT : String(count)
}
