// The one-line statuses the student page shows beside its links to the careers record.
import { findDestinationType } from '../../domain/destination-types.js'
import { formatLongDate } from '../../domain/format.js'
import type { IsoDate } from '../../domain/types.js'
import type { RecordSummary } from './record-summary.repository.js'

function planStatus(plan: RecordSummary['plan'], today: IsoDate): string {
  if (!plan) return 'No plan yet'
  if (plan.reviewCount === 0) return 'No review yet'
  if (!plan.nextReviewOn) return 'No next review date set'
  if (plan.nextReviewOn < today) return `Review overdue since ${formatLongDate(plan.nextReviewOn)}`
  return `Next review ${formatLongDate(plan.nextReviewOn)}`
}

function activityStatus(held: number, planned: number): string {
  if (held === 0 && planned === 0) return 'None recorded'
  const parts = []
  if (held > 0) parts.push(`${held} ${held === 1 ? 'activity' : 'activities'}`)
  if (planned > 0) parts.push(`${planned} planned`)
  return parts.join(', ')
}

function destinationStatus(spell: RecordSummary['latestDestination']): string {
  if (!spell) return 'None recorded'
  const intent = spell.intent === 'intended' ? 'Intended' : 'Actual'
  const type = findDestinationType(spell.type)?.label ?? spell.type
  const dates = spell.endDate
    ? `${formatLongDate(spell.startDate)} to ${formatLongDate(spell.endDate)}`
    : `from ${formatLongDate(spell.startDate)}`
  return `${intent}: ${type}, ${dates}`
}

/** Builds the status text of the plan, activities and destinations links. */
export function recordStatuses(summary: RecordSummary, today: IsoDate) {
  return {
    plan: planStatus(summary.plan, today),
    activities: activityStatus(summary.activitiesHeld, summary.activitiesPlanned),
    destinations: destinationStatus(summary.latestDestination),
  }
}
