// Checks text against the product's easy-read rules. Every check returns a list of problems and
// never throws.
//
// Rules for any easy-read text, including what staff write for a student (checkEasyReadText):
// - The text has at least one word.
// - Each sentence has 15 words or fewer. A sentence ends at ".", "?" or "!" (and any closing
//   quote or bracket) followed by a space, or at a line break. A word is a run of non-space
//   characters with a letter or digit in it.
// - No acronyms. That means no word in BANNED_ACRONYMS (also with a plural or possessive "s"),
//   and no other word of two or more capital letters unless ALLOWED_CAPITALS contains it.
//
// Extra rules for the product's own text (checkProductText, checkEasyReadIdea and
// checkEasyReadOutcome):
// - Each idea and outcome has a picture, and ICONS contains it.
// - Hard words are explained. The first sentence or heading that uses a word from HARD_WORDS
//   must explain it itself, or the sentence right after it must. An explaining sentence starts
//   with the word, after an optional "a", "an", "the" or "being", and then has at most two more
//   words before "is", "are" or "means": "A job coach is a person who helps you." or "A
//   specialist college is a college for ...". Later uses in the same text need nothing. The
//   same text is one string, one idea, or one outcome read from its title to its last idea.
import { isIconId } from './icons.js'
import type { EasyReadIdea, EasyReadOutcome, EasyReadProblem } from './types.js'
import { ALLOWED_CAPITALS, BANNED_ACRONYMS, HARD_WORDS } from './word-lists.js'
import type { HardWord } from './word-lists.js'

export const MAX_WORDS_PER_SENTENCE = 15

/** Splits text into trimmed, non-empty sentences. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.?!]['"’”)]*)\s+|\n+/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '')
}

export function countWords(sentence: string): number {
  return sentence.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** Checks text a member of staff writes for a student to read, such as a next step. */
export function checkEasyReadText(text: string): EasyReadProblem[] {
  const sentences = splitSentences(text)
  // Text of only punctuation, such as "...", has nothing to read, so it counts as empty.
  if (sentences.every((sentence) => countWords(sentence) === 0)) {
    return [
      { kind: 'empty', subject: text, message: 'The text is empty. Write one short sentence.' },
    ]
  }
  return sentences.flatMap((sentence) => [
    ...checkSentenceLength(sentence),
    ...checkAcronyms(sentence),
  ])
}

/** Checks one string of the product's own text: the rules for any text, plus hard words. */
export function checkProductText(text: string): EasyReadProblem[] {
  return [...checkEasyReadText(text), ...checkHardWords(splitSentences(text))]
}

/** Checks one idea of the product's own easy-read text, read on its own. */
export function checkEasyReadIdea(idea: EasyReadIdea): EasyReadProblem[] {
  return [...checkIdeaTextAndPicture(idea), ...checkHardWords(idea.sentences)]
}

/** Checks an easy-read outcome: its title, its picture and every idea, read as one text. */
export function checkEasyReadOutcome(outcome: EasyReadOutcome): EasyReadProblem[] {
  const problems = [
    ...checkEasyReadText(outcome.title),
    ...checkEasyReadPicture(outcome.icon, outcome.title),
  ]
  if (outcome.ideas.length === 0) {
    problems.push({
      kind: 'empty',
      subject: outcome.title,
      message: `The outcome "${outcome.title}" has no ideas. Write 2 to 4 ideas about it.`,
    })
  }
  for (const idea of outcome.ideas) problems.push(...checkIdeaTextAndPicture(idea))

  const readingOrder = [outcome.title, ...outcome.ideas.flatMap((idea) => idea.sentences)]
  problems.push(...checkHardWords(readingOrder))
  return problems
}

function checkIdeaTextAndPicture(idea: EasyReadIdea): EasyReadProblem[] {
  const firstSentence = idea.sentences[0] ?? ''
  const problems = checkEasyReadPicture(idea.icon, firstSentence)
  if (idea.sentences.length === 0) {
    problems.push({
      kind: 'empty',
      subject: '',
      message: 'An idea has no sentences. Write one short sentence, or remove the idea.',
    })
  }
  for (const sentence of idea.sentences) problems.push(...checkEasyReadText(sentence))
  return problems
}

/** Checks that a picture is set and ICONS contains it. The text is the sentence drawn beside it. */
export function checkEasyReadPicture(
  icon: string | undefined,
  firstSentence: string,
): EasyReadProblem[] {
  if (icon === undefined || icon.trim() === '') {
    return [
      {
        kind: 'no-picture',
        subject: firstSentence,
        message:
          `"${firstSentence}" has no picture. ` +
          `Set its icon to a name from ICONS, such as 'person'.`,
      },
    ]
  }
  if (!isIconId(icon)) {
    return [
      {
        kind: 'no-picture',
        subject: icon,
        message:
          `The picture '${icon}' beside "${firstSentence}" does not exist. ` +
          `Use a name from ICONS, such as 'person'.`,
      },
    ]
  }
  return []
}

