// The export command on a real SQLite file: CSV to standard output or a file, XLSX to a file.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'

import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { createCliRunner, type CliRunner } from './cli-runner.js'

const SIMS = 'test/fixtures/sims-style-register.csv'
const ALFIE = 'W839999013300'

describe('send-careers export', () => {
  let cli: CliRunner
  let folder: string

  function exportEvents(): Promise<{ actor: string; details: string }[]> {
    return cli.rows("select actor, details from audit_events where action = 'data.export'")
  }

  before(async () => {
    cli = await createCliRunner()
    folder = mkdtempSync(join(tmpdir(), 'send-careers-export-'))
    await cli.text(['import', SIMS, '--school', 'Oak Hill School', '--create-school'])
  })
  after(async () => {
    await cli.cleanUp()
    rmSync(folder, { recursive: true, force: true })
  })

  test('csv goes to standard output', async () => {
    const result = await cli.text(['export', 'students'])

    assert.equal(result.code, 0, result.stderr)
    const rows = parse(result.stdout, { bom: true }) as string[][]
    assert.equal(rows[0]?.[0], 'School')
    assert.ok(rows.some((row) => row.includes(ALFIE)))
    assert.match(result.stderr, /Exported \d+ rows/)
  })

  test('xlsx needs --output', async () => {
    const result = await cli.text(['export', 'students', '--format', 'xlsx'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /Name the file with --output/)
  })

  test('xlsx goes to the named file', async () => {
    const file = join(folder, 'students.xlsx')

    const result = await cli.text(['export', 'students', '--format', 'xlsx', '--output', file])

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /Exported \d+ rows to/)
    assert.equal(statSync(file).mode & 0o777, 0o600)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.worksheets[0]
    assert.equal(sheet?.getRow(1).getCell(1).value, 'School')
    assert.equal(sheet?.getRow(1).font?.bold, true)
  })

  test('existing file becomes owner-only', async () => {
    const file = join(folder, 'existing.csv')
    writeFileSync(file, 'old', { mode: 0o644 })

    const result = await cli.text(['export', 'plans', '--output', file])

    assert.equal(result.code, 0, result.stderr)
    assert.equal(statSync(file).mode & 0o777, 0o600)
    assert.match(readFileSync(file, 'utf8'), /^\uFEFFSchool,Student id/)
  })

  test('la-return file has no UPN', async () => {
    const file = join(folder, 'la-return.csv')

    const result = await cli.text(['export', 'la-return', '--output', file])

    assert.equal(result.code, 0, result.stderr)
    const text = readFileSync(file, 'utf8')
    assert.match(text, /P-[0-9A-F]{16}/)
    assert.doesNotMatch(text, new RegExp(ALFIE))
    assert.doesNotMatch(text, /Ashworth/)
  })

  test('unknown kind fails with the list', async () => {
    const result = await cli.text(['export', 'pupils'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /"pupils" is not an export\. Use one of: students, plans/)
  })

  test('unknown format fails with a message', async () => {
    const result = await cli.text(['export', 'students', '--format', 'pdf'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--format "pdf" is not valid/)
  })

  test('unknown school fails with a message', async () => {
    const result = await cli.text(['export', 'students', '--school', 'Elm'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /No school is called "Elm"/)
  })

  test('exports are audited as the operator', async () => {
    const events = await exportEvents()

    assert.ok(events.length >= 3)
    assert.ok(events.every((event) => event.actor.startsWith('cli')))
    assert.ok(events.some((event) => JSON.parse(event.details).kind === 'la-return'))
  })

  test('staff may not run it', async () => {
    await cli.text([
      'user',
      'add',
      '--email',
      'staff@oak.example',
      '--name',
      'S',
      '--role',
      'staff',
      '--school',
      'Oak Hill School',
    ])

    const result = await cli.shell(
      `SEND_CAREERS_USER='staff@oak.example' node bin/send-careers.js export students`,
    )

    assert.equal(result.code, 3)
    assert.match(result.stderr, /has no role that may run "export"/)
    assert.equal(result.stdout, '')
  })
})
