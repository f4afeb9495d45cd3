import assert from 'node:assert/strict'
import { test } from 'node:test'
import { sql } from 'kysely'
import { forEachEngine } from '../../db/test-database.js'
import { insertAuditEvent, redactStudentEvents } from '../audit/audit.repository.js'

forEachEngine('audit trail triggers', (getDatabase) => {
  async function anEvent(studentId = 41) {
    const { db } = getDatabase()
    await insertAuditEvent(db, {
      at: '2026-12-04T10:00:00.000Z',
      actor: 'head',
      action: 'student.override.set',
      schoolId: 7,
      studentId,
      details: { override: { from: null, to: { group: 'two', reason: 'Agreed at review' } } },
    })
    return db
      .selectFrom('audit_events')
      .selectAll()
      .where('student_id', '=', studentId)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  }

  test('delete rejected', async () => {
    const { db } = getDatabase()
    const event = await anEvent()

    await assert.rejects(
      db.deleteFrom('audit_events').where('id', '=', event.id).execute(),
      /audit_events is append-only: an audit event cannot be deleted/,
    )
    const kept = await db
      .selectFrom('audit_events')
      .select('id')
      .where('id', '=', event.id)
      .execute()
    assert.equal(kept.length, 1)
  })

  test('update of details alone rejected', async () => {
    const { db } = getDatabase()
    const event = await anEvent()

    await assert.rejects(
      db.updateTable('audit_events').set({ details: '{}' }).where('id', '=', event.id).execute(),
      /the only update allowed sets details to '\{\}' and student_id to null/,
    )
  })

  test('redaction changing another column rejected', async () => {
    const { db } = getDatabase()
    const cases = [
      { actor: 'someone else' },
      { action: 'student.view' },
      { at: '2020-01-01T00:00:00.000Z' },
      { school_id: 8 },
      { school_id: null },
    ]

    for (const change of cases) {
      const event = await anEvent()
      const update = { details: '{}', student_id: null, ...change }
      await assert.rejects(
        db.updateTable('audit_events').set(update).where('id', '=', event.id).execute(),
        /append-only/,
        `changing ${Object.keys(change).join(', ')} was not rejected`,
      )
    }
  })

  test('redaction with other details rejected', async () => {
    const { db } = getDatabase()
    const event = await anEvent()

    const update = { details: '{"note":"x"}', student_id: null }
    await assert.rejects(
      db.updateTable('audit_events').set(update).where('id', '=', event.id).execute(),
      /append-only/,
    )
  })

  test('erasure redaction allowed', async () => {
    const { db } = getDatabase()
    const event = await anEvent(99)

    const redacted = await redactStudentEvents(db, 99)

    const after = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('id', '=', event.id)
      .executeTakeFirstOrThrow()
    assert.equal(redacted, 1)
    assert.deepEqual(after, { ...event, details: '{}', student_id: null })
  })

  test('truncate rejected on postgres', async (t) => {
    const { db, dialect } = getDatabase()
    if (dialect !== 'postgres') return t.skip('SQLite has no TRUNCATE')
    await anEvent()

    await assert.rejects(sql`truncate audit_events`.execute(db), /append-only/)
  })
})
