// The migrate command on a new SQLite file, as an operator runs it before starting the servers.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'

import { createCliRunner, type CliRunner } from './cli-runner.js'

describe('send-careers migrate', () => {
  let cli: CliRunner

  before(() => {
    cli = createCliRunner()
  })
  after(() => {
    cli.cleanUp()
  })

  test('names each applied migration', async () => {
    const result = await cli.text(['migrate'])

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /^Applied 2026120301_initial$/m)
    assert.match(result.stdout, /^Applied 2026120500_rate_limits$/m)
  })

  test('second run applies nothing', async () => {
    const result = await cli.text(['migrate'])

    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, 'The database is up to date: nothing to apply.\n')
  })
})
