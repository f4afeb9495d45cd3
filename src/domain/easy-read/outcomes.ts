// Easy-read versions of the catalogue outcomes, written for students and families.
// TODO: write every outcome (issue 6, easy-read content work).
import type { EasyReadOutcome } from './types.js'

export const EASY_READ_OUTCOMES: readonly EasyReadOutcome[] = []

export function easyReadOutcome(outcomeId: string): EasyReadOutcome {
  const found = EASY_READ_OUTCOMES.find((outcome) => outcome.outcomeId === outcomeId)
  if (found) return found
  return { outcomeId, title: outcomeId, icon: 'person', ideas: [] }
}
