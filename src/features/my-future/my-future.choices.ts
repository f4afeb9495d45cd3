// The things a "My future" page can show, one list per kind, and which of them are shown: the
// staff's choice where they made one, or the default. The default shows everything except
// dropped actions, stopped goals and plan text that fails the easy-read check, so a page nobody
// has set up yet shows the student nothing that breaks the easy-read rules.
import { findOutcome, OUTCOME_CATALOGUE } from '../../domain/catalogue.js'
import { checkEasyReadText } from '../../domain/easy-read/index.js'
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
  /** The easy-read problems of the plan text the item shows, as messages for staff. */
  easyReadProblems: string[]
  /** True when the item would be shown by default but for its easy-read problems. */
  defaultHidesForEasyRead: boolean
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

/** Returns the messages of the easy-read problems in the texts, in order. */
function problemsOf(...texts: string[]): string[] {
  return texts
    .filter((text) => text.trim() !== '')
    .flatMap((text) => checkEasyReadText(text).map((problem) => problem.message))
}

/** Builds an item of plan text, shown by default only when it passes the easy-read check. */
function planTextItem(id: number, label: string, open: boolean, texts: string[]): ChoiceItem {
  const easyReadProblems = problemsOf(...texts)
  const notEasyRead = easyReadProblems.length > 0
  return {
    id: String(id),
    label,
    shownByDefault: open && !notEasyRead,
    easyReadProblems,
    defaultHidesForEasyRead: open && notEasyRead,
  }
}

/** Builds an item of the catalogue, whose easy-read version is the product's own. */
function outcomeItem(id: string): ChoiceItem {
  return {
    id,
    label: findOutcome(id)?.title ?? id,
    shownByDefault: true,
    easyReadProblems: [],
    defaultHidesForEasyRead: false,
  }
}

/** Lists everything in the plan and the catalogue that the page can show, by kind. */
export function choiceItems(detail: PlanDetail): ChoiceItems {
  const { plan } = detail
  return {
    aspiration: plan.aspirations.map((aspiration) =>
      planTextItem(aspiration.id, aspiration.words, true, [aspiration.words]),
    ),
    goal: plan.goals.map((goal) =>
      planTextItem(goal.id, `${PFA_AREAS[goal.area]}: ${goal.goal}`, goal.status !== 'stopped', [
        goal.goal,
      ]),
    ),
    target: plan.targets.map((target) => outcomeItem(target.outcomeId)),
    action: plan.actions.map((action) =>
      planTextItem(action.id, `${action.what} (${action.who})`, action.status !== 'dropped', [
        action.what,
        action.who,
      ]),
    ),
    option: groupOptionIds(detail).map(outcomeItem),
  }
}

/** Counts the items left out only because their plan text fails the easy-read check. */
export function hiddenForEasyRead(choices: Choices, items: ChoiceItems): number {
  return CHOICE_KINDS.reduce(
    (count, kind) =>
      count +
      items[kind].filter((item) => item.defaultHidesForEasyRead && !isShown(choices, kind, item))
        .length,
    0,
  )
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
