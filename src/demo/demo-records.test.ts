import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { stringify } from 'csv-stringify/sync'
import type { Kysely } from 'kysely'

import type { Database } from '../db/connection.js'
import { openTestDatabase } from '../db/test-database.js'
import type { Tables } from '../db/tables.js'
import { academicYearOf } from '../domain/academic-year.js'
import { todayInEngland } from '../features/eligibility/reference-date.js'
import { WORK_LIST_IDS } from '../features/work-lists/work-lists.service.js'
import { createServices } from '../services.js'
import { addDemoRecords, type DemoRecordCounts } from './demo-records.js'
import { CENSUS_COLUMNS, generateSchool, type SchoolKind } from './generate-school.js'

const SEED = 2026

const TABLES = [
  'career_plans',
  'plan_aspirations',
  'plan_goals',
  'plan_targets',
  'plan_actions',
  'plan_reviews',
  'careers_activities',
  'careers_activity_students',
  'destination_spells',
  'tracking_consents',
] as const satisfies readonly (keyof Tables)[]

async function countRows(db: Kysely<Tables>, table: keyof Tables): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

async function countAll(db: Kysely<Tables>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of [...TABLES, 'audit_events'] as const)
    counts[table] = await countRows(db, table)
  return counts
}

/** Imports the demo register of `kind` the way `npm run demo` does, and returns the school id. */
async function importDemoSchool(database: Database, kind: SchoolKind): Promise<number> {
  const services = createServices(database)
  const academicYearStart = academicYearOf(todayInEngland())
  const rows = generateSchool({ kind, seed: SEED, students: 150, academicYearStart })
  const csv = stringify(rows, { header: true, columns: CENSUS_COLUMNS })
  const school = await services.students.findOrCreateSchool(`Demo ${kind} school`)
  const source = { fileName: 'demo-register.csv', stream: Readable.from([csv]) }
  const preview = await services.imports.previewFile(school.id, source, source.fileName, {
    maxBytes: 10 * 1024 * 1024,
  })
  await services.imports.commit(preview.id, undefined, 'demo')
  return school.id
}

for (const kind of ['mainstream', 'special'] as const) {
  describe(`addDemoRecords (${kind})`, () => {
    let database: Database
    let schoolId: number
    let added: DemoRecordCounts | null

    before(async () => {
      database = await openTestDatabase('sqlite')
      schoolId = await importDemoSchool(database, kind)
      added = await addDemoRecords(createServices(database), database.db, { schoolId, seed: SEED })
    })
    after(async () => {
      await database.close()
    })

    test('reports what it added', () => {
      assert.ok(added, 'the first run added nothing')
      for (const [name, count] of Object.entries(added)) {
        assert.ok(count > 0, `${name} is ${count}`)
      }
    })

    test('fills every careers table', async () => {
      for (const table of TABLES) {
        const count = await countRows(database.db, table)
        assert.ok(count > 0, `${table} has no rows`)
      }
    })

    test('marks leavers and audits as demo', async () => {
      const leavers = await database.db
        .selectFrom('students')
        .select('id')
        .where('left_on', 'is not', null)
        .execute()
      const demoEvents = await database.db
        .selectFrom('audit_events')
        .select('id')
        .where('actor', '=', 'demo')
        .where('action', 'like', 'plan.%')
        .execute()

      assert.equal(leavers.length, added?.leavers)
      assert.ok(demoEvents.length > 0, 'no plan audit events by the demo')
    })

    test('ticks all areas on annual reviews', async () => {
      const reviews = await database.db
        .selectFrom('plan_reviews')
        .select('pfa_areas')
        .where('kind', '=', 'ehcp_annual')
        .execute()

      assert.ok(reviews.length > 0, 'no EHC plan annual reviews')
      for (const review of reviews) {
        assert.equal(review.pfa_areas, ',employment,independent_living,community,health,')
      }
    })

    test('puts someone on every work list', async () => {
      const { counts } = await createServices(database).workLists.countAll({
        schoolIds: [schoolId],
      })
      for (const id of WORK_LIST_IDS) {
        const count = counts.find((entry) => entry.id === id)?.count ?? 0
        assert.ok(count > 0, `work list ${id} is empty`)
      }
    })

    test('adds nothing on a second run', async () => {
      const before = await countAll(database.db)
      const second = await addDemoRecords(createServices(database), database.db, {
        schoolId,
        seed: SEED,
      })

      assert.equal(second, null)
      assert.deepEqual(await countAll(database.db), before)
    })
  })
}
