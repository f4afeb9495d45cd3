// The shipped fixture registers through the real command line, on a real SQLite file, checked
// against the results documented for each fixture.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { createCliRunner, type CliRunner } from './cli-runner.js'

interface PreviewJson {
  summary: { new: number; updated: number; unchanged: number; rejected: number }
  rows: {
    line: number
    key: string | null
    status: string
    errors: unknown[]
    warnings: unknown[]
  }[]
}
interface StudentJson {
  upn: string
  group: string | null
  basis: string | null
  flags: string[]
  primaryNeed: string | null
  secondaryNeed: string | null
  preferredForename: string | null
  legalForename: string
  misId: string | null
}
interface EligibilityJson {
  student: { upn: string }
  referenceDate: string
  outcomes: { outcomeId: string; verdict: string; reasons: string[] }[]
}

/** Maps each CSV line (header on line 1) to its UPN cell, trimmed and upper-cased. */
function upnsByLine(fixture: string): Map<number, string> {
  const records = parse(readFileSync(`test/fixtures/${fixture}`), {
    columns: true,
    bom: true,
  }) as Record<string, string>[]
  return new Map(
    records.map((record, index) => [index + 2, (record.UPN ?? '').trim().toUpperCase()]),
  )
}

function linesWith(preview: PreviewJson, status: string): number[] {
  return preview.rows
    .filter((row) => row.status === status)
    .map((row) => row.line)
    .sort((a, b) => a - b)
}

function groupCounts(students: StudentJson[]) {
  return {
    one: students.filter((s) => s.group === 'one').length,
    two: students.filter((s) => s.group === 'two').length,
    unassigned: students.filter((s) => s.group === null).length,
  }
}

async function internshipEligibleLines(
  cli: CliRunner,
  fixture: string,
  year: string,
  lines: number[],
) {
  const upns = upnsByLine(fixture)
  const byUpn = new Map([...upns].map(([line, upn]) => [upn, line]))
  const results = (await cli.json([
    'eligibility',
    ...lines.map((line) => upns.get(line) ?? ''),
    '--year',
    year,
  ])) as EligibilityJson[]
  return results
    .filter(
      (r) => r.outcomes.find((o) => o.outcomeId === 'supported-internship')?.verdict === 'eligible',
    )
    .map((r) => byUpn.get(r.student.upn))
}

describe('sims-style register through the CLI', () => {
  let cli: CliRunner
  let preview: PreviewJson
  let students: StudentJson[]

  before(async () => {
    cli = await createCliRunner()
    preview = (await cli.json([
      'import',
      'test/fixtures/sims-style-register.csv',
      '--school',
      'Sims School',
    ])) as PreviewJson
    students = (await cli.json(['students'])) as StudentJson[]
  })
  after(() => cli.cleanUp())

  test('imports 35 rows and rejects 5', () => {
    assert.equal(preview.summary.new, 35)
    assert.equal(preview.summary.rejected, 5)
    assert.deepEqual(linesWith(preview, 'rejected'), [8, 13, 19, 30, 37])
  })

  test('warns on lines 24 and 34', () => {
    const warned = preview.rows.filter((row) => row.warnings.length > 0).map((row) => row.line)
    assert.ok(warned.includes(24))
    assert.ok(warned.includes(34))
  })

  test('assigns the documented groups', () => {
    assert.deepEqual(groupCounts(students), { one: 19, two: 14, unassigned: 2 })
  })

  test('keeps admission numbers and @ as written', () => {
    assert.ok(students.some((s) => s.misId === '000417'))
    assert.ok(students.some((s) => s.preferredForename?.startsWith('@')))
  })

  test('finds supported internships for the documented lines', async () => {
    const candidates = [...upnsByLine('sims-style-register.csv').keys()].filter(
      (line) => !linesWith(preview, 'rejected').includes(line),
    )
    const eligible = await internshipEligibleLines(
      cli,
      'sims-style-register.csv',
      '2026/27',
      candidates,
    )
    assert.deepEqual(eligible, [14, 17, 23, 24, 32, 38, 41])
  })

  test('changes nothing when imported again', async () => {
    const again = (await cli.json([
      'import',
      'test/fixtures/sims-style-register.csv',
      '--school',
      'Sims School',
    ])) as PreviewJson
    assert.equal(again.summary.new, 0)
    assert.equal(again.summary.updated, 0)
    assert.equal(again.summary.unchanged, 35)
  })
})

