import assert from 'node:assert/strict'
import { it } from 'node:test'
import { sql } from 'kysely'

import { forEachEngine } from '../test-database.js'
import { COPY_TABLES, TABLES_WITHOUT_ID } from './copy-tables.js'

forEachEngine('copy table list', (getDatabase) => {
  it('names every table of the schema once', async () => {
    const { db, dialect } = getDatabase()
    const query =
      dialect === 'postgres'
        ? sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`
        : sql<{ name: string }>`select name from sqlite_master where type = 'table'`
    const { rows } = await query.execute(db)
    const schema = rows
      .map((row) => row.name)
      .filter((name) => !name.startsWith('kysely_') && !name.startsWith('sqlite_'))
      .sort()

    const listed = COPY_TABLES.map(([table]) => table as string).sort()

    assert.deepEqual(listed, schema, 'add the new table to COPY_TABLES with a copy or skip rule')
  })

  it('lists tables without an id column correctly', async () => {
    const { db } = getDatabase()

    for (const [table] of COPY_TABLES) {
      const columns = (await db.introspection.getTables()).find((t) => t.name === table)?.columns
      const hasId = columns?.some((column) => column.name === 'id') ?? false
      assert.equal(hasId, !TABLES_WITHOUT_ID.has(table), table)
    }
  })
})
