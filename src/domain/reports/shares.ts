// The share of a row's leavers for one measure, with the reason when there is no share to show.
import type { OutcomeCounts, OutcomeMeasure } from './cohort-report.js'
import { percentOf, rowWithholdsShares, withheldText } from './suppression.js'
import type { WithheldReason } from './suppression.js'

/** Why a share has no value: withheld, no leavers, or a sustained result not yet known. */
export type ShareReason = WithheldReason | 'no-leavers' | 'not-yet-known'

export interface Share {
  /** A percentage from 0 to 100, or null with a reason. */
  percent: number | null
  reason: ShareReason | null
}

const SUSTAINED_MEASURES: readonly OutcomeMeasure[] = ['sustained', 'sustainedEmployment']

/**
 * Returns the share of `counts.leavers` for `measure`. A sustained share is not yet known when any
 * leaver's sustained result is not yet known (or that count is withheld, which means it is not 0),
 * because the known part alone would read as a low share.
 */
export function shareOf(counts: OutcomeCounts, measure: OutcomeMeasure): Share {
  const withheld = counts.withheld ?? {}
  if (counts.leavers === 0) return { percent: null, reason: 'no-leavers' }
  if (counts.leavers === null) {
    return { percent: null, reason: withheld.leavers ?? 'fewer-than-5' }
  }
  if (rowWithholdsShares(counts.leavers) && withheld[measure] === 'fewer-than-10-leavers') {
    return { percent: null, reason: 'fewer-than-10-leavers' }
  }
  if (SUSTAINED_MEASURES.includes(measure) && counts.sustainedNotYetKnown !== 0) {
    return { percent: null, reason: 'not-yet-known' }
  }
  const percent = percentOf(counts[measure], counts.leavers)
  return percent === null
    ? { percent: null, reason: withheld[measure] ?? 'row-withheld' }
    : { percent, reason: null }
}

/** Returns the words shown for a share with no value. */
export function shareReasonText(reason: ShareReason): string {
  if (reason === 'no-leavers') return 'no leavers'
  if (reason === 'not-yet-known') return 'not yet known'
  // A share built on a count from 1 to 4 is withheld, not "fewer than 5".
  return reason === 'fewer-than-5' ? 'withheld' : withheldText(reason)
}
