// The destinations import command on a real SQLite file: preview by default, --commit to write.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'

import { createCliRunner, type CliRunner } from './cli-runner.js'

const SIMS = 'test/fixtures/sims-style-register.csv'
const HEADER = 'UPN,Destination Type,Start Date,Provider,Intended or Actual'

describe('send-careers destinations import', () => {
  let cli: CliRunner
  let folder: string
  let file: string

  function countSpells(): Promise<number> {
    return cli.count('destination_spells')
  }

  before(async () => {
    cli = await createCliRunner()
    folder = mkdtempSync(join(tmpdir(), 'send-careers-destinations-'))
    file = join(folder, 'destinations.csv')
    writeFileSync(
      file,
      [
        HEADER,
        'J855999211302,further-education-college,03/09/2026,Riverside College,actual',
        'J855999211302,gap-year,03/09/2026,,actual',
      ].join('\n'),
    )
    await cli.text(['import', SIMS, '--school', 'Oak'])
  })
  after(async () => {
    await cli.cleanUp()
    rmSync(folder, { recursive: true, force: true })
  })

  test('prints the preview and writes nothing', async () => {
    const result = await cli.text(['destinations', 'import', file])

    assert.equal(result.code, 0)
    assert.match(result.stdout, /1 new, 0 unchanged duplicates, 1 rejected/)
    assert.match(result.stdout, /Line 3: Destination Type "gap-year" is not a destination type/)
    assert.match(result.stdout, /Nothing was written/)
    assert.equal(await countSpells(), 0)
  })

  test('exits 1 with --strict and a rejected row', async () => {
    const result = await cli.text(['destinations', 'import', file, '--strict'])

    assert.equal(result.code, 1)
  })

  test('--strict with --commit writes nothing', async () => {
    const result = await cli.text(['destinations', 'import', file, '--commit', '--strict'])

    assert.equal(result.code, 1)
    assert.match(result.stdout, /Nothing was written, because --strict stops the import/)
    assert.equal(await countSpells(), 0)
  })

  test('refuses an unreadable file with exit 2', async () => {
    const bad = join(folder, 'bad.csv')
    writeFileSync(bad, 'not,a,destinations,file\n')

    const result = await cli.text(['destinations', 'import', bad])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /No header row was found/)
  })

  test('refuses a missing file with exit 2', async () => {
    const result = await cli.text(['destinations', 'import', join(folder, 'none.csv')])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /was not found/)
  })

  test('refuses an unknown school', async () => {
    const result = await cli.text(['destinations', 'import', file, '--school', 'Elm'])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /No school is called "Elm"/)
  })

  test('writes the new rows with --commit', async () => {
    const result = await cli.text(['destinations', 'import', file, '--commit'])
    const again = (await cli.json(['destinations', 'import', file])) as {
      summary: { new: number; unchanged: number }
      committed: boolean
    }

    assert.equal(result.code, 0)
    assert.match(result.stdout, /Imported 1 destination\./)
    assert.equal(await countSpells(), 1)
    assert.equal(again.summary.new, 0)
    assert.equal(again.summary.unchanged, 1)
    assert.equal(again.committed, false)
  })

  test('too many rows does not say upload', async () => {
    const big = join(folder, 'big.csv')
    const row = 'J855999211302,further-education-college,03/09/2026,Riverside College,actual'
    writeFileSync(big, [HEADER, ...Array.from({ length: 20_001 }, () => row)].join('\n'))

    const result = await cli.text(['destinations', 'import', big])

    assert.equal(result.code, 2)
    assert.match(result.stderr, /more than 20,000 rows\. Split it into smaller files and import/)
    assert.doesNotMatch(result.stderr, /upload/i)
  })

  test('leaves no staged rows behind', async () => {
    assert.equal(await cli.count('destination_import_rows'), 0)
  })
})
