// The "My future" page as the template draws it: every sentence written out, each idea with the
// name of its picture. Only what staff chose to show is here, and nothing staff-only: no notes,
// need codes, reviews, UPN, group, provision or date of birth.
import { easyReadOutcome, fillSentence, MY_FUTURE_TEXT } from '../../domain/easy-read/index.js'
import type { EasyReadIdea } from '../../domain/easy-read/index.js'
import { formatLongDate } from '../../domain/format.js'
import type { PlanDetail } from '../plans/plan.types.js'
import { displayName } from '../students/students.view-model.js'
import { choiceItems, groupOptionIds, hiddenForEasyRead, shownIds } from './my-future.choices.js'
import type { Helper, MyFutureSettings } from './my-future.types.js'

const TEXT = MY_FUTURE_TEXT

export interface OptionView {
  title: string
  icon: string
  ideas: readonly EasyReadIdea[]
  /** True for the plan's target outcomes, which the page marks as "I want to try this". */
  wanted: boolean
}

export interface StepView {
  what: string
  ideas: EasyReadIdea[]
}

export interface MyFuturePage {
  studentId: number
  name: string
  /** How many items of the plan the page leaves out because their text is not easy read yet. */
  hiddenForEasyRead: number
  nameIdea: EasyReadIdea
  /** The ideas of "Who I am" and "What I like", each as its sentences, empty when staff wrote none. */
  aboutMe: string[][]
  likes: string[][]
  aspirations: string[]
  goals: { icon: string; area: string; goal: string; status: string }[]
  options: OptionView[]
  steps: StepView[]
  doneSteps: string[]
  helpers: Helper[]
}

/**
 * Splits staff text into ideas at blank lines, and each idea into sentences at a full stop,
 * question mark or exclamation mark followed by a space or line break, so each sentence gets a line.
 */
function ideasOf(text: string): string[][] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) =>
      paragraph
        .split(/(?<=[.!?])\s+/)
        .map((sentence) => sentence.trim())
        .filter((sentence) => sentence !== ''),
    )
    .filter((sentences) => sentences.length > 0)
}

function filled(idea: EasyReadIdea, values: Record<string, string>): EasyReadIdea {
  return { icon: idea.icon, sentences: idea.sentences.map((line) => fillSentence(line, values)) }
}

/**
 * Lists the shown options: the plan's targets in rank order with all their ideas, then the rest
 * of the group's with their first idea only, which keeps the page short.
 */
function optionsOf(detail: PlanDetail, shown: Set<string>, shownTargets: Set<string>) {
  const targets = detail.plan.targets
    .filter((target) => shownTargets.has(target.outcomeId))
    .map((target) => ({ id: target.outcomeId, wanted: true }))
  const others = groupOptionIds(detail)
    .filter((id) => shown.has(id))
    .map((id) => ({ id, wanted: false }))
  return [...targets, ...others].map(({ id, wanted }): OptionView => {
    const outcome = easyReadOutcome(id)
    const ideas = wanted ? outcome.ideas : outcome.ideas.slice(0, 1)
    return { title: outcome.title, icon: outcome.icon, ideas, wanted }
  })
}

function stepIdeas(action: PlanDetail['plan']['actions'][number]): EasyReadIdea[] {
  const status = TEXT.actionStatuses[action.status]
  const when = action.dueOn
    ? filled(TEXT.nextSteps.when, { date: formatLongDate(action.dueOn) })
    : TEXT.nextSteps.noDate
  return [filled(TEXT.nextSteps.who, { who: action.who }), when, status]
}

/** Builds the page from the plan and the settings. */
export function myFuturePage(detail: PlanDetail, settings: MyFutureSettings): MyFuturePage {
  const items = choiceItems(detail)
  const shown = shownIds(settings.choices, items)
  const { plan } = detail
  const actions = plan.actions.filter((action) => shown.action.has(String(action.id)))
  const name = displayName(detail.student)

  return {
    studentId: detail.student.id,
    name,
    hiddenForEasyRead: hiddenForEasyRead(settings.choices, items),
    nameIdea: filled(TEXT.aboutMe.name, { name }),
    aboutMe: ideasOf(settings.aboutMe),
    likes: ideasOf(settings.likes),
    aspirations: plan.aspirations
      .filter((aspiration) => shown.aspiration.has(String(aspiration.id)))
      .map((aspiration) => aspiration.words),
    goals: plan.goals
      .filter((goal) => shown.goal.has(String(goal.id)))
      .map((goal) => ({
        icon: TEXT.areas[goal.area].icon,
        area: TEXT.areas[goal.area].text,
        goal: goal.goal,
        status: TEXT.goalStatuses[goal.status],
      })),
    options: optionsOf(detail, shown.option, shown.target),
    steps: actions
      .filter((action) => action.status !== 'done')
      .map((action) => ({ what: action.what, ideas: stepIdeas(action) })),
    doneSteps: actions.filter((action) => action.status === 'done').map((action) => action.what),
    helpers: settings.helpers,
  }
}