function checkSentenceLength(sentence: string): EasyReadProblem[] {
  const words = countWords(sentence)
  if (words <= MAX_WORDS_PER_SENTENCE) return []
  return [
    {
      kind: 'too-long',
      subject: sentence,
      message:
        `The sentence "${sentence}" has ${words} words. ` +
        `Easy read uses ${MAX_WORDS_PER_SENTENCE} or fewer, so split it in two.`,
    },
  ]
}

function checkAcronyms(sentence: string): EasyReadProblem[] {
  // "E.H.C.P." is read as "EHCP", so dotted letters are joined before the words are split.
  const joined = sentence.replace(/\b(?:\p{L}\.){2,}/gu, (dotted) => dotted.replaceAll('.', ''))
  const words = joined.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []
  const problems: EasyReadProblem[] = []
  for (const word of words) {
    const acronym = findAcronym(word)
    if (acronym === null) continue

    const plainWords = BANNED_ACRONYMS.get(acronym)
    const fix = plainWords
      ? `Write the words out, such as '${plainWords}'.`
      : 'Write the words out.'
    problems.push({
      kind: 'acronym',
      subject: word,
      message: `'${word}' is an acronym. ${fix}`,
    })
  }
  return problems
}

/** The listed acronyms by their capital letters, so "SENCo" finds "SENCO". */
const LISTED_BY_CAPITALS: ReadonlyMap<string, string> = new Map(
  [...BANNED_ACRONYMS.keys()].map((acronym) => [acronym.toUpperCase(), acronym]),
)

/** Listed acronyms that lower-case words or names can spell, such as "send", "he" and "Fe", so they pass. */
const ENGLISH_WORDS: ReadonlySet<string> = new Set(['SEND', 'HE', 'LA', 'FE', 'SEN'])

/** Returns the acronym a word is (without a plural or possessive ending), or null. */
function findAcronym(word: string): string | null {
  const stem = word.replace(/(?:['’]s|s)$/, '')
  for (const candidate of [word, stem]) {
    if (BANNED_ACRONYMS.has(candidate)) return candidate
    const listed = LISTED_BY_CAPITALS.get(candidate.toUpperCase())
    if (listed === undefined) continue
    // Another spelling of a listed acronym, such as "SENCo" or "ehcp". A word of lower-case
    // letters is an acronym only when it is not in ENGLISH_WORDS, unlike "send" or "he".
    const capitals = candidate.match(/\p{Lu}/gu)?.length ?? 0
    if (capitals >= 2 || !ENGLISH_WORDS.has(listed)) return listed
  }
  for (const candidate of [word, stem]) {
    if (/^\p{Lu}{2,}$/u.test(candidate) && !ALLOWED_CAPITALS.has(candidate)) return candidate
  }
  return null
}

/** Reports each hard word whose first use is not explained, as the file header defines it. */
export function checkHardWords(sentences: readonly string[]): EasyReadProblem[] {
  const problems: EasyReadProblem[] = []
  for (const hardWord of HARD_WORDS) {
    const firstUse = sentences.findIndex((sentence) => findHardWord(sentence, hardWord) !== null)
    if (firstUse === -1) continue

    const sentence = sentences[firstUse] ?? ''
    const next = sentences[firstUse + 1] ?? ''
    if (explainsHardWord(sentence, hardWord) || explainsHardWord(next, hardWord)) continue

    const used = findHardWord(sentence, hardWord) ?? ''
    problems.push({
      kind: 'hard-word',
      subject: used,
      message:
        `'${used}' in "${sentence}" is a hard word. ` +
        `Explain it in the next sentence, starting "${hardWord.explanationStart}".`,
    })
  }
  return problems
}

function formPattern(hardWord: HardWord): string {
  const forms = hardWord.forms.map((form) =>
    form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'),
  )
  return `(?:${forms.join('|')})`
}

/** Returns the form of the hard word used in the sentence, as written, or null. */
function findHardWord(sentence: string, hardWord: HardWord): string | null {
  // A form must stand alone: "employment" inside "self-employment" is not a use of "employment".
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}-])${formPattern(hardWord)}(?![\\p{L}\\p{N}-])`,
    'iu',
  )
  return pattern.exec(sentence)?.[0] ?? null
}

function explainsHardWord(sentence: string, hardWord: HardWord): boolean {
  const pattern = new RegExp(
    `^(?:(?:a|an|the|being)\\s+)?${formPattern(hardWord)}` +
      `(?:\\s+[\\p{L}-]+){0,2}\\s+(?:is|are|means)\\s`,
    'iu',
  )
  return pattern.test(sentence)
}
