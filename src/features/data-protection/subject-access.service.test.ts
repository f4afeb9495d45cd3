import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { forEachEngine } from '../../db/test-database.js'
import { setUpSchoolWithRecords } from './data-protection.test-data.js'
import { SUBJECT_ACCESS_TABLES } from './subject-access.service.js'

const STUDENT_COLUMNS = ['student_id', 'matched_student_id']

forEachEngine('subject access export', (getDatabase) => {
  /** Lists every table with a column that contains a student id, read from the live schema. */
  async function tablesNamingStudents() {
    const tables = await getDatabase().db.introspection.getTables()
    return tables.flatMap((table) =>
      table.columns
        .filter((column) => STUDENT_COLUMNS.includes(column.name))
        .map((column) => ({ table: table.name, column: column.name })),
    )
  }

  test('covers every table with a student column', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, ada } = await setUpSchoolWithRecords(db)
    const linked = await tablesNamingStudents()

    const exported = await dataProtection.exportStudent(scope, ada.id, 'admin', 'json')

    assert.ok(linked.length >= 4, `only ${linked.length} student columns were found`)
    for (const { table, column } of linked) {
      assert.ok(
        (SUBJECT_ACCESS_TABLES as readonly string[]).includes(table),
        `${table}.${column} names students but is not in the subject access export`,
      )
      const rows = (exported?.tables as Record<string, unknown[]> | undefined)?.[table]
      const { count } = await db
        .selectFrom(sql.table(table).as('t'))
        .select((eb) => eb.fn.countAll().as('count'))
        .where(sql.ref(`t.${column}`), '=', ada.id)
        .executeTakeFirstOrThrow()
      assert.ok(Number(count) > 0, `the test data has no ${table} row for the student`)
      assert.equal(rows?.length, Number(count), `${table} rows in the export`)
    }
  })

  test('includes the record and its history', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, school, ada } = await setUpSchoolWithRecords(db)

    const exported = await dataProtection.exportStudent(scope, ada.id, 'admin', 'json')

    assert.equal(exported?.school.name, school.name)
    assert.equal(exported?.tables.students[0]?.upn, ada.upn)
    assert.equal(exported?.tables.group_overrides[0]?.reason, 'Second view')
    assert.deepEqual(
      exported?.tables.group_override_history.map((row) => row.reason),
      ['First view'],
    )
    assert.deepEqual(
      exported?.tables.import_preview_rows.map((row) => [row.preview_file_name, row.status]).sort(),
      [
        ['changes.csv', 'updated'],
        ['rejected.csv', 'rejected'],
      ],
    )
  })

  test('records itself in the audit trail', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, ada } = await setUpSchoolWithRecords(db)

    const exported = await dataProtection.exportStudent(scope, ada.id, 'admin', 'html')

    const last = exported?.tables.audit_events.at(-1)
    assert.equal(last?.action, 'student.export')
    assert.equal(last?.actor, 'admin')
    assert.deepEqual(last?.details, { format: 'html' })
    const actions = exported?.tables.audit_events.map((event) => event.action)
    assert.ok(actions?.includes('student.override.set'))
    assert.ok(actions?.includes('student.view'))
  })

  test('holds nothing about another student', async () => {
    const { db } = getDatabase()
    const { dataProtection, scope, ada, bea } = await setUpSchoolWithRecords(db)

    const exported = await dataProtection.exportStudent(scope, ada.id, 'admin', 'json')
    const text = JSON.stringify(exported)

    for (const value of [bea.legalSurname, bea.preferredForename, bea.upn, bea.uln, bea.misId]) {
      assert.ok(value, 'the test student lacks a value to look for')
      assert.ok(!text.includes(value), `the export contains ${value}`)
    }
    assert.ok(!text.includes(bea.dateOfBirth), 'the export contains the other date of birth')
    assert.ok(!text.includes('"Agreed"'), "the export contains the other student's override")
    const tables = exported?.tables
    const ids = [
      ...(tables?.students ?? []).map((row) => row.id),
      ...(tables?.group_overrides ?? []).map((row) => row.student_id),
      ...(tables?.group_override_history ?? []).map((row) => row.student_id),
      ...(tables?.audit_events ?? []).map((row) => row.student_id),
    ]
    assert.deepEqual([...new Set(ids)], [ada.id])
  })

  test('other school returns null', async () => {
    const { db } = getDatabase()
    const first = await setUpSchoolWithRecords(db)
    const second = await setUpSchoolWithRecords(db)

    const exported = await first.dataProtection.exportStudent(
      first.scope,
      second.ada.id,
      'admin',
      'json',
    )

    assert.equal(exported, null)
    const events = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'student.export')
      .where('student_id', '=', second.ada.id)
      .execute()
    assert.equal(events.length, 0)
  })
})
