import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { forEachEngine } from '../../db/test-database.js'
import type { Database } from '../../db/connection.js'
import {
  aRejectedRow,
  aStudentInput,
  aValidFile,
  aValidRow,
  setUpImportSchool,
} from './import.test-data.js'
import { ImportPreviewError, PREVIEW_LIFETIME_MS } from './import.service.js'
import type { ValidatedFile } from './import.types.js'

forEachEngine('import service', (getDatabase) => {
  async function setUp() {
    const context = await setUpImportSchool(getDatabase().db)
    const { students, imports, school, scope } = context

    async function importFile(file: ValidatedFile) {
      const preview = await imports.preview(school.id, file, 'register.csv')
      return { preview, result: await imports.commit(preview.id) }
    }
    async function listAll() {
      return (await students.listStudents(scope, { pageSize: 200 })).students
    }
    return { ...context, importFile, listAll }
  }

  test('preview sorts rows by status', async () => {
    const { imports, school, importFile } = await setUp()
    const stored = [aStudentInput(), aStudentInput()]
    await importFile(aValidFile(stored.map((input) => aValidRow(input))))

    const file = aValidFile([
      aValidRow(stored[0]),
      aValidRow({ ...stored[1], legalSurname: 'Mensah' }),
      aValidRow(),
      aRejectedRow(stored[0]!.upn!),
    ])
    const preview = await imports.preview(school.id, file, 'register.csv')

    assert.deepEqual(
      preview.rows.map((row) => row.status),
      ['unchanged', 'updated', 'new', 'rejected'],
    )
    assert.deepEqual(preview.rows[1]!.changedFields, ['legalSurname'])
    assert.deepEqual(preview.summary, {
      new: 1,
      updated: 1,
      unchanged: 1,
      rejected: 1,
      warnings: 0,
    })
    assert.deepEqual(preview.notInFile, [])
  })

  test('commit writes rows and records import', async () => {
    const { db, school, importFile, listAll } = await setUp()
    const inputs = [aStudentInput({ pathway: 'GCSE' }), aStudentInput({ primaryNeed: 'HI' })]

    const { result } = await importFile(aValidFile(inputs.map((input) => aValidRow(input))))

    const students = await listAll()
    assert.deepEqual(
      students.map((student) => student.upn).sort(),
      inputs.map((input) => input.upn).sort(),
    )
    assert.ok(students.every((student) => student.group.group === 'two'))
    const record = await db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', result.importId)
      .executeTakeFirst()
    assert.equal(record?.school_id, school.id)
    assert.equal(record?.new_count, 2)
  })

  test('same file again changes nothing', async () => {
    const { clock, imports, school, importFile, listAll } = await setUp()
    const file = aValidFile([aValidRow(), aValidRow({ uln: '1234567890', upn: null, misId: 'M1' })])
    await importFile(file)
    const before = await listAll()

    clock.now = new Date('2026-01-13T09:00:00.000Z')
    const preview = await imports.preview(school.id, file, 'register.csv')
    await imports.commit(preview.id)

    assert.deepEqual(
      preview.rows.map((row) => row.status),
      ['unchanged', 'unchanged'],
    )
    assert.deepEqual(await listAll(), before)
  })

  test('absent students kept and marked', async () => {
    const { imports, school, importFile, listAll } = await setUp()
    const [kept, absent] = [aStudentInput(), aStudentInput()]
    await importFile(aValidFile([aValidRow(kept), aValidRow(absent)]))

    const { preview, result } = await importFile(aValidFile([aValidRow(kept)]))

    assert.deepEqual(
      preview.notInFile.map((student) => student.key),
      [absent.upn],
    )
    assert.equal(result.markedNotInLatest, 1)
    const byUpn = new Map((await listAll()).map((student) => [student.upn, student]))
    assert.equal(byUpn.get(kept.upn)?.inLatestImport, true)
    assert.equal(byUpn.get(absent.upn)?.inLatestImport, false)

    await importFile(aValidFile([aValidRow(kept), aValidRow(absent)]))

    const back = (await listAll()).find((student) => student.upn === absent.upn)
    assert.equal(back?.inLatestImport, true)
    const again = await imports.preview(school.id, aValidFile([aValidRow(kept)]), 'register.csv')
    assert.equal(again.notInFile.length, 1)
  })

  test('blank pathway keeps recorded pathway', async () => {
    const { imports, school, students, scope, importFile, listAll } = await setUp()
    const input = aStudentInput({ secondaryNeed: 'SLCN' })
    await importFile(aValidFile([aValidRow(input)]))
    const [stored] = await listAll()
    await students.setPathway(scope, stored!.id, 'Entry Level 3', 'teacher')

    const blankPathway = aValidFile([aValidRow({ ...input, pathway: null })])
    const blankNeed = aValidFile([aValidRow({ ...input, pathway: null, secondaryNeed: null })])
    const first = await imports.preview(school.id, blankPathway, 'register.csv')
    const second = await imports.preview(school.id, blankNeed, 'register.csv')
    await imports.commit(second.id)

    assert.equal(first.rows[0]!.status, 'unchanged')
    assert.deepEqual(second.rows[0]!.changedFields, ['secondaryNeed'])
    const [after] = await listAll()
    assert.equal(after!.pathway, 'Entry Level 3')
    assert.equal(after!.secondaryNeed, null)
  })

  test('missing column leaves field as stored', async () => {
    const { imports, school, importFile } = await setUp()
    const input = aStudentInput({ ncYear: '11' })
    await importFile(aValidFile([aValidRow(input)]))

    const fields = (Object.keys(input) as (keyof typeof input)[]).filter(
      (field) => field !== 'ncYear',
    )
    const file = aValidFile([aValidRow({ ...input, ncYear: null })], fields)
    const preview = await imports.preview(school.id, file, 'register.csv')

    assert.equal(preview.rows[0]!.status, 'unchanged')
  })

  test('row matching two students is rejected', async () => {
    const { imports, school, importFile } = await setUp()
    const [first, second] = [aStudentInput({ misId: 'A1' }), aStudentInput({ misId: 'A2' })]
    await importFile(aValidFile([aValidRow(first), aValidRow(second)]))

    const file = aValidFile([aValidRow({ ...first, misId: 'A2' })])
    const preview = await imports.preview(school.id, file, 'register.csv')

    assert.equal(preview.rows[0]!.status, 'rejected')
    assert.match(preview.rows[0]!.errors[0]!.message, /different stored students/)
  })

  test('failed commit leaves database unchanged', async () => {
    const { db, imports, school, importFile } = await setUp()
    const existing = aStudentInput()
    await importFile(aValidFile([aValidRow(existing)]))
    const snapshot = () => db.selectFrom('students').selectAll().orderBy('id').execute()
    const before = await snapshot()
    const file = aValidFile([
      aValidRow({ ...existing, legalSurname: 'Changed' }),
      aValidRow(),
      aValidRow(),
    ])
    const preview = await imports.preview(school.id, file, 'register.csv')
    await breakThirdRow(getDatabase(), preview.id)

    await assert.rejects(imports.commit(preview.id), /legal_surname/)

    assert.deepEqual(await snapshot(), before)
    const records = await db
      .selectFrom('imports')
      .select('id')
      .where('school_id', '=', school.id)
      .execute()
    assert.equal(records.length, 1)
    assert.notEqual(await imports.getPreview(preview.id), null)
  })

  test('expired preview is refused', async () => {
    const { clock, imports, school, listAll } = await setUp()
    const preview = await imports.preview(school.id, aValidFile([aValidRow()]), 'register.csv')

    clock.now = new Date(clock.now.getTime() + PREVIEW_LIFETIME_MS)

    await assert.rejects(imports.commit(preview.id), isPreviewError('expired'))
    assert.equal(await imports.getPreview(preview.id), null)
    assert.deepEqual(await listAll(), [])
  })

  test('stale preview is refused', async () => {
    const { imports, school, students, scope, importFile, listAll } = await setUp()
    await importFile(aValidFile([aValidRow()]))
    const preview = await imports.preview(school.id, aValidFile([aValidRow()]), 'register.csv')
    const [stored] = await listAll()

    await students.setPathway(scope, stored!.id, 'GCSE', 'teacher')

    await assert.rejects(imports.commit(preview.id), isPreviewError('stale'))
    assert.equal((await listAll()).length, 1)
  })

  test('preview out of scope is not found', async () => {
    const { imports, school, students } = await setUp()
    const other = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const preview = await imports.preview(school.id, aValidFile([aValidRow()]), 'register.csv')

    await assert.rejects(
      imports.commit(preview.id, { schoolIds: [other.id] }),
      isPreviewError('not_found'),
    )
    assert.equal(await imports.getPreview(preview.id, { schoolIds: [other.id] }), null)
  })

  test('preview commits only once', async () => {
    const { imports, school } = await setUp()
    const preview = await imports.preview(school.id, aValidFile([aValidRow()]), 'register.csv')
    await imports.commit(preview.id)

    await assert.rejects(imports.commit(preview.id), isPreviewError('not_found'))
  })
})

function isPreviewError(code: string) {
  return (error: unknown) => error instanceof ImportPreviewError && error.code === code
}

/** Empties the surname of the third staged row, so its insert breaks NOT NULL. */
async function breakThirdRow({ db }: Database, previewId: string): Promise<void> {
  const { input } = await db
    .selectFrom('import_preview_rows')
    .select('input')
    .where('preview_id', '=', previewId)
    .where('position', '=', 2)
    .executeTakeFirstOrThrow()
  const broken = { ...(JSON.parse(input ?? '{}') as object), legalSurname: null }

  await db
    .updateTable('import_preview_rows')
    .set({ input: JSON.stringify(broken) })
    .where('preview_id', '=', previewId)
    .where('position', '=', 2)
    .execute()
}
