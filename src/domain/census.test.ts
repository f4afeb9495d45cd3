import assert from 'node:assert/strict'
import { test } from 'node:test'

import {
  CENSUS_NEED_CODES,
  censusNeedCodes,
  createNeedCodeList,
  needProvisionWarning,
  parseProvision,
  provisionOf,
} from './census.js'
import type { AreaOfNeed } from './types.js'

const { parseNeed, areaOf } = censusNeedCodes

const AREAS: [string, AreaOfNeed | null][] = [
  ['SPLD', 'cognition_learning'],
  ['MLD', 'cognition_learning'],
  ['SLD', 'cognition_learning'],
  ['PMLD', 'cognition_learning'],
  ['SLCN', 'communication_interaction'],
  ['ASD', 'communication_interaction'],
  ['SEMH', 'semh'],
  ['HI', 'sensory_physical'],
  ['VI', 'sensory_physical'],
  ['MSI', 'sensory_physical'],
  ['PD', 'sensory_physical'],
  ['OTH', null],
  ['NSA', null],
]

test('CENSUS_NEED_CODES has the 13 census codes', () => {
  assert.deepEqual(
    CENSUS_NEED_CODES.map((entry) => entry.code),
    AREAS.map(([code]) => code),
  )
})

test('NSA is only valid with SEN support', () => {
  const nsa = CENSUS_NEED_CODES.find((entry) => entry.code === 'NSA')

  assert.equal(nsa?.onlyWithSenSupport, true)
})

for (const [code, area] of AREAS) {
  test(`areaOf ${code}`, () => {
    assert.equal(areaOf(code), area)
    assert.equal(areaOf(code.toLowerCase()), area)
  })

  test(`parseNeed ${code}`, () => {
    assert.deepEqual(parseNeed(code), {
      ok: true,
      value: { code, known: true, area },
      warnings: [],
    })
  })
}

const WRITTEN_FORMS: [string, string][] = [
  ['SpLD', 'SPLD'],
  ['spld', 'SPLD'],
  ['  asd ', 'ASD'],
  ['ASD - Autistic Spectrum Disorder', 'ASD'],
  ['SLCN – Speech, language and communication needs', 'SLCN'],
  ['Autistic Spectrum Disorder', 'ASD'],
  ['autism', 'ASD'],
  ['Speech, Language and Communication Needs', 'SLCN'],
  ['Speech, Language & Communication Need', 'SLCN'],
  ['Specific Learning Difficulty', 'SPLD'],
  ['Specific Learning Difficulties', 'SPLD'],
  ['Moderate Learning Difficulty', 'MLD'],
  ['Severe Learning Difficulties', 'SLD'],
  ['Profound & Multiple Learning Difficulty', 'PMLD'],
  ['Social, Emotional and Mental Health', 'SEMH'],
  ['Hearing Impairment', 'HI'],
  ['Visual Impairment', 'VI'],
  ['Vision Impairment', 'VI'],
  ['Multi-Sensory Impairment', 'MSI'],
  ['Physical Disability', 'PD'],
  ['Other Difficulty/Disability', 'OTH'],
  ['SEN support but no specialist assessment of type of need', 'NSA'],
  ['MLD: Moderate Learning Difficulty', 'MLD'],
]

for (const [written, code] of WRITTEN_FORMS) {
  test(`parseNeed reads "${written}"`, () => {
    const result = parseNeed(written)

    assert.equal(result.ok && result.value?.code, code)
    assert.deepEqual(result.ok && result.warnings, [])
  })
}

test('parseNeed gives null for blank', () => {
  assert.deepEqual(parseNeed(''), { ok: true, value: null, warnings: [] })
  assert.deepEqual(parseNeed('   '), { ok: true, value: null, warnings: [] })
})

test('parseNeed reads BESD as SEMH', () => {
  const result = parseNeed('besd')

  assert.equal(result.ok, true)
  assert.deepEqual(result.ok && result.value, { code: 'SEMH', known: true, area: 'semh' })
  assert.match(result.ok ? (result.warnings[0] ?? '') : '', /before 2015.*SEMH/)
})

test('parseNeed reads the BESD description', () => {
  const result = parseNeed('Behaviour, Emotional and Social Difficulties')

  assert.equal(result.ok && result.value?.code, 'SEMH')
})

test('areaOf BESD is semh', () => {
  assert.equal(areaOf('BESD'), 'semh')
})

