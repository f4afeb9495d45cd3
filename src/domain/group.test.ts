import assert from 'node:assert/strict'
import { test } from 'node:test'

import { censusNeedCodes, parseProvision, provisionOf } from './census.js'
import { readFixture } from './fixtures.test.js'
import { assignGroup, groupLabel } from './group.js'
import type { CareerSendGroup, GroupOverride, StudentFacts } from './types.js'

const { areaOf } = censusNeedCodes

function aStudent(changes: Partial<StudentFacts> = {}): StudentFacts {
  return {
    dateOfBirth: '2010-05-01',
    provision: 'K',
    provisionCode: 'K',
    primaryNeed: null,
    secondaryNeed: null,
    pathway: null,
    ehcPlanStartDate: null,
    ...changes,
  }
}

function anOverride(changes: Partial<GroupOverride> = {}): GroupOverride {
  return {
    group: 'one',
    reason: 'Follows a personalised timetable.',
    by: 'jsmith',
    at: '2025-11-03T10:15:00Z',
    computedGroupAtOverride: 'two',
    ...changes,
  }
}

function assign(facts: StudentFacts, override: GroupOverride | null = null) {
  return assignGroup({ facts, override, areaOf })
}

test('groupLabel names every group', () => {
  assert.equal(groupLabel('one'), 'Group One')
  assert.equal(groupLabel('two'), 'Group Two')
  assert.equal(groupLabel(null), 'Unassigned')
})

// Expected groups for test/fixtures/pathway-register.csv, by CSV line.
const PATHWAY_REGISTER: Record<number, [CareerSendGroup | null, string | null, string[]]> = {
  2: ['two', 'pathway', ['atypical']],
  3: ['one', 'pathway', ['atypical']],
  4: ['one', 'pathway', []],
  5: ['two', 'pathway', []],
  6: ['two', 'pathway', ['atypical']],
  7: ['one', 'need', ['provisional']],
  8: ['one', 'pathway', ['complex_needs']],
  9: ['two', 'pathway', []],
  10: [null, null, []],
  11: ['one', 'pathway', ['atypical']],
  12: ['two', 'pathway', []],
  13: ['one', 'pathway', []],
}

for (const row of readFixture('pathway-register.csv')) {
  const [group, basis, flags] = PATHWAY_REGISTER[row.line] ?? [null, null, []]
  test(`assignGroup pathway-register line ${row.line}`, () => {
    const provision = parseProvision(row.cells['SEN Provision'] ?? '')
    assert.ok(provision.ok)
    const facts = aStudent({
      provision: provisionOf(provision.value),
      provisionCode: provision.value,
      primaryNeed: row.cells['Primary Need'] || null,
      secondaryNeed: row.cells['Secondary Need'] || null,
      pathway: row.cells['Qualification Pathway'] || null,
    })

    const result = assign(facts)

    assert.equal(result.group, group)
    assert.equal(result.basis, basis)
    assert.deepEqual(result.flags, flags)
  })
}

test('pathway decides with no need', () => {
  const result = assign(aStudent({ pathway: 'Entry Level 2' }))

  assert.equal(result.group, 'one')
  assert.equal(result.basis, 'pathway')
  assert.deepEqual(result.flags, [])
})

test('pathway explanation names the pathway', () => {
  const result = assign(aStudent({ primaryNeed: 'SEMH', pathway: 'GCSE' }))

  assert.match(result.explanation[0] ?? '', /Group Two because .*"GCSE"/)
})

test('atypical explanation says it is common', () => {
  const result = assign(aStudent({ primaryNeed: 'ASD', pathway: 'GCSE' }))

  assert.match(
    result.explanation.join(' '),
    /ASD \(communication and interaction\).*common and not an error/,
  )
})

test('provisional group from primary need', () => {
  const result = assign(aStudent({ primaryNeed: 'HI' }))

  assert.equal(result.group, 'two')
  assert.equal(result.basis, 'need')
  assert.deepEqual(result.flags, ['provisional'])
  assert.match(result.explanation.join(' '), /provisional until staff record a clear pathway/)
})

for (const primaryNeed of ['OTH', 'NSA', 'DS']) {
  test(`provisional from secondary after ${primaryNeed}`, () => {
    const result = assign(aStudent({ primaryNeed, secondaryNeed: 'VI' }))

    assert.equal(result.group, 'two')
    assert.equal(result.basis, 'need')
    assert.match(result.explanation.join(' '), /secondary need, VI/)
  })
}

test('primary need wins over secondary', () => {
  const result = assign(aStudent({ primaryNeed: 'SLCN', secondaryNeed: 'SEMH' }))

  assert.equal(result.group, 'one')
})

