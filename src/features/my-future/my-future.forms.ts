// The "My future" form: its posted fields read into answers, the answers a stored page starts
// with, and the checks that turn answers into settings or into errors for the error summary.
import { checkEasyReadText } from '../../domain/easy-read/index.js'
import type { EasyReadProblem } from '../../domain/easy-read/index.js'
import { controlCharacterProblem } from '../../domain/text.js'
import { listOf, textOf } from '../../web/form-body.js'
import type { FormBody } from '../../web/form-body.js'
import type { FormErrors } from '../../web/form-errors.js'
import type { PlanDetail } from '../plans/plan.types.js'
import { choiceItems, isShown } from './my-future.choices.js'
import type { ChoiceItems } from './my-future.choices.js'
import { CHOICE_KINDS, MAX_HELPERS } from './my-future.types.js'
import type { ChoiceKind, Choices, Helper, MyFutureSettings } from './my-future.types.js'

/** The maximum length of "Who I am" and "What I like". */
export const MAX_ABOUT_LENGTH = 1000

/** The maximum length of a helper's name or role. */
export const MAX_HELPER_LENGTH = 100

export interface MyFutureAnswers {
  aboutMe: string
  likes: string
  /** MAX_HELPERS rows, blank where unused. */
  helpers: Helper[]
  /** The ids ticked, by kind. */
  shown: Record<ChoiceKind, string[]>
  /** The ids the form listed, by kind, so an item added to the plan after it opened keeps its default. */
  listed: Record<ChoiceKind, string[]>
}

type Body = FormBody

function byKind(read: (kind: ChoiceKind) => string[]): Record<ChoiceKind, string[]> {
  const lists = {} as Record<ChoiceKind, string[]>
  for (const kind of CHOICE_KINDS) lists[kind] = read(kind)
  return lists
}

export function readAnswers(body: Body): MyFutureAnswers {
  const helpers = Array.from({ length: MAX_HELPERS }, (_, index) => ({
    name: textOf(body, `helper-${index + 1}-name`),
    role: textOf(body, `helper-${index + 1}-role`),
  }))
  return {
    aboutMe: textOf(body, 'about-me'),
    likes: textOf(body, 'likes'),
    helpers,
    shown: byKind((kind) => listOf(body, `show-${kind}`)),
    listed: byKind((kind) => listOf(body, `listed-${kind}`)),
  }
}

/** Returns the answers the form starts with: the stored settings, or the defaults. */
export function storedAnswers(settings: MyFutureSettings, detail: PlanDetail): MyFutureAnswers {
  const items = choiceItems(detail)
  const helpers = Array.from(
    { length: MAX_HELPERS },
    (_, index) => settings.helpers[index] ?? { name: '', role: '' },
  )
  return {
    aboutMe: settings.aboutMe,
    likes: settings.likes,
    helpers,
    shown: byKind((kind) =>
      items[kind].filter((item) => isShown(settings.choices, kind, item)).map((item) => item.id),
    ),
    listed: byKind((kind) => items[kind].map((item) => item.id)),
  }
}

export const myFutureMessages = {
  tooLong: (name: string, max: number) =>
    `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`,
  helperNameMissing: (row: number) => `Enter the name of helper ${row}, or clear their role`,
  helperRoleMissing: (row: number) =>
    `Enter how helper ${row} helps, such as “helps me find a job”, or clear their name`,
  stepNotEasyRead: (what: string, message: string) =>
    `Next step “${what}”: ${message} Change the action in the plan, or untick it.`,
  aspirationNotEasyRead: (words: string, message: string) =>
    `Aspiration “${words}”: ${message} Change the aspiration in the plan, or untick it.`,
  goalNotEasyRead: (goal: string, message: string) =>
    `Goal “${goal}”: ${message} Change the goal in the plan, or untick it.`,
  conflict:
    'Someone else saved this page’s choices after you opened it. Compare what the page says now with your answers, which are not saved yet, then save again.',
}

/** The easy-read check, replaced in tests. */
export type EasyReadCheck = (text: string) => EasyReadProblem[]

/** Collects every error at once, keeping the first message of each field. */
class ErrorList {
  readonly errors: FormErrors = { list: [], byField: {} }

  constructor(readonly check: EasyReadCheck) {}

  add(field: string, message: string, href = `#${field}`) {
    this.errors.list.push({ href, text: message })
    this.errors.byField[field] ??= { text: message }
  }

  get empty() {
    return this.errors.list.length === 0
  }

  /**
   * Returns the easy-read problems of text as messages. Each names the sentence it is about,
   * unless `named` says the caller names the text and that sentence is the whole of it.
   */
  easyReadMessages(text: string, named = false): string[] {
    if (text.trim() === '') return []
    return this.check(text).map((problem) => {
      const quoted = problem.message.includes(problem.subject)
      if (quoted || (named && problem.subject.trim() === text.trim())) return problem.message
      return `“${problem.subject}”: ${problem.message}`
    })
  }
}

