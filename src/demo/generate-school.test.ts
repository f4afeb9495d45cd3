import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { describe, test } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import { academicAge } from '../domain/age.js'
import { parseUpn } from '../domain/upn.js'
import { validateRegister } from '../features/import/validate-file.js'
import { CENSUS_COLUMNS, generateSchool, type CensusRow } from './generate-school.js'

const mainstream = (students = 400, seed = 7) =>
  generateSchool({ kind: 'mainstream', seed, students, academicYearStart: 2026 })

function share(rows: CensusRow[], predicate: (row: CensusRow) => boolean): number {
  return rows.filter(predicate).length / rows.length
}

describe('generateSchool', () => {
  test('gives the same rows for the same seed', () => {
    assert.deepEqual(mainstream(50, 3), mainstream(50, 3))
  })

  test('gives other rows for another seed', () => {
    assert.notDeepEqual(mainstream(50, 3), mainstream(50, 4))
  })

  test('writes valid, unique UPNs', () => {
    const rows = mainstream(3000)
    for (const row of rows) assert.ok(parseUpn(row.UPN).ok, `${row.UPN} is not a valid UPN`)
    assert.equal(new Set(rows.map((row) => row.UPN)).size, rows.length)
  })

  test('gives ages that match the year group', () => {
    for (const row of mainstream()) {
      assert.equal(
        academicAge(row.DOB, 2026),
        Number(row.NCyearActual) + 4,
        `${row.DOB} in Year ${row.NCyearActual}`,
      )
    }
  })

  test('draws EHC plans near the national share', () => {
    // About 26% of pupils with SEN had an EHC plan in January 2024.
    const ehcPlans = share(mainstream(4000), (row) => row.SENprovision === 'E')

    assert.ok(ehcPlans > 0.22, `EHC plan share ${ehcPlans}`)
    assert.ok(ehcPlans < 0.3, `EHC plan share ${ehcPlans}`)
  })

  test('makes SLCN the commonest mainstream need', () => {
    const rows = mainstream(4000)
    const counts = new Map<string, number>()
    for (const row of rows) counts.set(row.SENtype1, (counts.get(row.SENtype1) ?? 0) + 1)
    const commonest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]

    assert.equal(commonest, 'SLCN')
  })

  test('gives a special school mostly EHC plans and year X', () => {
    const rows = generateSchool({
      kind: 'special',
      seed: 1,
      students: 1000,
      academicYearStart: 2026,
    })

    assert.ok(share(rows, (row) => row.SENprovision === 'E') > 0.9)
    assert.ok(share(rows, (row) => row.NCyearActual === 'X') > 0.3)
  })

  test('imports with no rejected rows', async () => {
    const csv = stringify(mainstream(300), { header: true, columns: CENSUS_COLUMNS })
    const file = await validateRegister(
      { fileName: 'demo.csv', stream: Readable.from([csv]) },
      { maxBytes: 10 * 1024 * 1024 },
    )

    assert.equal(file.rows.length, 300)
    assert.deepEqual(
      file.rows.filter((row) => row.errors.length > 0).map((row) => row.errors),
      [],
    )
    assert.deepEqual(file.unknownColumns, [])
  })
})