describe('census-style register through the CLI', () => {
  let cli: CliRunner
  let preview: PreviewJson
  let students: StudentJson[]

  before(async () => {
    cli = await createCliRunner()
    preview = (await cli.json([
      'import',
      'test/fixtures/census-style-register.csv',
      '--school',
      'Census School',
    ])) as PreviewJson
    students = (await cli.json(['students'])) as StudentJson[]
  })
  after(() => cli.cleanUp())

  test('imports 48 rows and rejects lines 11 and 28', () => {
    assert.equal(preview.summary.new, 48)
    assert.deepEqual(linesWith(preview, 'rejected'), [11, 28])
  })

  test('warns on the documented lines', () => {
    const warned = preview.rows.filter((row) => row.warnings.length > 0).map((row) => row.line)
    for (const line of [17, 32, 35, 40, 46])
      assert.ok(warned.includes(line), `line ${line} has no warning`)
  })

  test('takes the primary need from the rank', () => {
    const line6 = students.find((s) => s.upn === upnsByLine('census-style-register.csv').get(6))
    assert.equal(line6?.primaryNeed, 'ASD')
    assert.equal(line6?.secondaryNeed, 'SLCN')
  })

  test('puts OTH with PMLD in Group One with complex needs', () => {
    const line22 = students.find((s) => s.upn === upnsByLine('census-style-register.csv').get(22))
    assert.equal(line22?.group, 'one')
    assert.ok(line22?.flags.includes('complex_needs'))
  })

  test('assigns the documented groups', () => {
    assert.deepEqual(groupCounts(students), { one: 29, two: 16, unassigned: 3 })
  })

  test('finds supported internships for the documented lines', async () => {
    const candidates = [...upnsByLine('census-style-register.csv').keys()].filter(
      (line) => ![11, 28].includes(line),
    )
    const eligible = await internshipEligibleLines(
      cli,
      'census-style-register.csv',
      '2026/27',
      candidates,
    )
    assert.deepEqual(eligible, [4, 6, 10, 12, 16, 18, 22, 24, 30, 34, 36, 42, 46, 48])
  })
})

describe('UPN check letters through the CLI', () => {
  test('imports lines 2, 3, 6 and 7 only', async () => {
    const cli = await createCliRunner()
    try {
      const preview = (await cli.json([
        'import',
        'test/fixtures/upn-check-letters.csv',
        '--school',
        'UPN School',
      ])) as PreviewJson
      assert.deepEqual(linesWith(preview, 'new'), [2, 3, 6, 7])
      assert.deepEqual(linesWith(preview, 'rejected'), [4, 5, 8, 9, 10, 11])
      const line7 = preview.rows.find((row) => row.line === 7)
      assert.equal(line7?.key, 'M941999215003')
    } finally {
      await cli.cleanUp()
    }
  })
})

describe('internship age boundaries through the CLI', () => {
  let cli: CliRunner

  before(async () => {
    cli = await createCliRunner()
    await cli.json([
      'import',
      'test/fixtures/internship-age-boundary.csv',
      '--school',
      'Age School',
    ])
  })
  after(() => cli.cleanUp())

  test('gives the documented lines for 2026/27', async () => {
    const eligible = await internshipEligibleLines(
      cli,
      'internship-age-boundary.csv',
      '2026/27',
      [2, 3, 4, 5, 6, 7, 8, 9],
    )
    assert.deepEqual(eligible, [2, 5, 7, 9])
  })

  test('gives the documented lines for 2027/28', async () => {
    const eligible = await internshipEligibleLines(
      cli,
      'internship-age-boundary.csv',
      '2027/28',
      [2, 3, 4, 5, 6, 7, 8, 9],
    )
    assert.deepEqual(eligible, [2, 3, 7])
  })
})

describe('qualification pathways through the CLI', () => {
  test('gives each line its documented group, basis and flags', async () => {
    const expected: [number, string | null, string | null, string[]][] = [
      [2, 'two', 'pathway', ['atypical']],
      [3, 'one', 'pathway', ['atypical']],
      [4, 'one', 'pathway', []],
      [5, 'two', 'pathway', []],
      [6, 'two', 'pathway', ['atypical']],
      [7, 'one', 'need', ['provisional']],
      [8, 'one', 'pathway', ['complex_needs']],
      [9, 'two', 'pathway', []],
      [10, null, null, []],
      [11, 'one', 'pathway', ['atypical']],
      [12, 'two', 'pathway', []],
      [13, 'one', 'pathway', []],
    ]
    const cli = await createCliRunner()
    try {
      await cli.json(['import', 'test/fixtures/pathway-register.csv', '--school', 'Pathway School'])
      const students = (await cli.json(['students'])) as StudentJson[]
      const upns = upnsByLine('pathway-register.csv')
      for (const [line, group, basis, flags] of expected) {
        const student = students.find((s) => s.upn === upns.get(line))
        assert.equal(student?.group, group, `line ${line} group`)
        assert.equal(student?.basis, basis, `line ${line} basis`)
        assert.deepEqual([...(student?.flags ?? [])].sort(), flags, `line ${line} flags`)
      }
    } finally {
      await cli.cleanUp()
    }
  })
})
