import assert from 'node:assert/strict'
import { test } from 'node:test'

import { OUTCOME_CATALOGUE } from './catalogue.js'
import { evaluateEligibility } from './eligibility.js'
import type { CareerSendGroup, OutcomeEligibility, StudentFacts } from './types.js'

function aStudent(changes: Partial<StudentFacts> = {}): StudentFacts {
  return {
    dateOfBirth: '2008-05-01',
    provision: 'E',
    provisionCode: 'E',
    primaryNeed: 'ASD',
    secondaryNeed: null,
    pathway: null,
    ehcPlanStartDate: '2015-01-01',
    ...changes,
  }
}

function verdictFor(
  outcomeId: string,
  facts: StudentFacts,
  referenceDate = '2026-08-31',
  group: CareerSendGroup | null = 'one',
): OutcomeEligibility {
  const result = evaluateEligibility({ facts, group, referenceDate }).find(
    (entry) => entry.outcomeId === outcomeId,
  )
  assert.ok(result, outcomeId)
  return result
}

test('every outcome is evaluated', () => {
  const results = evaluateEligibility({
    facts: aStudent(),
    group: 'one',
    referenceDate: '2026-08-31',
  })

  assert.equal(results.length, OUTCOME_CATALOGUE.outcomes.length)
})

test('own group comes first', () => {
  const results = evaluateEligibility({
    facts: aStudent(),
    group: 'two',
    referenceDate: '2026-08-31',
  })

  assert.deepEqual(
    results.slice(0, 5).map((result) => result.group),
    ['two', 'two', 'two', 'two', 'two'],
  )
  assert.equal(results[0]?.outcomeId, 'paid-employment')
  assert.equal(results[5]?.outcomeId, 'supported-apprenticeship')
})

test('unassigned keeps catalogue order', () => {
  const results = evaluateEligibility({
    facts: aStudent(),
    group: null,
    referenceDate: '2026-08-31',
  })

  assert.deepEqual(
    results.map((result) => result.outcomeId),
    OUTCOME_CATALOGUE.outcomes.map((outcome) => outcome.id),
  )
})

test('every verdict has a reason', () => {
  const students = [
    aStudent(),
    aStudent({ provision: 'N', provisionCode: 'N', dateOfBirth: '2013-01-01' }),
  ]
  for (const facts of students) {
    for (const result of evaluateEligibility({
      facts,
      group: 'one',
      referenceDate: '2026-08-31',
    })) {
      assert.ok(result.reasons.length > 0, result.outcomeId)
      assert.equal(result.referenceDate, '2026-08-31')
    }
  }
})

test('internship too young', () => {
  const result = verdictFor('supported-internship', aStudent({ dateOfBirth: '2010-09-01' }))

  assert.equal(result.verdict, 'not_eligible')
  assert.match(result.reasons[0] ?? '', /ages 16 to 24, and on 31 August 2026 this student is 15/)
  assert.match(result.reasons[0] ?? '', /turn 16 on 1 September 2026/)
})

test('internship at 16 on the day', () => {
  const result = verdictFor('supported-internship', aStudent({ dateOfBirth: '2010-08-31' }))

  assert.equal(result.verdict, 'eligible')
  assert.match(result.reasons[0] ?? '', /this student is 16, within ages 16 to 24/)
})

test('internship at 24 and 25', () => {
  assert.equal(
    verdictFor('supported-internship', aStudent({ dateOfBirth: '2001-09-01' })).verdict,
    'eligible',
  )
  assert.equal(
    verdictFor('supported-internship', aStudent({ dateOfBirth: '2001-08-31' })).verdict,
    'not_eligible',
  )
})

test('internship needs an EHC plan', () => {
  const result = verdictFor(
    'supported-internship',
    aStudent({ provision: 'K', provisionCode: 'K' }),
  )

  assert.equal(result.verdict, 'not_eligible')
  assert.match(result.reasons[0] ?? '', /needs an EHC plan, and this student has SEN support/)
  assert.match(
    result.reasons[0] ?? '',
    /request .* for an EHC needs assessment would open this route/,
  )
})

test('internship with no SEN', () => {
  const result = verdictFor(
    'supported-internship',
    aStudent({ provision: 'N', provisionCode: 'N' }),
  )

  assert.match(result.reasons[0] ?? '', /has no SEN recorded/)
})

