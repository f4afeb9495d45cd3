import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'

import SqliteDatabase from 'better-sqlite3'

import { openDatabase, type Database } from '../src/db/connection.js'
import { copyDatabase } from '../src/db/copy/copy-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { createTestDatabaseUrl, testEngine, type TestDatabaseUrl } from '../src/db/test-database.js'
import { createServices } from '../src/services.js'
import { describeEachEngine, sendCareers, type CommandResult } from './operations-runner.js'

const NOW = '2026-12-04T12:00:00.000Z'
const MATCHED_EMAIL = 'admin@demo.invalid'
const TRUST = 'North Fictional Trust'

async function withDatabase<T>(url: string, work: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase(url)
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

/** Adds what the demo lacks: a trust with a role in it, a global mapping, a page, a detail id. */
async function addSourceExtras(database: Database): Promise<void> {
  const services = createServices(database)
  const [school] = await services.students.listSchools('all')
  const trust = await services.accounts.findOrCreateOrganisation(TRUST, 'trust')
  await services.accounts.addSchoolToOrganisation(school!.id, trust.id, 'test')
  await services.accounts.createUser(
    { email: 'trust.lead@example.org', displayName: 'Trust Lead', role: 'viewer' },
    { organisationId: trust.id },
    'test',
  )

  const db = database.db
  await db
    .insertInto('need_code_mappings')
    .values({ school_id: null, code: 'XQZ', area: 'SLD', description: null, created_at: NOW })
    .execute()

  const aspiration = await db
    .selectFrom('plan_aspirations')
    .select(['id', 'school_id', 'student_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const choices = {
    aspiration: { [aspiration.id]: false },
    goal: {},
    target: {},
    action: {},
    option: {},
  }
  await db
    .insertInto('my_future_views')
    .values({
      school_id: aspiration.school_id,
      student_id: aspiration.student_id,
      about_me: 'I like trains.',
      likes: 'Trains',
      helpers: '[]',
      choices: JSON.stringify(choices),
      created_by: 'test',
      created_at: NOW,
      updated_by: 'test',
      updated_at: NOW,
    })
    .execute()

  const spell = await db
    .selectFrom('destination_spells')
    .select(['id', 'school_id', 'student_id'])
    .orderBy('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('audit_events')
    .values({
      at: NOW,
      actor: 'test',
      action: 'destination.change',
      school_id: spell.school_id,
      student_id: spell.student_id,
      details: JSON.stringify({ spell_id: spell.id, marker: 'copy-test' }),
    })
    .execute()
}

/** Migrates the target and gives it another school, the trust and one of the demo users. */
async function prepareTarget(database: Database): Promise<void> {
  await migrateToLatest(database.db)
  const services = createServices(database)
  const other = await services.students.findOrCreateSchool('Other Fictional School')
  await services.accounts.findOrCreateOrganisation(TRUST, 'trust')
  await services.accounts.createUser(
    { email: MATCHED_EMAIL, displayName: 'Existing Admin', role: 'admin' },
    { schoolId: other.id },
    'test',
  )
  await database.db
    .updateTable('users')
    .set({ password_hash: 'target-hash' })
    .where('email', '=', MATCHED_EMAIL)
    .execute()
}

async function upnsOf(database: Database, schoolName: string): Promise<string[]> {
  const rows = await database.db
    .selectFrom('students')
    .innerJoin('schools', 'schools.id', 'students.school_id')
    .select('students.upn')
    .where('schools.name', '=', schoolName)
    .execute()
  return rows.map((row) => row.upn ?? '').sort()
}

describeEachEngine('copy command', (engine) => {
  let source: TestDatabaseUrl
  let target: TestDatabaseUrl
  let schoolName: string
  let sourceUpns: string[]
  let copied: CommandResult

  before(async () => {
    source = await createTestDatabaseUrl('sqlite')
    target = await createTestDatabaseUrl(engine)
    const demo = await sendCareers(source.url, ['demo', '--no-serve', '--students', '30'])
    assert.equal(demo.code, 0, demo.stderr)
    await withDatabase(source.url, addSourceExtras)
    await withDatabase(target.url, prepareTarget)
    schoolName = await withDatabase(source.url, async (database) => {
      const school = await database.db
        .selectFrom('schools')
        .select('name')
        .executeTakeFirstOrThrow()
      sourceUpns = await upnsOf(database, school.name)
      return school.name
    })

    copied = await sendCareers(source.url, ['copy', '--from', source.url, '--to', target.url])
  })
  after(async () => {
    await source.drop()
    await target.drop()
  })

  it('copies the school and prints the checks', () => {
    assert.equal(copied.code, 0, copied.stderr)
    assert.match(copied.stdout, /Migrating both databases to the latest version/)
    assert.match(
      copied.stdout,
      new RegExp(`Copied school "${schoolName.replace(/[()]/g, '\\$&')}"`),
    )
    assert.match(copied.stdout, /students\s+30\s+0\s+30\s+ok/)
    assert.doesNotMatch(copied.stdout, /MISMATCH/)
    assert.match(copied.stdout, /sessions \(\d+ rows\): sign-in sessions, short-lived/)
    assert.match(copied.stdout, /Checked: .* lists the same 30 students by UPN/)
  })

  it('records the copy in the target audit trail', async () => {
    const events = await withDatabase(target.url, (database) =>
      database.db
        .selectFrom('audit_events')
        .innerJoin('schools', 'schools.id', 'audit_events.school_id')
        .select(['audit_events.actor', 'audit_events.details', 'schools.name'])
        .where('audit_events.action', '=', 'school.copy_in')
        .execute(),
    )
    const details = JSON.parse(events[0]?.details ?? '{}') as {
      from: string
      rows: Record<string, number>
    }

    assert.equal(events.length, 1)
    assert.equal(events[0]?.name, schoolName)
    assert.match(events[0]?.actor ?? '', /^cli:/)
    assert.equal(details.from, source.url)
    assert.equal(details.rows.students, 30)
  })

  it('keeps the students under their UPNs', async () => {
    const upns = await withDatabase(target.url, (database) => upnsOf(database, schoolName))

    assert.equal(upns.length, 30)
    assert.deepEqual(upns, sourceUpns)
  })

  it('keeps a matched user and gives them the copied role', async () => {
    await withDatabase(target.url, async (database) => {
      const user = await database.db
        .selectFrom('users')
        .select(['id', 'password_hash', 'display_name'])
        .where('email', '=', MATCHED_EMAIL)
        .executeTakeFirstOrThrow()
      const services = createServices(database)
      const roles = await services.accounts.schoolRolesOf(user.id)
      const schools = await services.students.listSchools('all')
      const copiedSchool = schools.find((school) => school.name === schoolName)!

      assert.equal(user.password_hash, 'target-hash')
      assert.equal(user.display_name, 'Existing Admin')
      assert.equal(roles.get(copiedSchool.id), 'admin')
      assert.equal(schools.length, 2)
    })
  })

  it('reuses the trust without its copied trust roles', async () => {
    await withDatabase(target.url, async (database) => {
      const trusts = await database.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', TRUST)
        .execute()
      const lead = await database.db
        .selectFrom('users')
        .leftJoin('user_roles', 'user_roles.user_id', 'users.id')
        .select('user_roles.id as roleId')
        .where('users.email', '=', 'trust.lead@example.org')
        .execute()

      assert.equal(trusts.length, 1)
      assert.deepEqual(lead, [{ roleId: null }])
    })
    assert.match(
      copied.stdout,
      /role\(s\) at an organisation already in the target were not copied/,
    )
  })

  it('maps ids inside JSON and need codes', async () => {
    await withDatabase(target.url, async (database) => {
      const db = database.db
      const page = await db
        .selectFrom('my_future_views')
        .select(['choices', 'student_id'])
        .executeTakeFirstOrThrow()
      const aspiration = await db
        .selectFrom('plan_aspirations')
        .select('id')
        .where('student_id', '=', page.student_id)
        .orderBy('id')
        .executeTakeFirstOrThrow()
      const event = await db
        .selectFrom('audit_events')
        .select(['details', 'student_id'])
        .where('details', 'like', '%copy-test%')
        .executeTakeFirstOrThrow()
      const spellId = (JSON.parse(event.details) as { spell_id: number }).spell_id
      const spell = await db
        .selectFrom('destination_spells')
        .select('student_id')
        .where('id', '=', spellId)
        .executeTakeFirstOrThrow()
      const mappings = await db
        .selectFrom('need_code_mappings')
        .innerJoin('schools', 'schools.id', 'need_code_mappings.school_id')
        .select('schools.name')
        .where('code', '=', 'XQZ')
        .execute()

      assert.deepEqual(JSON.parse(page.choices).aspiration, { [aspiration.id]: false })
      assert.equal(spell.student_id, event.student_id)
      assert.deepEqual(mappings, [{ name: schoolName }])
    })
  })

  it('leaves the identity columns ready for new rows', async () => {
    await withDatabase(target.url, async (database) => {
      const services = createServices(database)
      const before = await database.db
        .selectFrom('students')
        .select((eb) => eb.fn.max('id').as('max'))
        .executeTakeFirstOrThrow()
      const school = await services.students.findOrCreateSchool('Newer Fictional School')
      const event = await database.db
        .insertInto('audit_events')
        .values({
          at: NOW,
          actor: 'test',
          action: 'audit.search',
          school_id: school.id,
          student_id: null,
          details: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow()

      assert.ok(school.id > 0)
      assert.ok(event.id > 0)
      assert.ok(Number(before.max) >= 30)
    })
  })

  it('rejects a second copy of the same school', async () => {
    const count = () =>
      withDatabase(
        target.url,
        async (database) =>
          (await database.db.selectFrom('students').select('id').execute()).length,
      )
    const studentsBefore = await count()

    const again = await sendCareers(source.url, ['copy', '--from', source.url, '--to', target.url])

    assert.equal(again.code, 2)
    assert.match(again.stderr, /already has a school named ".*", so nothing was copied/)
    assert.match(again.stderr, /rename the school/)
    assert.equal(await count(), studentsBefore)
  })

  it('copies back into a new SQLite file', async () => {
    const back = await createTestDatabaseUrl('sqlite')
    try {
      const report = await withDatabase(target.url, (from) =>
        withDatabase(back.url, async (to) => {
          await migrateToLatest(to.db)
          return copyDatabase(from, to)
        }),
      )
      const upns = await withDatabase(back.url, (database) => upnsOf(database, schoolName))

      assert.ok(report.counts.every((count) => count.added === count.expected))
      assert.ok(report.schools.some((school) => school.name === schoolName))
      assert.deepEqual(upns, sourceUpns)
    } finally {
      await back.drop()
    }
  })

  it('writes nothing when a row fails', async () => {
    const empty = await createTestDatabaseUrl(engine)
    const broken = await createTestDatabaseUrl('sqlite')
    try {
      await withDatabase(broken.url, async (database) => {
        await migrateToLatest(database.db)
        await createServices(database).students.findOrCreateSchool('Broken Fictional School')
      })
      // A spell of a student that does not exist, written with foreign keys off.
      const file = new SqliteDatabase(broken.url.replace(/^sqlite:/, ''))
      file.pragma('foreign_keys = OFF')
      file
        .prepare(
          `insert into destination_spells (school_id, student_id, intent, type, start_date, created_by, created_at, updated_by, updated_at)
           values (1, 999, 'actual', 'employment', '2026-09-01', 'test', ?, 'test', ?)`,
        )
        .run(NOW, NOW)
      file.close()

      const error = await withDatabase(broken.url, (from) =>
        withDatabase(empty.url, async (to) => {
          await migrateToLatest(to.db)
          return copyDatabase(from, to).then(
            () => null,
            (failure: unknown) => failure,
          )
        }),
      )
      const schools = await withDatabase(empty.url, (database) =>
        database.db.selectFrom('schools').select('id').execute(),
      )

      assert.match(String(error), /destination_spells id \d+\.student_id points to students id 999/)
      assert.deepEqual(schools, [])
    } finally {
      await empty.drop()
      await broken.drop()
    }
  })
})

describe(
  'copy command refusals',
  { skip: testEngine() === 'postgres' && 'run in the SQLite pass' },
  () => {
    let folder: string
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'send-careers-copy-'))
    })
    after(() => {
      rmSync(folder, { recursive: true, force: true })
    })

    /** Runs a copy from `source` into a new SQLite file in the test folder. */
    const copyToNewFile = (source: string) =>
      sendCareers('sqlite::memory:', [
        'copy',
        '--from',
        source,
        '--to',
        `sqlite:${join(folder, 'to.db')}`,
      ])

    it('refuses a scheme no engine reads, without showing its password', async () => {
      const result = await copyToNewFile('mysql://app:hunter2@127.0.0.1/send')

      assert.equal(result.code, 2)
      assert.match(
        result.stderr,
        /--from is mysql:\/\/app:\*\*\*@127\.0\.0\.1\/send, which send-careers cannot open/,
      )
      assert.doesNotMatch(result.stderr, /hunter2/)
    })

    it('sees two spellings of one file as the same database', async () => {
      const file = join(folder, 'same.db')
      await openDatabase(`sqlite:${file}`).close()
      const result = await sendCareers('sqlite::memory:', [
        'copy',
        '--from',
        `sqlite:${file}`,
        '--to',
        `${folder}/./x/../same.db`,
      ])

      assert.equal(result.code, 2)
      assert.match(result.stderr, /--from and --to name the same database/)
    })

    it('refuses a missing source file and creates none', async () => {
      const missing = join(folder, 'missing', 'school.db')
      const result = await copyToNewFile(`sqlite:${missing}`)

      assert.equal(result.code, 2)
      assert.match(result.stderr, /There is no SQLite database at .*school\.db/)
      assert.equal(existsSync(join(folder, 'missing')), false)
    })

    it('refuses a source another program made, and leaves it as it was', async () => {
      const file = join(folder, 'other.db')
      const other = new SqliteDatabase(file)
      other.exec('create table notes (id integer primary key, text text)')
      other.close()

      const result = await copyToNewFile(file)

      assert.equal(result.code, 2)
      assert.match(result.stderr, /other\.db is not a send-careers database: it has tables but no/)
      const reopened = new SqliteDatabase(file, { readonly: true })
      const tables = reopened.prepare(
        "select count(*) as n from sqlite_schema where type = 'table'",
      )
      assert.equal((tables.get() as { n: number }).n, 1)
      reopened.close()
    })

    it('refuses a source with no schools', async () => {
      const file = join(folder, 'no-schools.db')
      const empty = openDatabase(`sqlite:${file}`)
      await migrateToLatest(empty.db)
      await empty.close()

      const result = await copyToNewFile(file)

      assert.equal(result.code, 2)
      assert.match(result.stderr, /has no schools, so there is nothing to copy/)
      assert.equal(existsSync(join(folder, 'to.db')), false)
    })
  },
)
