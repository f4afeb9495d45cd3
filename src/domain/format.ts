import { monthName, splitIsoDate } from './calendar.js'
import type { IsoDate } from './types.js'

/** Formats an ISO date the way UK pages write it: `2026-08-31` becomes `31 August 2026`. */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date)
  return `${day} ${monthName(month)} ${year}`
}
