// Qualification pathways as schools write them. Only a clear value is mapped. Anything uncertain is
// reported back to staff, because a guessed pathway would give a firm group that no one chose.
import type { QualificationLevel } from './types.js'

export interface PathwayClassification {
  level: QualificationLevel | null
  /** False when a pathway was written but is not clear enough to map. */
  recognised: boolean
  message: string | null
}

// Words that make any pathway uncertain, whatever else it contains.
const UNCERTAIN =
  /\b(tbc|tbd|tba|mixed|mix|unknown|unsure|undecided|maybe|possibly|or|either|not sure)\b|\?/

// Negations and hedges that leave a pathway open when they sit beside a GCSE or level word: "GCSE not
// appropriate", "Pre-GCSE", "working towards Level 2", "Entry Level instead of GCSE", "GCSE n/a". The
// whole value is read as unknown instead of guessing which words the negation covers.
const NEGATION_OR_HEDGE = new RegExp(
  '\\b(' +
    [
      'not',
      'no',
      'non',
      'none',
      'never',
      'pre',
      'without',
      'instead',
      'rather than',
      'except',
      'excluding',
      'towards?',
      'aiming',
      'aim',
      'hope',
      'hopefully',
      'probably',
      'perhaps',
      'might',
      'may',
      'possible',
      'potential',
      'potentially',
      'if',
      'unless',
      'depending',
      'likely',
      'unlikely',
      'inappropriate',
      'unsuitable',
      'unable',
      'cannot',
      "can't",
      "won't",
      'disapplied',
      'exempt',
      'withdrawn',
      'dropped',
      'n/?a',
    ].join('|') +
    ')(?![\\w/])',
)

// A word that names a GCSE or a qualification level, so a negation beside it changes the pathway.
const LEVEL_WORD = /\b(i?gcses?|levels?|l ?[1-3]|e ?[1-3]|entry|btec|t[ -]?levels?|a[ -]?levels?)\b/

// Compound terms that begin with a negation-like prefix but name a clear pathway below Level 2.
const COMPOUND_TERMS: [RegExp, string][] = [
  [/\bpre[ -]entry\b/g, 'preentry'],
  [/\bpre[ -]formal\b/g, 'preformal'],
]

// A GCSE of any kind counts as Level 2, whatever grade is expected.
const GCSE = /\bi?gcses?\b/

// "Below Level 2", "working below GCSE" or "sub-GCSE" name the pathway below Level 2 outright.
const BELOW_LEVEL_TWO_PHRASE =
  /\b(below|under|sub|beneath|less than|lower than)[ -]?(level ?2|l ?2|i?gcses?)\b/

// Any other comparison with a level ("below Level 3", "above Entry", "alternative to GCSE",
// "GCSE equivalent") does not say which side of Level 2 the student is on.
const COMPARISON =
  /\b(below|under|sub|beneath|less|lower|above|over|higher|beyond|alternative|equivalent|similar)\b/

// A lone Y or N ("GCSE - N") is a yes-or-no answer whose question is not written down.
const LONE_ANSWER = /(^|[\s\-:(])[yn](?=$|[\s)])/

// "Entry Level 3" or "Entry 1/2" is all below Level 2, so its numbers must not read as Level 2 or 3.
const ENTRY_LEVELS = /\bentry( level)?( ?[1-3]( ?(\/|-|and|&) ?[1-3])*)?\b/g

// "Level 1/2" names two levels at once.
const LEVEL_ONE_OR_TWO = /\b(level|l) ?1 ?(\/|-|and|&) ?(level|l)? ?2\b/

// Level 3 (A levels and the like) is above Level 2, so it counts as the Level 2 pathway.
const LEVEL_TWO_SIGNS = [
  /\b(level|l) ?[23]\b/,
  /\ba[ -]?levels?\b/,
  /\bbtec (first|national|extended)\b/,
  /\bt[ -]?levels?\b/,
]

const BELOW_LEVEL_TWO_SIGNS = [
  /\bentry\b/,
  /\be ?[1-3]\b/,
  /\b(level|l) ?1\b/,
  /\bpre[ -]?entry\b/,
  /\bpre[ -]?formal\b/,
  /\bsemi[ -]?formal\b/,
  /\binformal\b/,
  /\bpersonali[sz]ed (curriculum|learning|pathway|programme)\b/,
  /\bengagement (curriculum|model|steps)\b/,
  /\bsensory curriculum\b/,
]

export function classifyPathway(raw: string | null): PathwayClassification {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ')
  if (text === '') return { level: null, recognised: true, message: null }

  const level = levelOf(text.toLowerCase())
  if (level === null) return { level: null, recognised: false, message: unclearMessage(text) }
  return { level, recognised: true, message: null }
}

function levelOf(written: string): QualificationLevel | null {
  const text = joinCompoundTerms(written).replace(ENTRY_LEVELS, 'entry')
  if (UNCERTAIN.test(text) || LEVEL_ONE_OR_TWO.test(text) || isNegatedOrHedged(text)) return null
  if (LONE_ANSWER.test(text)) return null
  if (BELOW_LEVEL_TWO_PHRASE.test(text)) return onlyBelowPhrase(text) ? 'below_level2' : null
  if (COMPARISON.test(text) && LEVEL_WORD.test(text)) return null

  const levelTwo = LEVEL_TWO_SIGNS.some((pattern) => pattern.test(text))
  const belowLevelTwo = BELOW_LEVEL_TWO_SIGNS.some((pattern) => pattern.test(text))
  // "Entry 3 / GCSE" offers two pathways. Without the slash, any GCSE at all decides.
  if (GCSE.test(text)) return belowLevelTwo && text.includes('/') ? null : 'level2'
  if (levelTwo === belowLevelTwo) return null
  return levelTwo ? 'level2' : 'below_level2'
}

/** True when the "below Level 2" phrase is the only level the pathway names. */
function onlyBelowPhrase(text: string): boolean {
  const rest = text.replace(BELOW_LEVEL_TWO_PHRASE, ' ')
  return !GCSE.test(rest) && !LEVEL_TWO_SIGNS.some((pattern) => pattern.test(rest))
}

function joinCompoundTerms(text: string): string {
  return COMPOUND_TERMS.reduce((joined, [pattern, term]) => joined.replace(pattern, term), text)
}

function isNegatedOrHedged(text: string): boolean {
  return LEVEL_WORD.test(text) && NEGATION_OR_HEDGE.test(text)
}

function unclearMessage(text: string): string {
  return (
    `Qualification pathway "${text}" is not clear enough to choose a Career SEND group, so it is treated as unknown. ` +
    'Record either GCSE or another Level 2 qualification, or a pathway below Level 2 such as Entry Level, Level 1 or pre-formal.'
  )
}
