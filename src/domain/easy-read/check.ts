// Checks text against the product's easy-read rules.
// TODO: the full check (issue 6, easy-read content work).
import type { EasyReadIdea, EasyReadProblem } from './types.js'

/** Checks text a member of staff writes for a student to read, such as a next step. */
export function checkEasyReadText(text: string): EasyReadProblem[] {
  if (text.trim() === '') return [{ kind: 'empty', subject: text, message: 'Write something.' }]
  return []
}

/** Checks one idea of the product's own easy-read text. */
export function checkEasyReadIdea(idea: EasyReadIdea): EasyReadProblem[] {
  return idea.sentences.flatMap((sentence) => checkEasyReadText(sentence))
}