test('internship with a legacy statement', () => {
  const result = verdictFor('supported-internship', aStudent({ provisionCode: 'S' }))

  assert.equal(result.verdict, 'eligible')
  assert.match(result.reasons.join(' '), /statement of SEN .* treated as an EHC plan/)
})

test('internship age and plan both fail', () => {
  const facts = aStudent({ dateOfBirth: '2012-01-01', provision: 'K', provisionCode: 'K' })

  const result = verdictFor('supported-internship', facts)

  assert.equal(result.reasons.length >= 2, true)
  assert.match(result.reasons[0] ?? '', /ages 16 to 24/)
  assert.match(result.reasons[1] ?? '', /needs an EHC plan/)
})

test('supported apprenticeship without a plan', () => {
  const result = verdictFor(
    'supported-apprenticeship',
    aStudent({ provision: 'K', provisionCode: 'K' }),
  )

  assert.equal(result.verdict, 'check')
  assert.match(result.reasons[0] ?? '', /decided case by case/)
  assert.match(result.reasons[0] ?? '', /formal assessment/)
})

test('supported apprenticeship with a plan', () => {
  assert.equal(verdictFor('supported-apprenticeship', aStudent()).verdict, 'eligible')
})

test('traineeship after its withdrawal', () => {
  const result = verdictFor('traineeship', aStudent())

  assert.equal(result.verdict, 'check')
  assert.match(result.reasons[0] ?? '', /last new starts on 31 July 2023/)
})

test('traineeship before its withdrawal', () => {
  const result = verdictFor('traineeship', aStudent({ dateOfBirth: '2005-01-01' }), '2023-07-31')

  assert.equal(result.verdict, 'eligible')
})

test('traineeship outside its ages', () => {
  const result = verdictFor('traineeship', aStudent({ dateOfBirth: '2012-01-01' }))

  assert.equal(result.verdict, 'not_eligible')
})

test('therapeutic environment age is a check', () => {
  const result = verdictFor('therapeutic-environment', aStudent())

  assert.equal(result.verdict, 'check')
  assert.match(
    result.reasons[0] ?? '',
    /usually for ages 19 to 25, and on 31 August 2026 this student is 18/,
  )
})

test('therapeutic environment within ages', () => {
  const result = verdictFor('therapeutic-environment', aStudent({ dateOfBirth: '2005-01-01' }))

  assert.equal(result.verdict, 'eligible')
})

test('apprenticeship under 16', () => {
  const result = verdictFor('apprenticeship', aStudent({ dateOfBirth: '2011-01-01' }))

  assert.equal(result.verdict, 'not_eligible')
  assert.match(result.reasons[0] ?? '', /ages 16 and over/)
})

test('apprenticeship duration for the date', () => {
  const after = verdictFor('apprenticeship', aStudent(), '2026-08-31')
  const before = verdictFor('apprenticeship', aStudent({ dateOfBirth: '2005-01-01' }), '2024-08-31')

  assert.match(after.reasons.join(' '), /at least 8 months.*changed on 1 August 2025/)
  assert.match(before.reasons.join(' '), /at least 12 months/)
})

test('further education under 16 is a check', () => {
  const result = verdictFor('further-education-college', aStudent({ dateOfBirth: '2012-01-01' }))

  assert.equal(result.verdict, 'check')
})

test('paid employment notes the hours', () => {
  const result = verdictFor('paid-employment', aStudent())

  assert.equal(result.verdict, 'eligible')
  assert.match(result.reasons.join(' '), /at least 16 hours a week/)
})

test('open outcome says why', () => {
  const result = verdictFor('supported-volunteering', aStudent())

  assert.equal(result.verdict, 'eligible')
  assert.match(result.reasons[0] ?? '', /no age, EHC plan or programme condition/)
})

test('29 February birthday at 16', () => {
  const result = verdictFor(
    'supported-internship',
    aStudent({ dateOfBirth: '2012-02-29' }),
    '2028-02-28',
  )

  assert.equal(result.verdict, 'not_eligible')
  assert.match(result.reasons[0] ?? '', /turn 16 on 29 February 2028/)
})

