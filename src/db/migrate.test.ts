import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import type { Database } from './connection.js'
import { migrateDown, migrateToLatest } from './migrate.js'
import { openTestDatabase, testEngines } from './test-database.js'

const productTables = [
  'audit_events',
  'career_plans',
  'careers_activities',
  'careers_activity_students',
  'destination_import_previews',
  'destination_import_rows',
  'destination_spells',
  'group_override_history',
  'group_overrides',
  'import_preview_rows',
  'import_previews',
  'imports',
  'my_future_views',
  'need_code_mappings',
  'organisations',
  'plan_actions',
  'plan_aspirations',
  'plan_goals',
  'plan_reviews',
  'plan_targets',
  'pseudonym_secrets',
  'rate_limits',
  'recovery_codes',
  'schools',
  'sessions',
  'sign_in_tokens',
  'students',
  'tracking_consents',
  'user_roles',
  'users',
]

async function currentSchema(db: Database['db']): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema
}

for (const engine of testEngines()) {
  test(`migrations up and down (${engine})`, async () => {
    const database = await openTestDatabase(engine, { migrate: false })
    // On PostgreSQL the listing covers every schema, and other test files' schemas may be there.
    const ownSchema = engine === 'postgres' ? await currentSchema(database.db) : undefined
    const tableNames = async () =>
      (await database.db.introspection.getTables())
        .filter((table) => ownSchema === undefined || table.schema === ownSchema)
        .map((table) => table.name)
        .sort()

    try {
      await migrateToLatest(database.db)
      const latest = await tableNames()
      assert.deepEqual(latest, productTables)

      // Every migration's down runs, one step at a time, until no product table is left.
      let steps = 0
      while ((await migrateDown(database.db)).results?.length) steps += 1
      assert.ok(steps >= 4, `only ${steps} migrations went down`)
      assert.deepEqual(await tableNames(), [])

      await migrateToLatest(database.db)
      assert.deepEqual(await tableNames(), latest)
    } finally {
      await database.close()
    }
  })

  test(`migrations rerun changes nothing (${engine})`, async () => {
    const database = await openTestDatabase(engine)

    try {
      const { results } = await migrateToLatest(database.db)

      assert.deepEqual(results, [])
    } finally {
      await database.close()
    }
  })
}
