import assert from 'node:assert/strict'
import { after, describe, test } from 'node:test'

import { sql } from 'kysely'

import type { Database } from '../../src/db/connection.js'
import {
  createTestDatabaseUrl,
  postgresSkippedHere,
  testEngines,
} from '../../src/db/test-database.js'
import type { TestDatabaseUrl } from '../../src/db/test-database.js'
import { findConsistencyProblems } from './consistency.js'
import {
  registerCsv,
  seedDatabase,
  waitForOpenWriteTransaction,
  withDatabase,
} from './crash-setup.js'
import { FormClient, inputValue } from './form-client.js'
import { runFormLoad } from './form-load.js'
import type { AcknowledgedWrite } from './form-load.js'
import { startServerProcess } from './server-process.js'
import type { ServerProcess } from './server-process.js'

// Kills the real server with SIGKILL in the middle of writes, starts it again on the same
// database, and checks that the database is sound and that every write the server acknowledged
// is there, whole. A process kill leaves what the engine had handed to the operating system, so
// these tests do not show what a power cut would leave: see
// docs/decisions/2026-12-04-crash-safety.md.

const REGISTER_ROWS = 20_000
const FORM_CLIENTS = 24
const PLAN_STUDENTS = 12
const KILL_ROUNDS = 3

/** Starts the server on `url`, allowing for a slow start on a busy machine. */
function startServer(url: string): Promise<ServerProcess> {
  return startServerProcess({
    databaseUrl: url,
    env: { MAX_UPLOAD_MB: '50' },
    startTimeoutMs: 120_000,
  })
}

if (postgresSkippedHere()) {
  const skip =
    'PostgreSQL skipped: set TEST_DATABASE_URL, for example ' +
    'postgres://postgres@127.0.0.1:5432/test, to run the crash tests on PostgreSQL too'
  test('crash safety (postgres)', { skip }, () => {})
}

