// The things a "My future" page can show, one list per kind, and which of them are shown: the
// staff's choice where they made one, or the default, which shows everything except dropped
// actions and stopped goals.
import { findOutcome, OUTCOME_CATALOGUE } from '../../domain/catalogue.js'
import { PFA_AREAS } from '../../domain/plan.js'
import { todayInEngland } from '../eligibility/reference-date.js'
import type { PlanDetail } from '../plans/plan.types.js'
import { CHOICE_KINDS } from './my-future.types.js'
import type { ChoiceKind, Choices } from './my-future.types.js'

/** One thing staff can show or hide, with the words the form labels its checkbox with. */
export interface ChoiceItem {
  id: string
  label: string
  shownByDefault: boolean
}

export type ChoiceItems = Record<ChoiceKind, ChoiceItem[]>

/**
 * Lists the outcomes of the student's Career SEND group that are not among the plan's targets,
 * leaving out national programmes that took their last new starts before `today`.
 */
export function groupOptionIds(detail: PlanDetail, today = todayInEngland()): string[] {
  const targeted = new Set(detail.plan.targets.map((target) => target.outcomeId))
  return OUTCOME_CATALOGUE.outcomes
    .filter((outcome) => outcome.group === detail.assignment.group && !targeted.has(outcome.id))
    .filter((outcome) => (outcome.rules.withdrawnAfter ?? today) >= today)
    .map((outcome) => outcome.id)
}

/** Lists everything in the plan and the catalogue that the page can show, by kind. */
export function choiceItems(detail: PlanDetail): ChoiceItems {
  const { plan } = detail
  return {
    aspiration: plan.aspirations.map((aspiration) => ({
      id: String(aspiration.id),
      label: aspiration.words,
      shownByDefault: true,
    })),
    goal: plan.goals.map((goal) => ({
      id: String(goal.id),
      label: `${PFA_AREAS[goal.area]}: ${goal.goal}`,
      shownByDefault: goal.status !== 'stopped',
    })),
    target: plan.targets.map((target) => ({
      id: target.outcomeId,
      label: findOutcome(target.outcomeId)?.title ?? target.outcomeId,
      shownByDefault: true,
    })),
    action: plan.actions.map((action) => ({
      id: String(action.id),
      label: `${action.what} (${action.who})`,
      shownByDefault: action.status !== 'dropped',
    })),
    option: groupOptionIds(detail).map((id) => ({
      id,
      label: findOutcome(id)?.title ?? id,
      shownByDefault: true,
    })),
  }
}

export function isShown(choices: Choices, kind: ChoiceKind, item: ChoiceItem): boolean {
  return choices[kind][item.id] ?? item.shownByDefault
}

/** Returns the ids of each kind that are shown. */
export function shownIds(choices: Choices, items: ChoiceItems): Record<ChoiceKind, Set<string>> {
  const shown = {} as Record<ChoiceKind, Set<string>>
  for (const kind of CHOICE_KINDS) {
    shown[kind] = new Set(
      items[kind].filter((item) => isShown(choices, kind, item)).map((item) => item.id),
    )
  }
  return shown
}
