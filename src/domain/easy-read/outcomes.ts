// Easy-read versions of the catalogue outcomes, written for students and families.
import { GROUP_ONE_EASY_READ } from './outcomes-group-one.js'
import { GROUP_TWO_EASY_READ } from './outcomes-group-two.js'
import type { EasyReadOutcome } from './types.js'

export const EASY_READ_OUTCOMES: readonly EasyReadOutcome[] = [
  ...GROUP_ONE_EASY_READ,
  ...GROUP_TWO_EASY_READ,
]

/**
 * Returns the easy-read version of a catalogue outcome. An outcome without one (a local offer
 * added to the catalogue) gets its id as the title and no ideas, so callers should check
 * `ideas.length` before showing it to a student.
 */
export function easyReadOutcome(outcomeId: string): EasyReadOutcome {
  const found = EASY_READ_OUTCOMES.find((outcome) => outcome.outcomeId === outcomeId)
  if (found) return found
  return { outcomeId, title: outcomeId, icon: 'person', ideas: [] }
}