function checkText(
  errors: ErrorList,
  field: string,
  name: string,
  text: string,
  rules: { max: number; multiline: boolean; easyRead: boolean },
) {
  const control = controlCharacterProblem(name, text, rules.multiline)
  if (control) errors.add(field, control)
  if (text.length > rules.max) errors.add(field, myFutureMessages.tooLong(name, rules.max))
  if (!rules.easyRead) return
  for (const message of errors.easyReadMessages(text)) errors.add(field, `${name}: ${message}`)
}

function checkHelpers(errors: ErrorList, helpers: Helper[]): Helper[] {
  const kept: Helper[] = []
  helpers.forEach((helper, index) => {
    const row = index + 1
    const name = helper.name.trim()
    const role = helper.role.trim()
    if (name === '' && role === '') return
    const single = { max: MAX_HELPER_LENGTH, multiline: false }
    checkText(errors, `helper-${row}-name`, `Name of helper ${row}`, name, {
      ...single,
      easyRead: false,
    })
    checkText(errors, `helper-${row}-role`, `How helper ${row} helps`, role, {
      ...single,
      easyRead: true,
    })
    if (name === '') errors.add(`helper-${row}-name`, myFutureMessages.helperNameMissing(row))
    if (role === '') errors.add(`helper-${row}-role`, myFutureMessages.helperRoleMissing(row))
    kept.push({ name, role })
  })
  return kept
}

/**
 * Records, for each listed item of the plan, whether it is ticked, but only where that differs
 * from its default. An item left at its default follows it later, so an action dropped after
 * the save is hidden. Items the form did not list keep their stored choice or default, and
 * choices about items no longer in the plan are dropped.
 */
function choicesOf(answers: MyFutureAnswers, items: ChoiceItems, stored: Choices): Choices {
  const choices = {} as Choices
  for (const kind of CHOICE_KINDS) {
    choices[kind] = {}
    const listed = new Set(answers.listed[kind])
    const ticked = new Set(answers.shown[kind])
    for (const item of items[kind]) {
      const before = stored[kind][item.id]
      const shown = listed.has(item.id) ? ticked.has(item.id) : before
      if (shown !== undefined && shown !== item.shownByDefault) choices[kind][item.id] = shown
    }
  }
  return choices
}

/**
 * Checks that the plan's own text shown on the page, which staff wrote on the plan pages, passes
 * the easy-read checks: the aspirations, next steps and goals that are ticked.
 */
function checkShownPlanText(
  errors: ErrorList,
  choices: Choices,
  detail: PlanDetail,
  items: ChoiceItems,
) {
  for (const aspiration of detail.plan.aspirations) {
    const item = items.aspiration.find((candidate) => candidate.id === String(aspiration.id))
    if (!item || !isShown(choices, 'aspiration', item)) continue
    for (const message of errors.easyReadMessages(aspiration.words, true)) {
      errors.add(
        'show-aspiration',
        myFutureMessages.aspirationNotEasyRead(aspiration.words, message),
      )
    }
  }
  for (const action of detail.plan.actions) {
    const item = items.action.find((candidate) => candidate.id === String(action.id))
    if (!item || !isShown(choices, 'action', item)) continue
    const messages = [
      ...errors.easyReadMessages(action.what, true),
      ...errors.easyReadMessages(action.who),
    ]
    for (const message of messages) {
      errors.add('show-action', myFutureMessages.stepNotEasyRead(action.what, message))
    }
  }
  for (const goal of detail.plan.goals) {
    const item = items.goal.find((candidate) => candidate.id === String(goal.id))
    if (!item || !isShown(choices, 'goal', item)) continue
    for (const message of errors.easyReadMessages(goal.goal, true)) {
      errors.add('show-goal', myFutureMessages.goalNotEasyRead(goal.goal, message))
    }
  }
}

export type ValidatedSettings =
  { ok: true; settings: Omit<MyFutureSettings, 'version'> } | { ok: false; errors: FormErrors }

/** Checks the form's answers against the plan as stored now. Every check runs. */
export function validateAnswers(
  answers: MyFutureAnswers,
  detail: PlanDetail,
  stored: MyFutureSettings,
  check: EasyReadCheck = checkEasyReadText,
): ValidatedSettings {
  const errors = new ErrorList(check)
  const about = { max: MAX_ABOUT_LENGTH, multiline: true, easyRead: true }
  const aboutMe = answers.aboutMe.trim()
  const likes = answers.likes.trim()
  checkText(errors, 'about-me', 'Who I am', aboutMe, about)
  checkText(errors, 'likes', 'What I like', likes, about)
  const helpers = checkHelpers(errors, answers.helpers)
  const items = choiceItems(detail)
  const choices = choicesOf(answers, items, stored.choices)
  checkShownPlanText(errors, choices, detail, items)

  if (!errors.empty) return { ok: false, errors: errors.errors }
  return { ok: true, settings: { aboutMe, likes, helpers, choices } }
}
