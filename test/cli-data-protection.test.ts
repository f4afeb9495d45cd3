// The leaving date, subject access, erasure and retention commands, on a real SQLite file.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createCliRunner, type CliRunner } from './cli-runner.js'

const SIMS = 'test/fixtures/sims-style-register.csv'
// The first rows of the fixture: Alfie Ashworth, born 24/11/2013, and Bella Bellamy.
const ALFIE = 'W839999013300'
const BELLA = 'H839999112301'

describe('send-careers data protection commands', () => {
  let cli: CliRunner
  let folder: string

  before(async () => {
    cli = await createCliRunner()
    folder = mkdtempSync(join(tmpdir(), 'send-careers-dp-'))
    await cli.json(['import', SIMS, '--school', 'Oak Hill School'])
  })
  after(async () => {
    await cli.cleanUp()
    rmSync(folder, { recursive: true, force: true })
  })

  test('left rejects a date before birth', async () => {
    const result = await cli.text(['students', 'left', ALFIE, '--date', '2012-01-01'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /must be on or after their date of birth/)
  })

  test('left requires --date or --clear', async () => {
    const result = await cli.text(['students', 'left', ALFIE, '--school', 'Oak Hill School'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--date is missing/)
  })

  test('left names an unknown school', async () => {
    const result = await cli.text([
      'students',
      'left',
      ALFIE,
      '--date',
      '2020-07-17',
      '--school',
      'Elm',
    ])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /No school is called "Elm"/)
  })

  test('subject access prints readable text', async () => {
    const result = await cli.text(['subject-access', ALFIE])

    assert.equal(result.code, 0)
    assert.match(result.stdout, /^Subject access export/)
    assert.match(result.stdout, /Legal surname: Ashworth/)
    assert.match(result.stdout, /Date of birth: 24 November 2013/)
    assert.match(result.stdout, /Audit trail/)
    assert.doesNotMatch(result.stdout, /Bellamy/)
  })

  test('subject access writes a private new file', async () => {
    const file = join(folder, 'alfie.json')

    const first = await cli.text(['subject-access', ALFIE, '--format', 'json', '--output', file])
    const second = await cli.text(['subject-access', ALFIE, '--format', 'json', '--output', file])

    assert.equal(first.code, 0)
    const record = JSON.parse(readFileSync(file, 'utf8')) as {
      tables: { students: { upn: string }[] }
    }
    assert.equal(record.tables.students[0]?.upn, ALFIE)
    assert.equal(statSync(file).mode & 0o777, 0o600)
    assert.equal(second.code, 2)
    assert.match(second.stderr, /already exists/)
  })

  test('retention dry run lists and keeps', async () => {
    await cli.text([
      'students',
      'left',
      ALFIE,
      '--date',
      '2014-07-18',
      '--school',
      'Oak Hill School',
    ])

    const plan = (await cli.json(['retention', '--dry-run'])) as {
      erase: { count: number; students: { upn: string; yearLeft: string }[] }
    }
    const text = await cli.text(['retention', '--dry-run'])
    const stillThere = await cli.text(['subject-access', ALFIE, '--format', 'json'])

    assert.equal(plan.erase.count, 1)
    assert.deepEqual(
      plan.erase.students.map((student) => [student.upn, student.yearLeft]),
      [[ALFIE, '2013/14']],
    )
    assert.match(text.stdout, new RegExp(`${ALFIE}\\s+left in 2013/14`))
    assert.match(text.stdout, /Dry run: nothing was changed/)
    assert.doesNotMatch(text.stdout, /Ashworth/)
    assert.equal(stillThere.code, 0)
  })

  test('retention erases a record due', async () => {
    const applied = (await cli.json(['retention'])) as { erased: number }
    const gone = await cli.text(['subject-access', ALFIE])
    const events = (await cli.json(['audit', '--action', 'student.erase'])) as {
      details: { reason: string }
    }[]

    assert.equal(applied.erased, 1)
    assert.equal(gone.code, 2)
    assert.match(gone.stderr, new RegExp(`No student has UPN ${ALFIE}`))
    assert.equal(events[0]?.details.reason, 'Retention rule: 6 years after leaving')
  })

  test('erase needs a reason', async () => {
    const result = await cli.text(['erase', BELLA])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--reason/)
  })

  test('erase removes the student', async () => {
    const result = await cli.text(['erase', BELLA, '--reason', 'Erasure request received'])
    const students = (await cli.json(['students'])) as { upn: string }[]

    assert.equal(result.code, 0)
    assert.match(result.stdout, /Erased the record of H839999112301/)
    assert.ok(!students.some((student) => student.upn === BELLA))
  })
})
