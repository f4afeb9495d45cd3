import assert from 'node:assert/strict'
import { createReadStream } from 'node:fs'
import { describe, it } from 'node:test'

import { censusNeedCodes, provisionOf } from '../../domain/census.js'
import { computeGroup } from '../../domain/group.js'
import type { ValidatedFile, ValidatedRow } from './import.types.js'
import { validateRegister } from './validate-file.js'

const FIXTURES = new URL('../../../test/fixtures/', import.meta.url)

async function validateFixture(name: string): Promise<ValidatedFile> {
  const stream = createReadStream(new URL(name, FIXTURES))
  return validateRegister({ fileName: name, stream }, { maxBytes: 10 * 1024 * 1024 })
}

function rowOn(file: ValidatedFile, line: number): ValidatedRow {
  const row = file.rows.find((candidate) => candidate.line === line)
  assert.ok(row, `no row for line ${line}`)
  return row
}

function rejectedLines(file: ValidatedFile): number[] {
  return file.rows.filter((row) => row.input === null).map((row) => row.line)
}

function linesWithWarnings(file: ValidatedFile): number[] {
  return file.rows.filter((row) => row.warnings.length > 0).map((row) => row.line)
}

function countGroups(file: ValidatedFile): Record<string, number> {
  const counts: Record<string, number> = { one: 0, two: 0, unassigned: 0 }
  for (const { input } of file.rows) {
    if (input === null) continue
    const facts = { ...input, provision: provisionOf(input.provisionCode) }
    const { group } = computeGroup(facts, censusNeedCodes.areaOf)
    counts[group ?? 'unassigned'] = (counts[group ?? 'unassigned'] ?? 0) + 1
  }
  return counts
}

describe('sims-style register', async () => {
  const file = await validateFixture('sims-style-register.csv')

  it('imports 35 rows and rejects 5', () => {
    assert.equal(file.format, 'csv')
    assert.equal(file.rows.length, 40)
    assert.deepEqual(rejectedLines(file), [8, 13, 19, 30, 37])
  })

  it('names the right check letter on line 8', () => {
    const [error] = rowOn(file, 8).errors
    assert.equal(error?.column, 'UPN')
    assert.equal(error?.value, 'A855999613306')
    assert.match(error?.message ?? '', /gives X/)
  })

  it('rejects both rows sharing a UPN', () => {
    assert.match(rowOn(file, 13).errors[0]?.message ?? '', /line 30/)
    assert.match(rowOn(file, 30).errors[0]?.message ?? '', /line 13/)
  })

  it('rejects impossible and month-first dates', () => {
    assert.equal(rowOn(file, 19).errors[0]?.value, '31/09/2013')
    assert.match(rowOn(file, 19).errors[0]?.message ?? '', /^DOB "31\/09\/2013" does not exist/)
    assert.equal(rowOn(file, 37).errors[0]?.value, '05/13/2011')
    assert.match(rowOn(file, 37).errors[0]?.message ?? '', /month 13/)
  })

  it('warns on legacy provision and a missing primary need', () => {
    assert.deepEqual(linesWithWarnings(file), [24, 34])
    assert.equal(rowOn(file, 24).input?.provisionCode, 'S')
    assert.match(rowOn(file, 24).warnings[0]?.message ?? '', /statement/)
    assert.match(rowOn(file, 34).warnings[0]?.message ?? '', /unassigned/)
  })

  it('keeps zero-padded admission numbers and @ names', () => {
    assert.equal(rowOn(file, 2).input?.misId, '000417')
    assert.deepEqual(rowOn(file, 2).key, { kind: 'upn', value: 'W839999013300' })
    assert.equal(rowOn(file, 41).input?.preferredForename, '@Ro')
  })

  it('reads provision written as code and description', () => {
    assert.equal(rowOn(file, 4).input?.provisionCode, 'E')
    assert.equal(rowOn(file, 7).input?.provisionCode, 'K')
  })

  it('lists columns it does not use', () => {
    assert.deepEqual(file.unknownColumns, ['Gender', 'Reg'])
    assert.ok(file.fields.includes('misId'))
    assert.deepEqual(file.warnings, [])
  })

  it('gives the documented group counts', () => {
    assert.deepEqual(countGroups(file), { one: 19, two: 14, unassigned: 2 })
  })
})