test('parseNeed keeps an unknown code', () => {
  const result = parseNeed(' ds ')

  assert.deepEqual(result.ok && result.value, { code: 'DS', known: false, area: null })
  assert.match(result.ok ? (result.warnings[0] ?? '') : '', /"DS".*admin can map it/)
})

test('parseNeed keeps unknown words as written', () => {
  const result = parseNeed('Down syndrome')

  assert.deepEqual(result.ok && result.value, { code: 'Down syndrome', known: false, area: null })
})

test('parseNeed keeps the code of an unknown pair', () => {
  const result = parseNeed('ds - Down syndrome')

  assert.equal(result.ok && result.value?.code, 'DS')
})

test('areaOf unknown code is null', () => {
  assert.equal(areaOf('DS'), null)
  assert.equal(areaOf(''), null)
})

test('local code gets its area', () => {
  const list = createNeedCodeList([
    { code: 'DS', area: 'cognition_learning', description: 'Down syndrome' },
  ])

  assert.equal(list.areaOf('ds'), 'cognition_learning')
  assert.deepEqual(list.parseNeed('Down Syndrome'), {
    ok: true,
    value: { code: 'DS', known: true, area: 'cognition_learning' },
    warnings: [],
  })
  assert.equal(list.codes().length, CENSUS_NEED_CODES.length + 1)
})

test('local code replaces a census code', () => {
  const list = createNeedCodeList([{ code: 'OTH', area: 'sensory_physical' }])

  assert.equal(list.areaOf('OTH'), 'sensory_physical')
  assert.equal(list.codes().length, CENSUS_NEED_CODES.length)
})

test('local code list leaves the census list alone', () => {
  createNeedCodeList([{ code: 'OTH', area: 'semh' }])

  assert.equal(censusNeedCodes.areaOf('OTH'), null)
})

const PROVISIONS: [string, string][] = [
  ['N', 'N'],
  ['k', 'K'],
  [' E ', 'E'],
  ['E - Education, Health and Care Plan', 'E'],
  ['K - SEN Support', 'K'],
  ['N - No SEN', 'N'],
  ['EHC Plan', 'E'],
  ['EHCP', 'E'],
  ['sen support', 'K'],
  ['No SEN', 'N'],
  ['Statement', 'S'],
  ['School Action', 'A'],
  ['School Action Plus', 'P'],
]

for (const [written, code] of PROVISIONS) {
  test(`parseProvision reads "${written}"`, () => {
    const result = parseProvision(written)

    assert.equal(result.ok && result.value, code)
  })
}

test('parseProvision warns for S', () => {
  const result = parseProvision('S')

  assert.match(result.ok ? (result.warnings[0] ?? '') : '', /treated as an EHC plan/)
})

for (const code of ['A', 'P']) {
  test(`parseProvision warns for ${code}`, () => {
    const result = parseProvision(code)

    assert.match(result.ok ? (result.warnings[0] ?? '') : '', /imported as K/)
  })
}

test('parseProvision has no warning for E', () => {
  const result = parseProvision('E')

  assert.deepEqual(result.ok && result.warnings, [])
})

for (const written of ['', '  ', 'X', 'Yes', 'SEN']) {
  test(`parseProvision rejects "${written}"`, () => {
    const result = parseProvision(written)

    assert.equal(result.ok, false)
    assert.match(result.ok ? '' : result.error, /N \(no SEN\), K \(SEN support\) or E \(EHC plan\)/)
  })
}

test('parseProvision rejects a contradiction', () => {
  const result = parseProvision('K - EHC Plan')

  assert.match(result.ok ? '' : result.error, /two different provisions/)
})

test('provisionOf maps legacy codes', () => {
  assert.equal(provisionOf('S'), 'E')
  assert.equal(provisionOf('A'), 'K')
  assert.equal(provisionOf('P'), 'K')
  assert.equal(provisionOf('N'), 'N')
  assert.equal(provisionOf('K'), 'K')
  assert.equal(provisionOf('E'), 'E')
})

test('needProvisionWarning for NSA with a plan', () => {
  assert.match(needProvisionWarning('NSA', 'E') ?? '', /only for SEN support/)
  assert.equal(needProvisionWarning('NSA', 'K'), null)
})

test('needProvisionWarning for a need with no SEN', () => {
  assert.match(needProvisionWarning('MLD', 'N') ?? '', /counts as having no SEN/)
  assert.equal(needProvisionWarning(null, 'N'), null)
  assert.equal(needProvisionWarning('MLD', 'E'), null)
})
