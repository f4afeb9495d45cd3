import assert from 'node:assert/strict'
import { test } from 'node:test'

import { DESTINATION_TYPES } from './destination-types.js'
import {
  chosenNccisCodeProblem,
  destinationTypeForNccisCode,
  effectiveNccisCode,
  findNccisCode,
  NCCIS_CODE_LIST,
  nccisChoicesForDestination,
} from './nccis-codes.js'

// The NCCIS codes each destination type may record, usual code first. An empty list is a type
// with no NCCIS activity code.
const EXPECTED_CHOICES: Record<string, string[]> = {
  'supported-apprenticeship': ['310'],
  'supported-internship': ['460'],
  traineeship: ['450'],
  'own-enterprise': ['380', '381'],
  'supported-own-enterprise': ['380', '381'],
  'self-employment': ['380', '381'],
  'supported-self-employment': ['380', '381'],
  'supported-volunteering': ['540', '550'],
  'extended-work-placement': [],
  'therapeutic-environment': [],
  'supported-independent-living': [],
  'paid-employment': ['320', '330', '340', '350'],
  'supported-employment': ['320', '330', '340', '350'],
  'further-education-college': ['230'],
  'specialist-college': ['280'],
  apprenticeship: ['310'],
  'school-sixth-form': ['210'],
  'sixth-form-college': ['220'],
  'higher-education': ['240'],
  'other-education': ['250', '260', '270', '290'],
  'part-time-employment': ['360'],
  're-engagement': ['530'],
  'neet-seeking': ['619', '610', '615', '616'],
  'neet-not-available-illness': ['640'],
  'neet-not-available-caring': ['620'],
  'neet-not-available-other': ['680', '630', '650', '660', '670'],
  custody: ['710'],
  'moved-away': [],
  'not-known': ['810', '820', '830'],
}

test('NCCIS choices cover every destination type', () => {
  assert.deepEqual(
    DESTINATION_TYPES.map((type) => type.id).sort(),
    Object.keys(EXPECTED_CHOICES).sort(),
  )
  for (const type of DESTINATION_TYPES) {
    const codes = nccisChoicesForDestination(type.id).map((code) => code.code)
    assert.deepEqual(codes, EXPECTED_CHOICES[type.id], type.id)
  }
})

test('NCCIS choices are all listed codes', () => {
  for (const codes of Object.values(EXPECTED_CHOICES)) {
    for (const code of codes) assert.ok(findNccisCode(code), code)
  }
})

test('effectiveNccisCode uses the usual code', () => {
  assert.equal(effectiveNccisCode('further-education-college', null)?.code, '230')
  assert.equal(effectiveNccisCode('self-employment', undefined)?.code, '380')
  assert.equal(effectiveNccisCode('paid-employment', null), undefined)
  assert.equal(effectiveNccisCode('moved-away', null), undefined)
})

test('effectiveNccisCode uses an allowed choice', () => {
  assert.equal(effectiveNccisCode('self-employment', '381')?.code, '381')
  assert.equal(effectiveNccisCode('paid-employment', ' 340 ')?.code, '340')
  assert.equal(effectiveNccisCode('further-education-college', '240')?.code, '230')
})

test('chosenNccisCodeProblem accepts empty and allowed', () => {
  assert.equal(chosenNccisCodeProblem('paid-employment', ''), null)
  assert.equal(chosenNccisCodeProblem('paid-employment', '330'), null)
  assert.equal(chosenNccisCodeProblem('apprenticeship', '310'), null)
})

test('chosenNccisCodeProblem names the allowed codes', () => {
  const message = chosenNccisCodeProblem('paid-employment', '360')

  assert.match(message ?? '', /NCCIS code "360" does not fit/)
  assert.match(message ?? '', /320 \(Full-time employment combined with study\)/)
  assert.match(message ?? '', /350 \(Temporary employment\)/)
})

test('chosenNccisCodeProblem rejects a code for a type without one', () => {
  assert.match(chosenNccisCodeProblem('moved-away', '810') ?? '', /has no NCCIS code/)
})

test('chosenNccisCodeProblem rejects a code not in the list', () => {
  const message = chosenNccisCodeProblem('further-education-college', '999')

  assert.match(message ?? '', /NCCIS code "999" is not in the 2025\/26 NCCIS code list/)
  assert.doesNotMatch(message ?? '', /has no NCCIS code/)
})

test('chosenNccisCodeProblem needs a destination type', () => {
  const missing = chosenNccisCodeProblem('', '310')
  const unknown = chosenNccisCodeProblem('gap-year', '310')

  assert.match(missing ?? '', /"310" \(Apprenticeship\) needs a destination type/)
  assert.match(missing ?? '', /no destination type is selected/)
  assert.match(missing ?? '', /usually goes with the destination type Apprenticeship/)
  assert.match(unknown ?? '', /destination type "gap-year" is not recognised/)
  assert.doesNotMatch(missing ?? '', /has no NCCIS code/)
})

test('destinationTypeForNccisCode round-trips to an allowed code', () => {
  for (const { code } of NCCIS_CODE_LIST.codes) {
    const type = destinationTypeForNccisCode(code)
    if (type === null) continue
    const allowed = nccisChoicesForDestination(type).map((choice) => choice.code)
    assert.ok(allowed.includes(code), `${code} maps to ${type}, which does not allow it`)
  }
})

test('destinationTypeForNccisCode leaves training codes unmapped', () => {
  assert.equal(destinationTypeForNccisCode('410'), null)
  assert.equal(destinationTypeForNccisCode('430'), null)
  assert.equal(destinationTypeForNccisCode('440'), null)
  assert.equal(destinationTypeForNccisCode('999'), null)
  assert.equal(destinationTypeForNccisCode(' 230 '), 'further-education-college')
})
