// Exit codes and messages of the command line, on a real SQLite file.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createCliRunner, type CliRunner } from './cli-runner.js'

const SIMS = 'test/fixtures/sims-style-register.csv'

describe('send-careers import', () => {
  let cli: CliRunner
  let folder: string

  before(async () => {
    cli = await createCliRunner()
    folder = mkdtempSync(join(tmpdir(), 'send-careers-files-'))
  })
  after(async () => {
    await cli.cleanUp()
    rmSync(folder, { recursive: true, force: true })
  })

  test('writes nothing with --dry-run', async () => {
    const dryRun = await cli.text(['import', SIMS, '--school', 'Oak', '--dry-run'])
    const students = await cli.json(['students'])

    assert.equal(dryRun.code, 0)
    assert.match(dryRun.stdout, /Dry run: nothing was written/)
    assert.deepEqual(students, [])
  })

  test('leaves no school after a dry run', async () => {
    const fresh = await createCliRunner()
    try {
      await fresh.text(['import', SIMS, '--school', 'Oak', '--dry-run'])
      const after = await fresh.text(['import', SIMS, '--dry-run'])

      assert.equal(after.code, 2)
      assert.match(after.stderr, /There is no school yet/)
    } finally {
      await fresh.cleanUp()
    }
  })

  test('leaves no staged rows after a dry run', async () => {
    const fresh = await createCliRunner()
    try {
      await fresh.json(['import', SIMS, '--school', 'Oak'])
      await fresh.text(['import', SIMS, '--school', 'Oak', '--dry-run'])
      assert.equal(await fresh.count('import_preview_rows'), 0)
    } finally {
      await fresh.cleanUp()
    }
  })

  test('leaves no school after a refused file', async () => {
    const fresh = await createCliRunner()
    try {
      const empty = join(folder, 'refused.csv')
      writeFileSync(empty, 'not,a,register\n')
      const refused = await fresh.text(['import', empty, '--school', 'Oak'])
      const after = await fresh.text(['import', SIMS, '--dry-run'])

      assert.equal(refused.code, 2)
      assert.match(after.stderr, /There is no school yet/)
    } finally {
      await fresh.cleanUp()
    }
  })

  test('refuses a mistyped school name', async () => {
    const fresh = await createCliRunner()
    try {
      await fresh.json(['import', SIMS, '--school', 'Oak Hill'])
      const typo = await fresh.text(['import', SIMS, '--school', 'Oak Hil'])
      const created = await fresh.text(['import', SIMS, '--school', 'Elm', '--create-school'])

      assert.equal(typo.code, 2)
      assert.match(typo.stderr, /No school is called "Oak Hil"\. The schools are "Oak Hill"/)
      assert.equal(created.code, 0)
    } finally {
      await fresh.cleanUp()
    }
  })

  test('stops quietly when output is cut short', async () => {
    const result = await cli.shell(
      `node bin/send-careers.js import ${SIMS} --school Oak --dry-run | head -1`,
    )

    assert.equal(result.stderr, '')
  })

  test('exits 1 with --strict when rows are rejected', async () => {
    const result = await cli.text(['import', SIMS, '--school', 'Oak', '--strict', '--dry-run'])

    assert.equal(result.code, 1)
    assert.match(result.stdout, /5 rejected/)
  })

  test('names a missing file', async () => {
    const result = await cli.text(['import', 'no-such-register.csv', '--school', 'Oak'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /File "no-such-register.csv" was not found/)
  })

  test('refuses an empty file with a reason', async () => {
    const empty = join(folder, 'empty.csv')
    writeFileSync(empty, '')
    const result = await cli.text(['import', empty, '--school', 'Oak'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /^Error: /)
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace')
  })

  test('asks for --school when there is none', async () => {
    const fresh = await createCliRunner()
    try {
      const result = await fresh.text(['import', SIMS])

      assert.equal(result.code, 2)
      assert.match(result.stderr, /There is no school yet/)
    } finally {
      await fresh.cleanUp()
    }
  })

  test('exits 2 for an unknown option', async () => {
    const result = await cli.text(['import', SIMS, '--bogus'])

    assert.equal(result.code, 2)
  })

  test('rejects an unknown format', async () => {
    const result = await cli.text(['import', SIMS, '--school', 'Oak', '--format', 'xml'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--format "xml" is not valid/)
  })
})

describe('send-careers eligibility', () => {
  let cli: CliRunner

  before(async () => {
    cli = await createCliRunner()
    await cli.json(['import', 'test/fixtures/internship-age-boundary.csv', '--school', 'Oak'])
  })
  after(() => cli.cleanUp())

  test('prints verdicts and the reference date', async () => {
    const result = await cli.text(['eligibility', 'C940999114091', '--year', '2026/27'])

    assert.equal(result.code, 0)
    assert.match(result.stdout, /Eligibility on 31 August 2026/)
    assert.match(result.stdout, /Supported internship/i)
  })

  test('gives every outcome in JSON', async () => {
    const [entry] = (await cli.json(['eligibility', 'C940999114091', '--date', '2027-01-10'])) as {
      referenceDate: string
      outcomes: { outcomeId: string; reasons: string[] }[]
    }[]

    assert.equal(entry?.referenceDate, '2027-01-10')
    assert.equal(entry?.outcomes.length, 16)
    assert.ok(entry?.outcomes.every((outcome) => outcome.reasons.length > 0))
  })

  test('rejects an invalid UPN', async () => {
    const result = await cli.text(['eligibility', 'A801200005001'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /A801200005001/)
  })

  test('names a UPN that is not stored', async () => {
    const result = await cli.text(['eligibility', 'B801200005001'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /No student has UPN B801200005001/)
  })

  test('records views and imports in the audit trail', async () => {
    await cli.text(['eligibility', 'C940999114091', '--year', '2026/27'])
    const views = (await cli.json(['audit', '--student', 'C940999114091'])) as {
      action: string
      actor: string
    }[]
    const imports = (await cli.json(['audit', '--action', 'import.commit'])) as {
      details: { new: number }
    }[]

    assert.equal(views[0]?.action, 'student.view')
    assert.match(views[0]?.actor ?? '', /^cli/)
    assert.equal(imports[0]?.details.new, 8)
  })

  test('rejects an unknown audit action', async () => {
    const result = await cli.text(['audit', '--action', 'student.delete'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--action "student\.delete" is not valid/)
  })

  test('rejects an invalid year', async () => {
    const result = await cli.text(['eligibility', 'C940999114091', '--year', '2026-27x'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /2026-27x/)
  })
})

describe('send-careers need-codes', () => {
  let cli: CliRunner
  let folder: string

  before(async () => {
    cli = await createCliRunner()
    folder = mkdtempSync(join(tmpdir(), 'send-careers-codes-'))
    const register = join(folder, 'local-code.csv')
    writeFileSync(
      register,
      'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need\n' +
        'B801200005001,Quince,Ada,12/10/2010,11,E,DS\n',
    )
    await cli.json(['import', register, '--school', 'Oak'])
  })
  after(async () => {
    await cli.cleanUp()
    rmSync(folder, { recursive: true, force: true })
  })

  test('leaves an unknown code unassigned', async () => {
    const [student] = (await cli.json(['students'])) as {
      group: string | null
      primaryNeed: string
    }[]

    assert.equal(student?.primaryNeed, 'DS')
    assert.equal(student?.group, null)
  })

  test('regroups students when a code is mapped', async () => {
    const mapped = await cli.text(['need-codes', 'map', 'ds', '--area', 'cognition_learning'])
    const [student] = (await cli.json(['students'])) as { group: string | null; basis: string }[]

    assert.equal(mapped.code, 0)
    assert.match(
      mapped.stdout,
      /Mapped DS to Cognition and learning for Oak\. 1 student changed group/,
    )
    assert.equal(student?.group, 'one')
    assert.equal(student?.basis, 'need')
  })

  test('lists the mapped codes', async () => {
    const listed = await cli.text(['need-codes', 'list'])

    assert.match(listed.stdout, /DS\s+Cognition and learning/)
  })

  test('refuses to remap a census code', async () => {
    const result = await cli.text(['need-codes', 'map', 'ASD', '--area', 'semh'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /ASD is a census need code/)
  })

  test('rejects an unknown area', async () => {
    const result = await cli.text(['need-codes', 'map', 'DS', '--area', 'physical'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--area "physical" is not an area of need/)
  })
})