test('atypical against the secondary fallback', () => {
  const result = assign(aStudent({ primaryNeed: 'OTH', secondaryNeed: 'ASD', pathway: 'GCSE' }))

  assert.deepEqual(result.flags, ['atypical'])
})

test('no area leaves the student unassigned', () => {
  const result = assign(aStudent({ primaryNeed: 'OTH', secondaryNeed: 'NSA' }))

  assert.equal(result.group, null)
  assert.equal(result.basis, null)
  assert.deepEqual(result.flags, [])
  assert.match(result.explanation.join(' '), /unassigned. Record a pathway/)
})

test('unclear pathway counts as unknown', () => {
  const result = assign(aStudent({ primaryNeed: 'MLD', pathway: 'Mixed' }))

  assert.equal(result.group, 'one')
  assert.equal(result.basis, 'need')
  assert.deepEqual(result.flags, ['provisional'])
  assert.match(result.explanation[0] ?? '', /"Mixed" is not clear.*treated as unknown/)
})

test('unclear pathway and no need', () => {
  const result = assign(aStudent({ pathway: 'TBC' }))

  assert.equal(result.group, null)
})

test('PMLD as secondary is complex needs', () => {
  const result = assign(aStudent({ primaryNeed: 'OTH', secondaryNeed: 'PMLD' }))

  assert.equal(result.group, 'one')
  assert.deepEqual(result.flags, ['provisional', 'complex_needs'])
  assert.match(result.explanation.join(' '), /fit such complex needs only in part/)
})

test('PMLD as primary is complex needs', () => {
  const result = assign(aStudent({ primaryNeed: 'pmld', pathway: 'Pre-formal' }))

  assert.deepEqual(result.flags, ['complex_needs'])
})

test('needs do not count with provision N', () => {
  const result = assign(aStudent({ provision: 'N', provisionCode: 'N', primaryNeed: 'MLD' }))

  assert.equal(result.group, null)
  assert.match(result.explanation.join(' '), /provision is N \(no SEN\)/)
})

test('pathway still decides with provision N', () => {
  const result = assign(aStudent({ provision: 'N', provisionCode: 'N', pathway: 'GCSE' }))

  assert.equal(result.group, 'two')
  assert.deepEqual(result.flags, [])
})

test('computed fields without override', () => {
  const result = assign(aStudent({ primaryNeed: 'ASD' }))

  assert.equal(result.computedGroup, 'one')
  assert.equal(result.computedBasis, 'need')
  assert.equal(result.override, null)
  assert.equal(result.conflict, null)
})

test('override wins over the pathway', () => {
  const override = anOverride({ group: 'one', computedGroupAtOverride: 'two' })

  const result = assign(aStudent({ primaryNeed: 'MLD', pathway: 'GCSE' }), override)

  assert.equal(result.group, 'one')
  assert.equal(result.basis, 'override')
  assert.equal(result.computedGroup, 'two')
  assert.equal(result.computedBasis, 'pathway')
  assert.equal(result.override, override)
  assert.equal(result.conflict, null)
  assert.deepEqual(result.flags, [])
})

test('override explanation shows who and why', () => {
  const result = assign(aStudent({ primaryNeed: 'MLD', pathway: 'GCSE' }), anOverride())

  assert.match(result.explanation[0] ?? '', /Group One on 3 November 2025 \(jsmith\)/)
  assert.match(result.explanation[0] ?? '', /"Follows a personalised timetable."/)
  assert.match(result.explanation[1] ?? '', /rules give Group Two/)
})

test('override shows a conflict after a change', () => {
  const override = anOverride({ group: 'two', computedGroupAtOverride: 'two' })

  const result = assign(aStudent({ primaryNeed: 'MLD', pathway: 'Entry Level 3' }), override)

  assert.equal(result.group, 'two')
  assert.match(result.conflict ?? '', /gave Group Two, but they now give Group One/)
  assert.ok(result.explanation.includes(result.conflict ?? ''))
})

test('override conflict from unassigned', () => {
  const override = anOverride({ group: 'one', computedGroupAtOverride: null })

  const result = assign(aStudent({ primaryNeed: 'SEMH' }), override)

  assert.match(result.conflict ?? '', /gave no group, but they now give Group Two/)
})

test('override keeps complex needs and marks atypical', () => {
  const override = anOverride({ group: 'two', computedGroupAtOverride: 'one' })

  const result = assign(aStudent({ primaryNeed: 'PMLD' }), override)

  assert.deepEqual(result.flags, ['atypical', 'complex_needs'])
})

for (const pathway of ['Level 3', 'A levels', 'T Level', 'GCSE', 'BTEC Level 2']) {
  test(`group two explanation true for "${pathway}"`, () => {
    const result = assign(aStudent({ pathway }))

    assert.equal(result.group, 'two')
    assert.match(result.explanation[0] ?? '', /qualifications at Level 2 or above/)
  })
}
