import { monthName, splitIsoDate } from './calendar.js'
import type { IsoDate } from './types.js'

/** Formats an ISO date the way UK pages write it: `2026-08-31` becomes `31 August 2026`. */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date)
  return `${day} ${monthName(month)} ${year}`
}

/**
 * Formats an ISO date with the month cut to three letters, for narrow table columns:
 * `2026-09-01` becomes `1 Sep 2026`.
 */
export function formatShortDate(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date)
  return `${day} ${monthName(month).slice(0, 3)} ${year}`
}