for (const engine of testEngines()) {
  describe(`crash safety (${engine})`, () => {
    const databases: TestDatabaseUrl[] = []
    let server: ServerProcess | undefined

    async function newDatabaseUrl(): Promise<string> {
      const database = await createTestDatabaseUrl(engine)
      databases.push(database)
      return database.url
    }
    after(async () => {
      await server?.kill()
      for (const database of databases) await database.drop()
    })

    test('import killed mid-commit is all or nothing', async (t) => {
      const url = await newDatabaseUrl()
      const { schoolId, sessionCookie } = await seedDatabase(url)
      server = await startServer(url)

      const client = new FormClient(server.baseUrl, sessionCookie)
      const previewPath = await uploadRegister(client, schoolId, registerCsv(REGISTER_ROWS, 5))
      const confirmPage = await client.get(previewPath)
      assert.equal(confirmPage.status, 200, 'the preview page did not load')
      const confirm = client
        .post(previewPath, { _csrf: inputValue(confirmPage.body, '_csrf') })
        .then(
          (response) => ({ response }),
          (error: unknown) => ({ error }),
        )
      const seen = await waitForOpenWriteTransaction(engine, url)
      await server.kill()
      assert.ok(seen, 'no write transaction stayed open for 100 ms, so the commit never ran')

      const outcome = await confirm
      assert.ok('error' in outcome, 'the commit answered before the kill, so it was not cut off')
      const afterKill = await withDatabase(url, (database) => readImportState(database, schoolId))
      assert.deepEqual(afterKill.problems, [])
      assertAllOrNothing(afterKill)
      t.diagnostic(
        afterKill.imports === 0
          ? 'the kill rolled the commit back, so it was confirmed again after the restart'
          : 'the commit was durable before the kill, but its response was not sent',
      )

      server = await startServer(url)
      if (afterKill.imports === 0) {
        const retry = new FormClient(server.baseUrl, sessionCookie)
        const page = await retry.get(previewPath)
        assert.equal(page.status, 200, 'the preview was not kept after the kill')
        const confirmed = await retry.post(previewPath, { _csrf: inputValue(page.body, '_csrf') })
        assert.equal(confirmed.status, 303, `confirming again gave ${confirmed.status}`)
        assert.match(confirmed.location ?? '', /^\/import\/complete\/\d+$/)
      }
      await server.stop()

      const finished = await withDatabase(url, (database) => readImportState(database, schoolId))
      assert.deepEqual(finished.problems, [])
      assert.equal(finished.students, REGISTER_ROWS)
      assert.equal(finished.imports, 1)
      assert.equal(finished.importedNew, REGISTER_ROWS)
      assert.equal(finished.commitEvents, 1)
      assert.equal(finished.previews, 0)
    })

    test('acknowledged form posts survive kills', async (t) => {
      const url = await newDatabaseUrl()
      const { sessionCookie } = await seedDatabase(url, PLAN_STUDENTS)
      const studentIds = await withDatabase(url, listStudentIds)
      const acknowledged: AcknowledgedWrite[] = []
      let postsCutOff = 0

      for (let round = 1; round <= KILL_ROUNDS; round++) {
        server = await startServer(url)
        const clients = Array.from({ length: FORM_CLIENTS }, (_, index) => ({
          client: new FormClient(server!.baseUrl, sessionCookie),
          studentId: studentIds[index % studentIds.length]!,
          label: `round ${round} client ${index + 1}`,
        }))
        const load = runFormLoad(clients)
        await load.acknowledgedAtLeast(FORM_CLIENTS)
        // NOTE: a plan write's statements take a few milliseconds, so even a kill timed by this
        // probe rarely lands inside one. A half-written plan change would fail the checks below,
        // but this test does not reliably cause one.
        const options = { minimumMs: 0, timeoutMs: 2000 }
        const killedMidWrite = await waitForOpenWriteTransaction(engine, url, options)
        await server.kill()
        const written = await load.finished
        acknowledged.push(...written)
        postsCutOff += load.postsCutOff()
        t.diagnostic(
          `kill ${round}: ${written.length} writes acknowledged, ` +
            `${load.postsCutOff()} posts cut off, ` +
            (killedMidWrite ? 'a write transaction was open' : 'no open write transaction seen'),
        )

        const check = await withDatabase(url, (database) => readPlanState(database))
        assert.deepEqual(check.problems, [], `after kill ${round}`)
        // A post that got 409 wrote nothing, so only a post cut off by a kill may add a write.
        assert.ok(
          check.partCount <= acknowledged.length + postsCutOff,
          `${check.partCount} parts, more than the ${acknowledged.length} acknowledged ` +
            `and ${postsCutOff} cut-off posts after kill ${round}`,
        )
        for (const write of acknowledged) {
          assert.equal(
            check.valuesByStudent.get(write.studentId)?.get(write.value),
            1,
            `acknowledged ${write.kind} "${write.value}" is missing after kill ${round}`,
          )
        }
      }
    })
  })
}

/** Uploads a register through the import form and returns the preview's path. */
async function uploadRegister(client: FormClient, schoolId: number, csv: string) {
  const form = await client.get('/import')
  const fields = new FormData()
  fields.set('_csrf', inputValue(form.body, '_csrf'))
  fields.set('school', String(schoolId))
  fields.set('file', new Blob([csv], { type: 'text/csv' }), 'register.csv')
  const upload = await client.post('/import', fields)
  assert.equal(upload.status, 303, `the upload gave ${upload.status}`)
  assert.match(upload.location ?? '', /^\/import\/[0-9a-f-]{36}$/)
  return upload.location!
}

interface ImportState {
  problems: string[]
  students: number
  imports: number
  importedNew: number
  commitEvents: number
  previews: number
}

async function readImportState(database: Database, schoolId: number): Promise<ImportState> {
  const { db } = database
  const count = async (table: 'students' | 'imports' | 'import_previews') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('count'))
      .where('school_id', '=', schoolId)
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }
  const imported = await db
    .selectFrom('imports')
    .select((eb) => eb.fn.sum<number>('new_count').as('total'))
    .where('school_id', '=', schoolId)
    .executeTakeFirstOrThrow()
  const events = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('action', '=', 'import.commit')
    .executeTakeFirstOrThrow()
  return {
    problems: await findConsistencyProblems(database),
    students: await count('students'),
    imports: await count('imports'),
    importedNew: Number(imported.total ?? 0),
    commitEvents: Number(events.count),
    previews: await count('import_previews'),
  }
}

