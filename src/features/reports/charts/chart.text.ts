// Text measurement for laying out SVG labels on the server, where no font is loaded.

// Approximate advance widths of Arial glyphs, in ems, by group. Estimates are on the wide side so
// a label rather wraps early than runs past the edge. A bold label is about 10% wider.
const NARROW = new Set("ijl.,:;'|!")
const SEMI_NARROW = new Set('frtI()[]/\\- ')
const WIDE = new Set('mwMW%@')
const BOLD_FACTOR = 1.1

function glyphWidth(character: string): number {
  if (NARROW.has(character)) return 0.28
  if (SEMI_NARROW.has(character)) return 0.34
  if (WIDE.has(character)) return 0.9
  if (/[0-9]/.test(character)) return 0.56
  if (/[A-Z]/.test(character)) return 0.7
  return 0.57
}

/** Estimates the width of `text` in ems. */
export function estimateTextWidth(text: string, { bold = false } = {}): number {
  let width = 0
  for (const character of text) width += glyphWidth(character)
  return bold ? width * BOLD_FACTOR : width
}

/**
 * Splits `text` into lines no wider than `maxWidth` ems, breaking at spaces. A single word wider
 * than a line is broken at the line width with a hyphen, so no line runs past the edge.
 */
export function wrapText(text: string, maxWidth: number, { bold = false } = {}): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word
    if (estimateTextWidth(candidate, { bold }) <= maxWidth) {
      line = candidate
      continue
    }
    if (line) lines.push(line)
    line = word
    while (estimateTextWidth(line, { bold }) > maxWidth) {
      const [head, rest] = splitWord(line, maxWidth, bold)
      lines.push(head)
      line = rest
    }
  }
  if (line) lines.push(line)
  return lines.length > 0 ? lines : ['']
}

function splitWord(word: string, maxWidth: number, bold: boolean): [string, string] {
  const characters = Array.from(word)
  let end = characters.length - 1
  while (
    end > 1 &&
    estimateTextWidth(`${characters.slice(0, end).join('')}-`, { bold }) > maxWidth
  ) {
    end -= 1
  }
  return [`${characters.slice(0, end).join('')}-`, characters.slice(end).join('')]
}
