import assert from 'node:assert/strict'
import { test } from 'node:test'

import { LLDD_CATEGORIES, llddToNeed } from './ilr.js'

const MAPPING: [number, string | null, string | null][] = [
  [4, 'VI', 'sensory_physical'],
  [5, 'HI', 'sensory_physical'],
  [6, 'PD', 'sensory_physical'],
  [7, 'PMLD', 'cognition_learning'],
  [8, 'SEMH', 'semh'],
  [9, 'SEMH', 'semh'],
  [10, 'MLD', 'cognition_learning'],
  [11, 'SLD', 'cognition_learning'],
  [12, 'SPLD', 'cognition_learning'],
  [13, 'SPLD', 'cognition_learning'],
  [14, 'ASD', 'communication_interaction'],
  [15, 'ASD', 'communication_interaction'],
  [16, 'OTH', null],
  [17, 'SLCN', 'communication_interaction'],
  [93, 'PD', 'sensory_physical'],
  [94, 'SPLD', 'cognition_learning'],
  [95, 'OTH', null],
  [96, 'OTH', null],
  [97, 'OTH', null],
  [98, null, null],
  [99, null, null],
]

test('LLDD_CATEGORIES covers 4 to 17 and 93 to 99', () => {
  assert.deepEqual(
    LLDD_CATEGORIES.map((entry) => entry.category),
    MAPPING.map(([category]) => category),
  )
})

for (const [category, needCode, area] of MAPPING) {
  test(`llddToNeed ${category}`, () => {
    const expected = { ok: true, value: { category, needCode, area }, warnings: [] }

    assert.deepEqual(llddToNeed(category), expected)
    assert.deepEqual(llddToNeed(` ${category} `), expected)
  })
}

test('llddToNeed blank is null', () => {
  assert.deepEqual(llddToNeed(''), { ok: true, value: null, warnings: [] })
})

for (const raw of [1, 3, 18, 92, 100, '14a', 'autism']) {
  test(`llddToNeed rejects ${raw}`, () => {
    const result = llddToNeed(raw)

    assert.match(result.ok ? '' : result.error, /not an ILR LLDDCat code/)
  })
}
