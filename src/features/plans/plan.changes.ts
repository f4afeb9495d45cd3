// The values a plan's audit events record: each changed column with its old and new value.
import { encodePfaAreas } from '../../domain/plan.js'
import type { FieldChanges } from '../audit/audit.repository.js'
import type { CareerPlan, PartKind, PartOf } from './plan.types.js'
import type { PartColumns, TargetColumns } from './plan.validation.js'

/** Converts a stored part back to the columns its form writes, to compare and to audit. */
export function columnsOf<K extends PartKind>(kind: K, part: PartOf[K]): PartColumns[K] {
  const converters: { [P in PartKind]: (part: PartOf[P]) => PartColumns[P] } = {
    aspiration: (p) => ({ words: p.words, gathered_how: p.gatheredHow, recorded_on: p.recordedOn }),
    goal: (p) => ({ area: p.area, goal: p.goal, status: p.status }),
    action: (p) => ({ what: p.what, who: p.who, due_on: p.dueOn, status: p.status }),
    review: (p) => ({
      held_on: p.heldOn,
      kind: p.kind,
      participants: p.participants,
      summary: p.summary,
      next_review_on: p.nextReviewOn,
      pfa_areas: encodePfaAreas(p.pfaAreas),
      pfa_reason: p.pfaReason,
    }),
  }
  return converters[kind](part)
}

/**
 * Describes a change to one part: `<kind>_id`, then every column whose value differs. `before` is
 * null for an added part and `after` is null for a removed one. An edit that changes nothing gives
 * the id alone.
 */
export function partChanges<K extends PartKind>(
  kind: K,
  partId: number,
  before: PartOf[K] | null,
  after: PartColumns[K] | null,
): FieldChanges {
  const old: Record<string, unknown> = before ? columnsOf(kind, before) : {}
  const next: Record<string, unknown> = after ?? {}
  const changes: FieldChanges = {
    [`${kind}_id`]: { from: before ? partId : null, to: after ? partId : null },
  }
  for (const column of new Set([...Object.keys(old), ...Object.keys(next)])) {
    const from = old[column] ?? null
    const to = next[column] ?? null
    if (from !== to) changes[column] = { from, to }
  }
  return changes
}

/** Returns a plan's targets as the columns the targets form writes, in rank order. */
export function targetsValue(plan: CareerPlan): TargetColumns[] {
  return plan.targets.map((target) => ({
    rank: target.rank,
    outcome_id: target.outcomeId,
    planned_start: target.plannedStart,
    note: target.note,
  }))
}
