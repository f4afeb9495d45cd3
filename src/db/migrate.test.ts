import assert from 'node:assert/strict'
import { test } from 'node:test'
import { migrateDown, migrateToLatest, migrateToNone } from './migrate.js'
import { openTestDatabase, testEngines } from './test-database.js'

const productTables = [
  'group_overrides',
  'import_preview_rows',
  'import_previews',
  'imports',
  'need_code_mappings',
  'schools',
  'students',
]

for (const engine of testEngines()) {
  test(`migrations up and down (${engine})`, async () => {
    const database = await openTestDatabase(engine, { migrate: false })
    const tableNames = async () =>
      (await database.db.introspection.getTables()).map((table) => table.name).sort()

    try {
      await migrateToLatest(database.db)
      assert.deepEqual(await tableNames(), productTables)

      await migrateDown(database.db)
      const withoutStaging = productTables.filter((name) => name !== 'import_preview_rows')
      assert.deepEqual(await tableNames(), withoutStaging)

      await migrateDown(database.db)
      assert.deepEqual(await tableNames(), ['group_overrides', 'schools', 'students'])

      await migrateToNone(database.db)
      assert.deepEqual(await tableNames(), [])

      await migrateToLatest(database.db)
      assert.deepEqual(await tableNames(), productTables)
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