describe('census-style register', async () => {
  const file = await validateFixture('census-style-register.csv')

  it('imports 48 rows and rejects 2', () => {
    assert.equal(file.rows.length, 50)
    assert.deepEqual(rejectedLines(file), [11, 28])
  })

  it('rejects two needs with the same rank', () => {
    const [error] = rowOn(file, 11).errors
    assert.equal(error?.column, 'SENtypeRank1')
    assert.match(error?.message ?? '', /SENtypeRank1 and SENtypeRank2 are both "1"/)
  })

  it('rejects 29 February in a common year', () => {
    assert.match(rowOn(file, 28).errors[0]?.message ?? '', /2011 is not a leap year/)
  })

  it('lets the rank decide the primary need', () => {
    assert.equal(rowOn(file, 6).input?.primaryNeed, 'ASD')
    assert.equal(rowOn(file, 6).input?.secondaryNeed, 'SLCN')
    assert.equal(rowOn(file, 2).input?.primaryNeed, 'MLD')
    assert.equal(rowOn(file, 2).input?.secondaryNeed, 'SLCN')
  })

  it('warns on the documented lines', () => {
    assert.deepEqual(linesWithWarnings(file), [17, 32, 35, 40, 46])
  })

  it('warns both rows of a former UPN match', () => {
    assert.match(rowOn(file, 17).warnings[0]?.message ?? '', /line 32/)
    assert.match(rowOn(file, 32).warnings[0]?.message ?? '', /line 17/)
    assert.equal(rowOn(file, 17).input?.formerUpn, 'N942999015415')
  })

  it('stores a lower-case UPN in upper case', () => {
    assert.equal(rowOn(file, 35).input?.upn, 'V838999312418')
    assert.match(rowOn(file, 35).warnings[0]?.message ?? '', /stored as V838999312418/)
  })

  it('warns on a need with no SEN and NSA with a plan', () => {
    assert.match(rowOn(file, 40).warnings[0]?.message ?? '', /no SEN/)
    assert.match(rowOn(file, 46).warnings[0]?.message ?? '', /NSA/)
  })

  it('keeps accented names unchanged', () => {
    assert.equal(rowOn(file, 9).input?.legalSurname, 'Ó Súilleabháin')
    assert.equal(rowOn(file, 9).input?.legalForename, 'Dáithí')
    assert.equal(rowOn(file, 21).input?.legalForename, 'Zoë')
    assert.equal(rowOn(file, 21).input?.legalSurname, 'Nowak-Kowalczyk')
  })

  it('reads ISO dates and NC year X', () => {
    assert.equal(rowOn(file, 2).input?.dateOfBirth, '2011-12-15')
    assert.equal(rowOn(file, 2).input?.ehcPlanReviewDate, '2025-01-15')
    assert.equal(rowOn(file, 23).input?.ncYear, 'X')
  })

  it('gives the documented group counts', () => {
    assert.deepEqual(countGroups(file), { one: 29, two: 16, unassigned: 3 })
  })
})

describe('upn-check-letters register', async () => {
  const file = await validateFixture('upn-check-letters.csv')

  it('imports lines 2, 3, 6 and 7', () => {
    assert.deepEqual(rejectedLines(file), [4, 5, 8, 9, 10, 11])
  })

  it('warns on a temporary UPN', () => {
    assert.match(rowOn(file, 3).warnings[0]?.message ?? '', /temporary UPN/)
  })

  it('trims and upper-cases line 7', () => {
    assert.equal(rowOn(file, 7).input?.upn, 'M941999215003')
    assert.equal(rowOn(file, 7).warnings[0]?.value, ' m941999215003 ')
  })

  it('names the UPN column and quotes the value', () => {
    for (const line of [4, 5, 8, 9, 10, 11]) {
      const [error] = rowOn(file, line).errors
      assert.equal(error?.column, 'UPN', `line ${line}`)
      assert.ok(error?.message.includes(`"${error.value}"`), `line ${line}`)
    }
  })

  it('gives the right check letters', () => {
    assert.match(rowOn(file, 4).errors[0]?.message ?? '', /gives Z/)
    assert.match(rowOn(file, 5).errors[0]?.message ?? '', /gives P/)
  })
})

describe('other fixtures', () => {
  it('imports all of internship-age-boundary', async () => {
    const file = await validateFixture('internship-age-boundary.csv')

    assert.equal(file.rows.length, 8)
    assert.deepEqual(rejectedLines(file), [])
    assert.equal(rowOn(file, 7).input?.dateOfBirth, '2008-02-29')
  })

  it('imports all of pathway-register', async () => {
    const file = await validateFixture('pathway-register.csv')

    assert.equal(file.rows.length, 12)
    assert.deepEqual(rejectedLines(file), [])
    assert.equal(rowOn(file, 12).input?.pathway, 'BTEC Level 2')
    assert.equal(rowOn(file, 7).input?.pathway, null)
  })

  it('rejects age-table as having no header', async () => {
    await assert.rejects(validateFixture('age-table.csv'), /No header row was found/)
  })
})
