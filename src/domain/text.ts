// Matching of free text typed into spreadsheets: case, spacing, punctuation and common plurals ignored.

const SINGULAR: Readonly<Record<string, string>> = {
  difficulties: 'difficulty',
  disabilities: 'disability',
  impairments: 'impairment',
  needs: 'need',
  communications: 'communication',
  disorders: 'disorder',
  plans: 'plan',
}

/** Reduces text to a key for comparison: "Speech, Language & Communication Needs" and "speech language and communication need" match. */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => SINGULAR[word] ?? word)
    .join(' ')
}

// C0 and C1 control characters, and the Unicode marks, embeddings, overrides and isolates that
// change text direction, such as U+202E, which can make text show in another order.
const CONTROL_OR_DIRECTION = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu
const LINE_BREAK_OR_TAB = new Set(['\t', '\n', '\r'])

/**
 * Returns the first control or text-direction character in `text`, or null. Multi-line text may
 * contain tabs and line breaks.
 */
export function findControlCharacter(text: string, multiline: boolean): string | null {
  for (const [character] of text.matchAll(CONTROL_OR_DIRECTION)) {
    if (!(multiline && LINE_BREAK_OR_TAB.has(character))) return character
  }
  return null
}

/**
 * Replaces each control or text-direction character other than line feed and tab with its
 * escape, such as `\u001B`, so text printed to a terminal cannot move the cursor, clear the
 * screen or reverse a line. The escape is also valid inside a JSON string.
 */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_OR_DIRECTION, (character) =>
    character === '\n' || character === '\t'
      ? character
      : `\\u${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  )
}

/** Writes a character as its Unicode code point, such as `U+001B`. */
export function codePointOf(character: string): string {
  const hex = (character.codePointAt(0) ?? 0).toString(16).toUpperCase()
  return `U+${hex.padStart(4, '0')}`
}

/**
 * Returns the field error for text with a control or text-direction character, or null. `name`
 * is the field's label, such as "Provider or employer".
 */
export function controlCharacterProblem(
  name: string,
  text: string,
  multiline: boolean,
): string | null {
  const character = findControlCharacter(text, multiline)
  if (character === null) return null
  const allowed = multiline ? ' Line breaks and tabs are allowed.' : ''
  return `${name} contains a control or text-direction character (${codePointOf(character)}), which is not allowed. Retype it without that character.${allowed}`
}