/** Checks the state after the kill is one of the two an atomic commit allows. */
function assertAllOrNothing(state: ImportState) {
  const { problems: _problems, ...counts } = state
  const nothing = { students: 0, imports: 0, importedNew: 0, commitEvents: 0, previews: 1 }
  const everything = {
    students: REGISTER_ROWS,
    imports: 1,
    importedNew: REGISTER_ROWS,
    commitEvents: 1,
    previews: 0,
  }
  // The import record decides which state to compare with, so a failure lists what is half-done.
  const expected = counts.imports === 0 ? nothing : everything
  assert.deepEqual(counts, expected, 'the import is half-written after the kill')
}

async function listStudentIds({ db }: Database): Promise<number[]> {
  const rows = await db.selectFrom('students').select('id').orderBy('id').execute()
  return rows.map((row) => row.id)
}

interface PlanState {
  problems: string[]
  /** Aspirations and actions in every plan. */
  partCount: number
  /** How many aspirations and actions hold each value, by student. */
  valuesByStudent: Map<number, Map<string, number>>
}

/**
 * Reads every plan with its aspirations, actions and audit events, and lists what does not fit
 * together: a version without its audit event, a part without the event that added it, or an
 * event whose part is not there.
 */
async function readPlanState(database: Database): Promise<PlanState> {
  const { db } = database
  const problems = await findConsistencyProblems(database)
  const plans = await db.selectFrom('career_plans').select(['student_id', 'version']).execute()
  const aspirations = await db
    .selectFrom('plan_aspirations')
    .select(['id', 'student_id', 'words as value'])
    .execute()
  const actions = await db
    .selectFrom('plan_actions')
    .select(['id', 'student_id', 'what as value'])
    .execute()
  const events = await db
    .selectFrom('audit_events')
    .select(['action', 'student_id', 'details'])
    .where(sql<boolean>`action like 'plan.%'`)
    .execute()

  const valuesByStudent = new Map<number, Map<string, number>>()
  const parts = [
    ...aspirations.map((row) => ({ ...row, kind: 'aspiration' })),
    ...actions.map((row) => ({ ...row, kind: 'action' })),
  ]
  for (const part of parts) {
    const values = valuesByStudent.get(part.student_id) ?? new Map<string, number>()
    values.set(part.value, (values.get(part.value) ?? 0) + 1)
    valuesByStudent.set(part.student_id, values)
  }

  problems.push(...findVersionGaps(plans, events), ...findPartsWithoutEvents(parts, events))
  return { problems, partCount: parts.length, valuesByStudent }
}

type PlanEvent = { action: string; student_id: number | null; details: string }
type Part = { id: number; student_id: number; value: string; kind: string }
type Change = { from: unknown; to: unknown }

/** Lists plans whose audit events do not raise them once to each version from 1 to their own. */
function findVersionGaps(plans: { student_id: number; version: number }[], events: PlanEvent[]) {
  const problems: string[] = []
  for (const plan of plans) {
    const raisedTo = events
      .filter((event) => event.student_id === plan.student_id)
      .map((event) => (JSON.parse(event.details) as { plan_version: Change }).plan_version.to)
      .sort((a, b) => Number(a) - Number(b))
    const expected = Array.from({ length: plan.version }, (_, index) => index + 1)
    if (JSON.stringify(raisedTo) !== JSON.stringify(expected)) {
      problems.push(
        `the plan of student ${plan.student_id} is at version ${plan.version}, ` +
          `but its audit events raise it to ${raisedTo.join(', ')}`,
      )
    }
  }
  return problems
}

/**
 * Lists parts without the one add event that has their id and text, and add events without
 * their part.
 */
function findPartsWithoutEvents(parts: Part[], events: PlanEvent[]) {
  const problems: string[] = []
  const added = new Map<string, string>()
  for (const event of events) {
    const kind = /^plan\.(aspiration|action)\.add$/.exec(event.action)?.[1]
    if (!kind) continue
    const details = JSON.parse(event.details) as Record<string, Change>
    const id = details[`${kind}_id`]?.to
    const value = details[kind === 'aspiration' ? 'words' : 'what']?.to
    added.set(`${kind} ${String(id)}`, String(value))
  }

  for (const part of parts) {
    const key = `${part.kind} ${part.id}`
    const value = added.get(key)
    if (value === undefined) problems.push(`${key} has no audit event that added it`)
    else if (value !== part.value) problems.push(`${key} differs from its audit event`)
    added.delete(key)
  }
  for (const key of added.keys()) problems.push(`the audit trail adds ${key}, which is not there`)
  return problems
}
