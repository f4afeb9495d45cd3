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
  'GCSEs (9-1)',
  '5 GCSEs',
  'GCSE Eng/Maths',
  'GCSE foundation tier',
  'gcses',
  'Level 2 BTEC',
  'BTEC First Award',
  'BTEC National Extended Diploma',
  'NVQ Level 2',
  'Functional Skills L2',
  'L3 Diploma',
  'A-levels',
  'A level',
  'T Level',
  'T-Level',
  'GCSE Maths, Entry Level English',
]

const BELOW_LEVEL_TWO = [
  'Below GCSE',
  'Working below GCSE',
  'Below Level 2',
  'Working below Level 2',
  'Sub-GCSE',
  'Under GCSE',
  'Less than GCSE',
  'Lower than GCSE',
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
  'Pre entry',
  'Pre-Formal curriculum',
  'Entry Level Certificate',
  'Entry 3 Functional Skills',
  'Functional Skills E1',
  'ELC Entry 1-3',
  'Level 1 BTEC',
  'BTEC Level 1',
  'Semi-formal curriculum',
  'Engagement model',
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

// A negation or hedge beside a GCSE or level word must never be read as a firm pathway.
const NEGATED_OR_HEDGED = [
  'Alternative to GCSE',
  'GCSE equivalent',
  'Below Level 3',
  'Above Entry Level',
  'GCSE - N',
  'GCSE (Y)',
  'Entry 3 / GCSE',
  'GCSE not appropriate',
  'Not GCSE',
  'not taking GCSEs',
  'No GCSE',
  'non GCSE',
  'Pre-GCSE',
  'Pre GCSE',
  'pre-level 1',
  'Without GCSEs',
  'Entry Level instead of GCSE',
  'Level 1 rather than GCSE',
  'Working towards GCSE',
  'Working toward Level 2',
  'GCSE n/a',
  'GCSE: N/A',
  'GCSE tbc',
  'TBC - GCSE',
  'Maybe GCSE',
  'GCSE maybe',
  'GCSE?',
  'Level 2?',
  'possibly GCSE',
  'probably A levels',
  'GCSE if ready',
  'Aiming for GCSE',
  'GCSE inappropriate',
  'Disapplied from GCSE',
  'GCSE English (dropped)',
  'Potential Level 2',
  'GCSE unlikely',
  'T Level - not yet decided',
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

for (const pathway of [...UNCLEAR, ...UNCLEAR_MORE, ...NEGATED_OR_HEDGED]) {
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