// A 13-year-old with an EHC plan, planned for on 31 August 2026.
const THIRTEEN = aStudent({ dateOfBirth: '2013-05-01' })

const MINIMUM_AGES: [string, OutcomeEligibility['verdict']][] = [
  ['supported-apprenticeship', 'not_eligible'],
  ['apprenticeship', 'not_eligible'],
  ['paid-employment', 'not_eligible'],
  ['specialist-college', 'check'],
  ['extended-work-placement', 'check'],
  ['own-enterprise', 'check'],
  ['supported-own-enterprise', 'check'],
  ['self-employment', 'check'],
  ['supported-self-employment', 'check'],
]

for (const [outcomeId, verdict] of MINIMUM_AGES) {
  test(`${outcomeId} at 13 is ${verdict}`, () => {
    assert.equal(verdictFor(outcomeId, THIRTEEN).verdict, verdict)
  })
}

for (const [outcomeId] of MINIMUM_AGES) {
  test(`${outcomeId} at 16 is eligible`, () => {
    const sixteen = aStudent({ dateOfBirth: '2010-05-01' })

    assert.equal(verdictFor(outcomeId, sixteen).verdict, 'eligible')
  })
}

test('supported apprenticeship at 13 says why', () => {
  const result = verdictFor('supported-apprenticeship', THIRTEEN)

  assert.match(
    result.reasons[0] ?? '',
    /is for ages 16 and over, and on 31 August 2026 this student is 13/,
  )
})

test('paid employment names school age', () => {
  const result = verdictFor('paid-employment', THIRTEEN)

  assert.match(result.reasons[0] ?? '', /needs the student to be over compulsory school age/)
  assert.match(result.reasons[0] ?? '', /ends for them on 29 June 2029/)
})

// The leaving date is the last Friday of June of the school year in which the student turns 16.
const LEAVING_DATES: [string, string, OutcomeEligibility['verdict']][] = [
  ['2010-09-01', '2027-06-25', 'not_eligible'],
  ['2010-09-01', '2027-06-26', 'eligible'],
  ['2010-08-31', '2026-06-26', 'not_eligible'],
  ['2010-08-31', '2026-06-27', 'eligible'],
  ['2010-07-15', '2026-07-01', 'eligible'],
]

for (const [dateOfBirth, on, verdict] of LEAVING_DATES) {
  test(`paid employment born ${dateOfBirth} on ${on}`, () => {
    const result = verdictFor('paid-employment', aStudent({ dateOfBirth }), on)

    assert.equal(result.verdict, verdict)
  })
}

test('paid employment at 15 after leaving', () => {
  const result = verdictFor(
    'paid-employment',
    aStudent({ dateOfBirth: '2010-07-15' }),
    '2026-07-01',
  )

  assert.match(
    result.reasons.join(' '),
    /over compulsory school age, which ended for them on 26 June 2026/,
  )
})

test('date before birth for every outcome', () => {
  const results = evaluateEligibility({
    facts: aStudent({ dateOfBirth: '2010-05-01' }),
    group: 'one',
    referenceDate: '2009-08-31',
  })

  for (const result of results) {
    assert.equal(result.verdict, 'not_eligible', result.outcomeId)
    assert.match(result.reasons[0] ?? '', /^The student is not born on 31 August 2009\./)
    assert.doesNotMatch(result.reasons.join(' '), /-\d/, result.outcomeId)
  }
})

test('date of birth itself is not before birth', () => {
  const result = verdictFor(
    'supported-volunteering',
    aStudent({ dateOfBirth: '2010-05-01' }),
    '2010-05-01',
  )

  assert.equal(result.verdict, 'eligible')
})

test('traineeship before the programme began', () => {
  const result = verdictFor('traineeship', aStudent({ dateOfBirth: '1995-01-01' }), '2013-07-31')

  assert.equal(result.verdict, 'check')
  assert.match(result.reasons[0] ?? '', /had not started on 31 July 2013/)
  assert.doesNotMatch(result.reasons.join(' '), /still took new starts/)
})

test('traineeship on its first day', () => {
  const result = verdictFor('traineeship', aStudent({ dateOfBirth: '1995-01-01' }), '2013-08-01')

  assert.equal(result.verdict, 'eligible')
  assert.match(result.reasons.join(' '), /still took new starts on 1 August 2013/)
})
