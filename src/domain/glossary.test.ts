import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import { findGlossaryTerm, GLOSSARY_TERMS, glossaryByLetter, glossaryLetter } from './glossary.js'
import type { GlossaryTerm } from './glossary.js'

// Words staff and families meet across the product. Each must have an entry.
const REQUIRED_IDS = [
  'career-send-group',
  'group-one',
  'group-two',
  'send',
  'sen-support',
  'ehc-plan',
  'ehc-needs-assessment',
  'annual-review',
  'senco',
  'primary-need',
  'secondary-need',
  'census-need-codes',
  'preparing-for-adulthood',
  'gatsby-benchmarks',
  'supported-internship',
  'supported-apprenticeship',
  'apprenticeship',
  'traineeship',
  'supported-employment',
  'job-coach',
  'self-employment',
  'supported-volunteering',
  'supported-independent-living',
  'further-education-college',
  'specialist-college',
  'level-2',
  'gcse',
  'entry-level',
  'functional-skills',
  'neet',
  'eet',
  'destination',
  'sustained-destination',
  'nccis',
  'september-guarantee',
  'upn',
  'uln',
  'tracking-consent',
  'pseudonymised',
  'local-authority',
]

function namesOf(entry: GlossaryTerm): string[] {
  return [entry.term, ...entry.otherNames]
}

// An abbreviation counts as explained when it is a word of some entry's term or other names, when
// a list item defines it ("SLD: Severe Learning Difficulty"), or when brackets follow it.
function unexplainedAbbreviations(entry: GlossaryTerm): string[] {
  const namedWords = new Set(
    GLOSSARY_TERMS.flatMap(namesOf).flatMap((name) => name.split(/[\s,/]+/)),
  )
  const listed = new Set((entry.listItems ?? []).map((item) => item.split(':')[0]))
  const missing: string[] = []
  for (const paragraph of entry.explanation) {
    for (const match of paragraph.matchAll(/\b([A-Z]{2,})s?\b(?! \()/g)) {
      const word = match[1] ?? ''
      if (!namedWords.has(word) && !listed.has(word)) missing.push(word)
    }
  }
  return missing
}

describe('glossary entries', () => {
  it('ids are unique', () => {
    const ids = GLOSSARY_TERMS.map((entry) => entry.id)
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index)

    assert.deepEqual(repeated, [])
  })

  it('ids are lower-case words with hyphens', () => {
    for (const entry of GLOSSARY_TERMS) {
      assert.match(entry.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, entry.id)
    }
  })

  it('terms are unique', () => {
    const terms = GLOSSARY_TERMS.map((entry) => entry.term.toLowerCase())
    const repeated = terms.filter((term, index) => terms.indexOf(term) !== index)

    assert.deepEqual(repeated, [])
  })

  it('include every required term', () => {
    const missing = REQUIRED_IDS.filter((id) => !findGlossaryTerm(id))

    assert.deepEqual(missing, [])
  })

  it('see-also ids exist and differ from the entry', () => {
    for (const entry of GLOSSARY_TERMS) {
      for (const id of entry.seeAlso ?? []) {
        assert.ok(findGlossaryTerm(id), `${entry.id} lists a missing entry ${id}`)
        assert.notEqual(id, entry.id, `${entry.id} lists itself`)
      }
    }
  })

  it('every entry has an explanation', () => {
    for (const entry of GLOSSARY_TERMS) {
      assert.ok(entry.explanation.length > 0, entry.id)
      for (const paragraph of entry.explanation) assert.ok(paragraph.trim().length > 0, entry.id)
    }
  })

  it('sentences stay short', () => {
    for (const entry of GLOSSARY_TERMS) {
      for (const sentence of entry.explanation.flatMap((text) => text.split(/(?<=[.?!])\s+/))) {
        const words = sentence.split(/\s+/).length
        assert.ok(words <= 35, `${entry.id}: ${words} words in "${sentence}"`)
      }
    }
  })

  it('abbreviations are explained', () => {
    for (const entry of GLOSSARY_TERMS) {
      assert.deepEqual(unexplainedAbbreviations(entry), [], entry.id)
    }
  })

  it('the abbreviation check finds an unknown one', () => {
    const entry = { id: 'x', term: 'X', otherNames: [], explanation: ['Ask the QZX team.'] }

    assert.deepEqual(unexplainedAbbreviations(entry), ['QZX'])
  })
})

describe('glossaryByLetter', () => {
  it('files every term once, A to Z', () => {
    const groups = glossaryByLetter()
    const letters = groups.map((group) => group.letter)
    const ids = groups.flatMap((group) => group.terms.map((entry) => entry.id))

    assert.deepEqual(letters, [...letters].sort())
    assert.equal(new Set(letters).size, letters.length)
    assert.deepEqual([...ids].sort(), GLOSSARY_TERMS.map((entry) => entry.id).sort())
  })

  it('puts each term under its first letter', () => {
    for (const group of glossaryByLetter()) {
      for (const entry of group.terms) assert.equal(glossaryLetter(entry), group.letter)
    }
  })

  it('sorts terms inside a letter ignoring case', () => {
    const terms = ['sen support', 'SEND', 'Self-employment'].map((term) => ({
      id: term,
      term,
      otherNames: [],
      explanation: ['x'],
    }))

    const [group] = glossaryByLetter(terms)

    assert.deepEqual(
      group?.terms.map((entry) => entry.term),
      ['Self-employment', 'sen support', 'SEND'],
    )
  })
})
