import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  DUO_PALETTE,
  PALETTE,
  PATTERN_NAMES,
  contrastRatio,
  patternOverlay,
  seriesColours,
} from './chart.palette.js'

const WHITE = '#ffffff'

test('contrastRatio of black and white is 21', () => {
  assert.equal(contrastRatio('#000000', WHITE), 21)
  assert.equal(contrastRatio(WHITE, WHITE), 1)
})

test('every palette colour has 3:1 on white', () => {
  for (const colour of [...PALETTE, ...DUO_PALETTE]) {
    const ratio = contrastRatio(colour, WHITE)
    assert.ok(ratio >= 3, `${colour} has ${ratio.toFixed(2)}:1 against white`)
  }
})

test('neighbouring palette colours have 3:1', () => {
  for (let index = 1; index < PALETTE.length; index += 1) {
    const [before, after] = [PALETTE[index - 1]!, PALETTE[index]!]
    const ratio = contrastRatio(before, after)
    assert.ok(ratio >= 3, `${before} and ${after} have ${ratio.toFixed(2)}:1`)
  }
})

test('duo colours have 3:1 with each other', () => {
  const ratio = contrastRatio(DUO_PALETTE[0], DUO_PALETTE[1])

  assert.ok(ratio >= 3, `the duo colours have ${ratio.toFixed(2)}:1`)
})

test('seriesColours picks the duo pair for two', () => {
  assert.deepEqual(seriesColours(2), DUO_PALETTE)
  assert.deepEqual(seriesColours(1), [PALETTE[0]])
  assert.deepEqual(seriesColours(3), PALETTE.slice(0, 3))
})

test('every series index has its own pattern', () => {
  const paths = PATTERN_NAMES.map((_name, index) => patternOverlay(index).path)

  assert.equal(new Set(paths).size, PATTERN_NAMES.length)
  assert.equal(PATTERN_NAMES.length, PALETTE.length)
})
