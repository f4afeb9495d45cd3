// `send-careers report`, on a real SQLite file with a register imported and leavers recorded.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { parse } from 'csv-parse/sync'

import type { ReportJson } from '../src/features/reports/report.output.js'
import { createCliRunner, type CliRunner } from './cli-runner.js'

const SIMS = 'test/fixtures/sims-style-register.csv'
const AT = '2026-12-01T09:00:00.000Z'

/**
 * Marks the first six students (by id) as leavers of July 2025. Four go to college, so the
 * 2024/25 cohort has 6 leavers: 4 with a positive outcome and 2 whose destination is not known.
 */
async function recordLeavers(cli: CliRunner) {
  const database = cli.open()
  try {
    const db = database.db
    const students = await db
      .selectFrom('students')
      .select(['id', 'school_id'])
      .orderBy('id')
      .limit(6)
      .execute()
    for (const [index, student] of students.entries()) {
      await db
        .updateTable('students')
        .set({ left_on: '2025-07-18' })
        .where('id', '=', student.id)
        .execute()
      if (index >= 4) continue
      await db
        .insertInto('destination_spells')
        .values({
          school_id: student.school_id,
          student_id: student.id,
          intent: 'actual',
          type: 'further-education-college',
          start_date: '2025-09-01',
          end_date: null,
          provider: null,
          checked_on: null,
          nccis_code: null,
          created_by: 'test',
          created_at: AT,
          updated_by: 'test',
          updated_at: AT,
        })
        .execute()
    }
  } finally {
    await database.close()
  }
}

describe('send-careers report', () => {
  let cli: CliRunner

  before(async () => {
    cli = await createCliRunner()
    await cli.json(['import', SIMS, '--school', 'Oak Hill School'])
    await recordLeavers(cli)
  })
  after(async () => {
    await cli.cleanUp()
  })

  test('prints the report as JSON', async () => {
    const report = (await cli.json(['report', '--year', '2024/25'])) as ReportJson

    assert.equal(report.year, 2024)
    assert.equal(report.suppressed, false)
    assert.equal(report.thisYear.total.leavers, 6)
    assert.equal(report.thisYear.total.positive, 4)
    assert.equal(report.thisYear.total.notKnown, 2)
    // The register imports 35 students (5 rows are rejected), and 6 of them have left.
    assert.equal(report.current.total, 29)
    const positive = report.comparison.headline.find((row) => row.measure === 'positive')
    assert.ok(positive)
    assert.equal(Math.round((positive.thisYear ?? 0) * 10) / 10, 66.7)
    const sustained = report.comparison.headline.find((row) => row.measure === 'sustained')
    assert.equal(sustained?.england?.percent, 90.5)
  })

  test('--suppress withholds small counts', async () => {
    const report = (await cli.json(['report', '--year', '2024/25', '--suppress'])) as ReportJson

    assert.equal(report.suppressed, true)
    assert.equal(report.thisYear.total.leavers, 6)
    assert.equal(report.thisYear.total.notKnown, null)
    assert.equal(report.thisYear.total.positive, null)
    // 6 leavers are fewer than 10: the JSON keeps null and adds the reason.
    assert.equal(report.thisYear.total.withheld?.positive, 'fewer-than-10-leavers')
    const positive = report.comparison.headline.find((row) => row.measure === 'positive')
    assert.equal(positive?.thisYear, null)
    assert.equal(positive?.reasons.thisYear, 'fewer-than-10-leavers')
  })

  test('csv is suppressed and neutralised', async () => {
    await cli.text(['school', 'add', '=SUM(A1) Academy', '--organisation', 'Elm Trust'])
    await cli.text(['school', 'add', 'Oak Hill School', '--organisation', 'Elm Trust'])
    const result = await cli.text([
      'report',
      '--organisation',
      'Elm Trust',
      '--year',
      '2024/25',
      '--format',
      'csv',
    ])

    assert.equal(result.code, 0, result.stderr)
    const rows = parse(result.stdout) as string[][]
    assert.deepEqual(rows[0], [
      'section',
      'year',
      'breakdown',
      'category',
      'measure',
      'count',
      'percent',
      'england_percent',
    ])
    const notKnown = rows.find(
      (row) => row[0] === 'leavers' && row[2] === 'all leavers' && row[4] === 'not known',
    )
    // Fewer than 10 leavers: the count and the share are both withheld for that reason.
    assert.deepEqual(notKnown?.slice(5, 7), [
      'withheld (fewer than 10 leavers)',
      'withheld (fewer than 10 leavers)',
    ])
    assert.ok(rows.some((row) => row[3] === "'=SUM(A1) Academy"))
    assert.ok(!rows.some((row) => row.some((cell) => cell.startsWith('='))))
    const sustained = rows.find(
      (row) => row[0] === 'comparison' && row[4] === 'Sustained destination',
    )
    assert.equal(sustained?.[7], '90.5')
  })

  test('prints text', async () => {
    const result = await cli.text(['report', '--school', 'Oak Hill School', '--year', '2024/25'])

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /Cohort report: Oak Hill School, leavers of 2024\/25/)
    assert.match(
      result.stdout,
      /Positive career outcome \| 66\.7% \| no leavers \| no national figure/,
    )
  })

  test('rejects an invalid year', async () => {
    const result = await cli.text(['report', '--school', 'Oak Hill School', '--year', '2025'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--year: Leaving year is not valid/)
  })

  test('rejects school and organisation together', async () => {
    const result = await cli.text([
      'report',
      '--school',
      'Oak Hill School',
      '--organisation',
      'Elm Trust',
    ])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /Give --school or --organisation, not both/)
  })

  test('a viewer always gets suppressed figures', async () => {
    await cli.text([
      'user',
      'add',
      '--email',
      'viewer@school.test',
      '--name',
      'Vera Viewer',
      '--role',
      'viewer',
      '--school',
      'Oak Hill School',
    ])
    const result = await cli.shell(
      `SEND_CAREERS_USER=viewer@school.test "${process.execPath}" bin/send-careers.js report --school "Oak Hill School" --year 2024/25 --format json`,
    )

    assert.equal(result.code, 0, result.stderr)
    const report = JSON.parse(result.stdout) as ReportJson
    assert.equal(report.suppressed, true)
    assert.equal(report.thisYear.total.notKnown, null)
  })
})
