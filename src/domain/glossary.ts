// The glossary: plain-English explanations of the words staff and families meet in the product.
// Pages link a word to its entry with `/glossary#<id>`, so an id must never change once used.
import { GLOSSARY_TERMS } from './glossary-terms.js'

export interface GlossaryTerm {
  /** The URL fragment of the entry: lower case words joined by hyphens. */
  id: string
  /** The term as a heading shows it. */
  term: string
  /** Abbreviations and other names people use for the same thing, listed under the heading. */
  otherNames: readonly string[]
  /** Paragraphs of short sentences, for staff and families alike. */
  explanation: readonly string[]
  /** Items shown as a bulleted list after the explanation, such as codes or the eight benchmarks. */
  listItems?: readonly string[]
  /** Ids of related entries, linked under the explanation. */
  seeAlso?: readonly string[]
}

export { GLOSSARY_TERMS }

export function findGlossaryTerm(id: string): GlossaryTerm | undefined {
  return GLOSSARY_TERMS.find((entry) => entry.id === id)
}

/** Returns the first letter a term is filed under, in upper case. */
export function glossaryLetter(entry: GlossaryTerm): string {
  return entry.term.charAt(0).toLocaleUpperCase('en-GB')
}

/**
 * Returns the terms grouped by first letter, A to Z, each group sorted by term. Letters with no
 * term are left out.
 */
export function glossaryByLetter(
  terms: readonly GlossaryTerm[] = GLOSSARY_TERMS,
): { letter: string; terms: GlossaryTerm[] }[] {
  const sorted = [...terms].sort((a, b) =>
    a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }),
  )
  const groups: { letter: string; terms: GlossaryTerm[] }[] = []
  for (const entry of sorted) {
    const letter = glossaryLetter(entry)
    const last = groups.at(-1)
    if (last?.letter === letter) last.terms.push(entry)
    else groups.push({ letter, terms: [entry] })
  }
  return groups
}
