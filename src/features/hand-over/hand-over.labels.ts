// Words for the stored values of plans, activities and destinations, as the hand-over pack shows
// them. They come from the same domain tables as the plan, activity and destination pages, so the
// pack cannot name a value differently. A value with no label is shown as stored.
import { ACTIVITY_KIND_INFO } from '../../domain/careers-activities.js'
import { benchmarkTitle, isBenchmarkNumber } from '../../domain/gatsby.js'
import {
  ACTION_STATUSES,
  GATHERED_HOW,
  GOAL_STATUSES,
  PFA_AREAS,
  REVIEW_KINDS,
} from '../../domain/plan.js'
import type { IsoDate } from '../../domain/types.js'

export const GATHERED_HOW_LABELS: Record<string, string> = GATHERED_HOW

/** Preparing for Adulthood outcome areas, in the order the SEND Code of Practice lists them. */
export const PFA_AREA_LABELS: Record<string, string> = PFA_AREAS

export const GOAL_STATUS_LABELS: Record<string, string> = GOAL_STATUSES

export const ACTION_STATUS_LABELS: Record<string, string> = ACTION_STATUSES

/** The action statuses that leave an action open. */
export const OPEN_ACTION_STATUSES: readonly string[] = ['not_started', 'in_progress']

export const REVIEW_KIND_LABELS: Record<string, string> = REVIEW_KINDS

export const ACTIVITY_KIND_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(ACTIVITY_KIND_INFO).map(({ kind, label }) => [kind, label]),
)

export const INTENT_LABELS: Record<string, string> = {
  intended: 'Intended',
  actual: 'Actual',
}

/** Names a benchmark in the wording in force on the activity's date. */
export function benchmarkLabel(benchmark: number, heldOn: IsoDate): string {
  return isBenchmarkNumber(benchmark) ? benchmarkTitle(benchmark, heldOn) : `Benchmark ${benchmark}`
}

/** Returns the label of a stored value, or the value itself when the table has none. */
export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value
}
