// Groups and eligibility across the sample registers. Rows are read with the domain parsers and
// rejected the way the importer rejects them, so the counts match the fixture expectations.
import assert from 'node:assert/strict'
import { test } from 'node:test'

import { censusNeedCodes, parseProvision, provisionOf } from './census.js'
import { parseCalendarDate } from './dates.js'
import { evaluateEligibility } from './eligibility.js'
import { readFixture, type FixtureRow } from './fixtures.test.js'
import { assignGroup } from './group.js'
import type { StudentFacts } from './types.js'
import { parseUpn } from './upn.js'

interface Columns {
  dob: string
  provision: string
  needs: (cells: Record<string, string>) => [string | null, string | null] | null
}

const SIMS: Columns = {
  dob: 'DOB',
  provision: 'SEN Status',
  needs: (cells) => [cells['Primary Need'] || null, cells['Secondary Need'] || null],
}

const CENSUS: Columns = {
  dob: 'DOB',
  provision: 'SENprovision',
  needs: (cells) => {
    const pairs = [
      { code: cells['SENtype1'] || null, rank: cells['SENtypeRank1'] },
      { code: cells['SENtype2'] || null, rank: cells['SENtypeRank2'] },
    ].filter((pair) => pair.code)
    if (pairs.length === 2 && pairs[0]?.rank === pairs[1]?.rank) return null
    const byRank = (rank: string) => pairs.find((pair) => pair.rank === rank)?.code ?? null
    return [byRank('1'), byRank('2')]
  },
}

function studentsFrom(rows: FixtureRow[], columns: Columns): Map<number, StudentFacts> {
  const upns = rows.map((row) => parseUpn(row.cells['UPN'] ?? ''))
  const keys = upns.map((upn) => (upn.ok ? upn.value.upn : null))
  const students = new Map<number, StudentFacts>()
  rows.forEach((row, index) => {
    const facts = factsFrom(row, columns)
    const duplicate = keys.filter((key) => key === keys[index]).length > 1
    if (facts && upns[index]?.ok && !duplicate) students.set(row.line, facts)
  })
  return students
}

function factsFrom(row: FixtureRow, columns: Columns): StudentFacts | null {
  const dob = parseCalendarDate(row.cells[columns.dob] ?? '')
  const provision = parseProvision(row.cells[columns.provision] ?? '')
  const needs = columns.needs(row.cells)
  if (!dob.ok || !provision.ok || !needs) return null
  const [primary, secondary] = needs.map((need) => {
    const parsed = censusNeedCodes.parseNeed(need ?? '')
    return parsed.ok ? (parsed.value?.code ?? null) : null
  })
  return {
    dateOfBirth: dob.value,
    provision: provisionOf(provision.value),
    provisionCode: provision.value,
    primaryNeed: primary ?? null,
    secondaryNeed: secondary ?? null,
    pathway: null,
    ehcPlanStartDate: null,
  }
}

function groupCounts(students: Map<number, StudentFacts>) {
  const counts = { one: 0, two: 0, unassigned: 0 }
  for (const facts of students.values()) {
    const { group } = assignGroup({ facts, override: null, areaOf: censusNeedCodes.areaOf })
    counts[group ?? 'unassigned'] += 1
  }
  return counts
}

function internshipLines(students: Map<number, StudentFacts>, referenceDate: string): number[] {
  return [...students]
    .filter(([, facts]) => {
      const results = evaluateEligibility({ facts, group: null, referenceDate })
      return (
        results.find((result) => result.outcomeId === 'supported-internship')?.verdict ===
        'eligible'
      )
    })
    .map(([line]) => line)
}

const sims = studentsFrom(readFixture('sims-style-register.csv'), SIMS)
const census = studentsFrom(readFixture('census-style-register.csv'), CENSUS)

test('sims register imports 35 rows', () => {
  assert.equal(sims.size, 35)
})

test('sims register group counts', () => {
  assert.deepEqual(groupCounts(sims), { one: 19, two: 14, unassigned: 2 })
})

test('sims register internship lines', () => {
  assert.deepEqual(internshipLines(sims, '2026-08-31'), [14, 17, 23, 24, 32, 38, 41])
})

test('census register imports 48 rows', () => {
  assert.equal(census.size, 48)
})

test('census register ranks decide primary', () => {
  assert.equal(census.get(6)?.primaryNeed, 'ASD')
  assert.equal(census.get(6)?.secondaryNeed, 'SLCN')
})

test('census register group counts', () => {
  assert.deepEqual(groupCounts(census), { one: 29, two: 16, unassigned: 3 })
})

test('census register line 22 is complex', () => {
  const facts = census.get(22)
  assert.ok(facts)

  const result = assignGroup({ facts, override: null, areaOf: censusNeedCodes.areaOf })

  assert.equal(result.group, 'one')
  assert.ok(result.flags.includes('complex_needs'))
})

test('census register internship lines', () => {
  const expected = [4, 6, 10, 12, 16, 18, 22, 24, 30, 34, 36, 42, 46, 48]

  assert.deepEqual(internshipLines(census, '2026-08-31'), expected)
})

const boundary = studentsFrom(readFixture('internship-age-boundary.csv'), {
  dob: 'DOB',
  provision: 'SEN Provision',
  needs: (cells) => [cells['SEN Primary Need'] || null, null],
})

test('boundary register internship 2026/27', () => {
  assert.deepEqual(internshipLines(boundary, '2026-08-31'), [2, 5, 7, 9])
})

test('boundary register internship 2027/28', () => {
  assert.deepEqual(internshipLines(boundary, '2027-08-31'), [2, 3, 7])
})
