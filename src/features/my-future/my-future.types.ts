// The settings staff choose for a student's "My future" page, as the service returns them.

/** A person who helps the student, as the page lists them. */
export interface Helper {
  name: string
  role: string
}

/** The kinds of thing staff show or hide on the page, each listed with a checkbox on the form. */
export const CHOICE_KINDS = ['aspiration', 'goal', 'target', 'action', 'option'] as const
export type ChoiceKind = (typeof CHOICE_KINDS)[number]

/**
 * Shown (true) or hidden (false) by kind and id: a part's id for aspirations, goals and actions,
 * and an outcome id for targets and options. Anything with no entry takes its default.
 */
export type Choices = Record<ChoiceKind, Record<string, boolean>>

export interface MyFutureSettings {
  /** 0 until the first save. */
  version: number
  aboutMe: string
  likes: string
  helpers: Helper[]
  choices: Choices
}

/** The maximum number of helpers, one row of the form each. */
export const MAX_HELPERS = 4

export function emptyChoices(): Choices {
  return { aspiration: {}, goal: {}, target: {}, action: {}, option: {} }
}

export function emptySettings(): MyFutureSettings {
  return { version: 0, aboutMe: '', likes: '', helpers: [], choices: emptyChoices() }
}
