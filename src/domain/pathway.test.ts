import assert from 'node:assert/strict'
import { test } from 'node:test'

import { classifyPathway } from './pathway.js'

const LEVEL_TWO = [
  'GCSE',
  'GCSEs',
  'gcse',
  'GCSE English',
  'GCSE Maths (foundation)',
  'GCSE grade 1 expected',
  'IGCSE',
  'BTEC Level 2',
  'Level 2',
  'L2',
  'Functional Skills Level 2',
  'GCSE and Entry Level',
  'A Levels',
  'Level 3',
]

const BELOW_LEVEL_TWO = [
  'Entry Level',
  'Entry Level 3',
  'Entry Level 1/2',
  'Entry 2',
  'E3',
  'Level 1',
  'L1',
  'Functional Skills Entry 2',
  'Functional Skills Level 1',
  'Pre-formal',
  'Preformal',
  'Semi-formal',
  'Semi formal',
  'Informal',
  'Personalised curriculum',
  'Personalized learning',
  'Pre-entry',
]

const UNCLEAR = [
  'Mixed',
  'TBC',
  'Level 1/2',
  'Vocational',
  'BTEC',
  'Functional Skills',
  'Formal',
  '?',
]
const UNCLEAR_MORE = [
  'GCSE?',
  'GCSE or Entry Level',
  'Non-GCSE',
  'No GCSEs',
  'Level 1 and Level 2',
  'N/A',
]

for (const pathway of LEVEL_TWO) {
  test(`classifyPathway "${pathway}" is level2`, () => {
    assert.deepEqual(classifyPathway(pathway), { level: 'level2', recognised: true, message: null })
  })
}

for (const pathway of BELOW_LEVEL_TWO) {
  test(`classifyPathway "${pathway}" is below_level2`, () => {
    assert.deepEqual(classifyPathway(pathway), {
      level: 'below_level2',
      recognised: true,
      message: null,
    })
  })
}

for (const pathway of [...UNCLEAR, ...UNCLEAR_MORE]) {
  test(`classifyPathway "${pathway}" is unclear`, () => {
    const result = classifyPathway(pathway)

    assert.equal(result.level, null)
    assert.equal(result.recognised, false)
    assert.ok(result.message?.includes(`"${pathway}"`))
    assert.match(result.message ?? '', /GCSE or another Level 2 qualification/)
  })
}

for (const blank of [null, '', '   ']) {
  test(`classifyPathway blank ${JSON.stringify(blank)}`, () => {
    assert.deepEqual(classifyPathway(blank), { level: null, recognised: true, message: null })
  })
}
