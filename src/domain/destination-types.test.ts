import assert from 'node:assert/strict'
import { test } from 'node:test'

import { OUTCOME_CATALOGUE } from './catalogue.js'
import { DESTINATION_TYPES, destinationTypeIds, findDestinationType } from './destination-types.js'
import { NCCIS_CODE_LIST, findNccisCode, nccisCodeForDestination } from './nccis-codes.js'

const CATEGORIES = ['positive', 'eet', 'neet', 'not_known', 'other']
const NCCIS_CATEGORIES = [
  'education',
  'employment',
  'training',
  're-engagement',
  'neet',
  'custody',
  'not_known',
]

test('destination types include every catalogue outcome', () => {
  for (const outcome of OUTCOME_CATALOGUE.outcomes) {
    const type = findDestinationType(outcome.id)
    assert.ok(type, `missing destination type for ${outcome.id}`)
    assert.equal(type.category, 'positive', outcome.id)
    assert.equal(type.label, outcome.title, outcome.id)
  }
})

test('destination types include the other types', () => {
  const expected = [
    'school-sixth-form',
    'sixth-form-college',
    'higher-education',
    'other-education',
    'part-time-employment',
    're-engagement',
    'neet-seeking',
    'neet-not-available-illness',
    'neet-not-available-caring',
    'neet-not-available-other',
    'custody',
    'moved-away',
    'not-known',
  ]
  for (const id of expected) assert.ok(findDestinationType(id), `missing ${id}`)
  assert.equal(DESTINATION_TYPES.length, OUTCOME_CATALOGUE.outcomes.length + expected.length)
})

test('destination types are unique, classified and labelled', () => {
  const ids = destinationTypeIds()
  assert.equal(new Set(ids).size, ids.length)
  for (const type of DESTINATION_TYPES) {
    assert.ok(CATEGORIES.includes(type.category), `${type.id} has category ${type.category}`)
    assert.ok(type.label.trim().length > 0, `${type.id} has no label`)
  }
})

test('destination types classify reported groups', () => {
  assert.equal(findDestinationType('school-sixth-form')?.category, 'eet')
  assert.equal(findDestinationType('part-time-employment')?.category, 'eet')
  assert.equal(findDestinationType('neet-seeking')?.category, 'neet')
  assert.equal(findDestinationType('neet-not-available-caring')?.category, 'neet')
  assert.equal(findDestinationType('re-engagement')?.category, 'neet')
  assert.equal(findDestinationType('not-known')?.category, 'not_known')
  assert.equal(findDestinationType('custody')?.category, 'other')
  assert.equal(findDestinationType('moved-away')?.category, 'other')
})

test('destination types give every catalogue outcome an activity entry', () => {
  const withoutActivity = DESTINATION_TYPES.filter((type) => type.activity === null).map(
    (type) => type.id,
  )
  assert.deepEqual(withoutActivity.sort(), [
    'custody',
    'moved-away',
    'neet-not-available-caring',
    'neet-not-available-illness',
    'neet-not-available-other',
    'neet-seeking',
    'not-known',
    're-engagement',
    'supported-independent-living',
    'supported-volunteering',
  ])
})

test('destination types never count NEET towards sustained', () => {
  for (const type of DESTINATION_TYPES) {
    if (type.category === 'neet' || type.category === 'not_known') {
      assert.equal(type.activity, null, type.id)
    }
  }
})

test('findDestinationType returns null for an unknown id', () => {
  assert.equal(findDestinationType('gap-year'), null)
})

test('NCCIS codes are unique and categorised', () => {
  const codes = NCCIS_CODE_LIST.codes.map((entry) => entry.code)
  assert.equal(new Set(codes).size, codes.length)
  for (const entry of NCCIS_CODE_LIST.codes) {
    assert.match(entry.code, /^\d{3}$/, entry.code)
    assert.ok(NCCIS_CATEGORIES.includes(entry.category), `${entry.code} has ${entry.category}`)
    assert.ok(entry.label.trim().length > 0, `${entry.code} has no label`)
  }
})

test('NCCIS code list has a year and source', () => {
  assert.match(NCCIS_CODE_LIST.year, /^\d{4}\/\d{2}$/)
  assert.ok(NCCIS_CODE_LIST.source.length > 0)
})

test('NCCIS code list covers every category', () => {
  const used = new Set(NCCIS_CODE_LIST.codes.map((entry) => entry.category))
  assert.deepEqual([...used].sort(), [...NCCIS_CATEGORIES].sort())
})

test('findNccisCode looks up by code', () => {
  assert.equal(findNccisCode('310')?.label, 'Apprenticeship')
  assert.equal(findNccisCode(' 540 ')?.category, 'neet')
  assert.equal(findNccisCode('550')?.category, 'employment')
  assert.equal(findNccisCode('710')?.category, 'custody')
  assert.equal(findNccisCode('820')?.category, 'not_known')
  assert.equal(findNccisCode('999'), null)
})

test('nccisCodeForDestination maps clear cases', () => {
  assert.equal(nccisCodeForDestination('school-sixth-form')?.code, '210')
  assert.equal(nccisCodeForDestination('apprenticeship')?.code, '310')
  assert.equal(nccisCodeForDestination('supported-internship')?.code, '460')
  assert.equal(nccisCodeForDestination('neet-seeking')?.code, '619')
  assert.equal(nccisCodeForDestination('custody')?.code, '710')
  assert.equal(nccisCodeForDestination('not-known')?.code, '810')
})

test('nccisCodeForDestination leaves unclear cases undefined', () => {
  assert.equal(nccisCodeForDestination('paid-employment'), undefined)
  assert.equal(nccisCodeForDestination('other-education'), undefined)
  assert.equal(nccisCodeForDestination('moved-away'), undefined)
  assert.equal(nccisCodeForDestination('no-such-type'), undefined)
})

test('nccisCodeForDestination leaves only listed types unmapped', () => {
  const unmapped = DESTINATION_TYPES.filter((type) => !nccisCodeForDestination(type.id)).map(
    (type) => type.id,
  )
  assert.deepEqual(unmapped.sort(), [
    'extended-work-placement',
    'moved-away',
    'other-education',
    'paid-employment',
    'supported-employment',
    'supported-independent-living',
    'supported-volunteering',
    'therapeutic-environment',
  ])
})
