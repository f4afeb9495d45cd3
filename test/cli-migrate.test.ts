import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, it } from 'node:test'

import { openDatabase } from '../src/db/connection.js'
import { MIGRATION_NAMES } from '../src/db/migrate.js'
import { createTestDatabaseUrl, type TestDatabaseUrl } from '../src/db/test-database.js'
import { describeEachEngine, sendCareers } from './operations-runner.js'

const LATEST = MIGRATION_NAMES.at(-1)!
const BEFORE_LATEST = MIGRATION_NAMES.at(-2)!

async function schoolNames(url: string): Promise<string[]> {
  const database = openDatabase(url)
  try {
    const rows = await database.db.selectFrom('schools').select('name').orderBy('name').execute()
    return rows.map((row) => row.name)
  } finally {
    await database.close()
  }
}

describeEachEngine('migrate command', (engine) => {
  let target: TestDatabaseUrl
  const migrate = (...args: string[]) => sendCareers(target.url, ['migrate', ...args])

  before(async () => {
    target = await createTestDatabaseUrl(engine)
  })
  after(async () => {
    await target.drop()
  })

  it('status lists every migration as pending on an empty database', async () => {
    await openDatabase(target.url).close()
    const result = await migrate('status')

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, new RegExp(`${MIGRATION_NAMES[0]}  pending`))
    assert.match(result.stdout, new RegExp(`0 applied, ${MIGRATION_NAMES.length} pending`))
  })

  it('status and down on a mistyped SQLite path fail and create nothing', async (t) => {
    if (engine !== 'sqlite') return t.skip('SQLite paths only')
    const folder = mkdtempSync(join(tmpdir(), 'send-careers-missing-'))
    try {
      const missing = join(folder, 'no-such-folder', 'send-careers.db')
      for (const args of [
        ['migrate', 'status'],
        ['migrate', 'down'],
      ]) {
        const result = await sendCareers(`sqlite:${missing}`, args)
        assert.equal(result.code, 2, result.stdout)
        assert.match(result.stderr, /There is no SQLite database at .*send-careers\.db/)
      }
      assert.equal(existsSync(join(folder, 'no-such-folder')), false)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  })

  it('down rejects --yes without --all', async () => {
    const result = await migrate('down', '--yes')

    assert.equal(result.code, 2)
    assert.match(result.stderr, /--yes confirms --all only/)
  })

  it('up applies and lists every migration', async () => {
    const result = await migrate()

    assert.equal(result.code, 0, result.stderr)
    for (const name of MIGRATION_NAMES) assert.match(result.stdout, new RegExp(`Applied ${name}`))
    assert.match(result.stdout, new RegExp(`${MIGRATION_NAMES.length} migration\\(s\\) applied`))
  })

  it('up again reports nothing pending', async () => {
    const result = await migrate('up')

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, new RegExp(`No pending migrations: the database is at ${LATEST}`))
  })

  it('down then up keeps data the latest migration does not own', async () => {
    const added = await sendCareers(target.url, ['school', 'add', 'Oak Hill School'])
    assert.equal(added.code, 0, added.stderr)

    const down = await migrate('down')
    const status = await migrate('status')
    const up = await migrate('up')

    assert.equal(down.code, 0, down.stderr)
    assert.match(down.stdout, new RegExp(`Reverted ${LATEST}\\n`))
    assert.match(down.stdout, new RegExp(`Now at ${BEFORE_LATEST}`))
    assert.match(status.stdout, new RegExp(`${LATEST}  pending`))
    assert.match(status.stdout, new RegExp(`${BEFORE_LATEST}  applied`))
    assert.match(up.stdout, new RegExp(`Applied ${LATEST}`))
    assert.deepEqual(await schoolNames(target.url), ['Oak Hill School'])
  })

  it('down --to keeps the named migration', async () => {
    const keep = MIGRATION_NAMES[MIGRATION_NAMES.length - 4]!

    const result = await migrate('down', '--to', keep)
    const status = await migrate('status')

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /3 migration\(s\) reverted/)
    assert.match(status.stdout, new RegExp(`${keep}  applied`))
    assert.match(status.stdout, new RegExp(`${MIGRATION_NAMES.length - 3} applied, 3 pending`))
  })

  it('down --to rejects a name that is not applied', async () => {
    const result = await migrate('down', '--to', LATEST)

    assert.equal(result.code, 2)
    assert.match(result.stderr, new RegExp(`--to "${LATEST}" is not an applied migration`))
  })

  it('down --all asks for --yes and changes nothing without it', async () => {
    const result = await migrate('down', '--all')
    const status = await migrate('status')

    assert.equal(result.code, 2)
    assert.match(result.stderr, /deletes every table.*--yes/)
    assert.match(status.stdout, new RegExp(`${MIGRATION_NAMES.length - 3} applied`))
  })

  it('down --all --yes reverts every migration', async () => {
    const result = await migrate('down', '--all', '--yes')
    const status = await migrate('status')

    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /Now at no migration/)
    assert.match(status.stdout, new RegExp(`0 applied, ${MIGRATION_NAMES.length} pending`))
  })

  it('up after down --all builds the schema again', async () => {
    const result = await migrate('up')
    const status = await migrate('status')

    assert.equal(result.code, 0, result.stderr)
    assert.match(status.stdout, new RegExp(`${MIGRATION_NAMES.length} applied, 0 pending`))
    assert.deepEqual(await schoolNames(target.url), [])
  })

  it('runs only as the operator', async () => {
    const result = await sendCareers(target.url, ['migrate', 'status'], {
      SEND_CAREERS_USER: 'someone@example.org',
    })

    assert.equal(result.code, 3)
    assert.match(result.stderr, /runs only as the operator/)
  })
})
