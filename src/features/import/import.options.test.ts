import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { forEachEngine } from '../../db/test-database.js'
import { upnCheckLetter } from '../../domain/upn.js'
import { csvSource, setUpImportSchool } from './import.test-data.js'

const HEADER =
  'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need,Qualification Pathway'

function upnFor(serial: number): string {
  const rest = `8013${String(serial).padStart(8, '0')}`
  return `${upnCheckLetter(rest)}${rest}`
}

function csvRows(count: number, first = 1, pathway = ''): string[] {
  return Array.from({ length: count }, (_, index) => {
    const serial = first + index
    return `${upnFor(serial)},Okafor,Ada${serial},14/03/2010,10,E,ASD,${pathway}`
  })
}

const sourceOf = (lines: string[]) => csvSource(HEADER, lines)

forEachEngine('import options', (getDatabase) => {
  async function setUp() {
    const context = await setUpImportSchool(getDatabase().db)
    const { imports, school } = context
    const previewLines = (lines: string[], partial?: boolean) =>
      imports.previewFile(school.id, sourceOf(lines), 'register.csv', {
        maxBytes: 8 * 1024 * 1024,
        ...(partial === undefined ? {} : { partial }),
      })
    return { ...context, previewLines }
  }

  test('preview caps rows when all rejected', async () => {
    const { previewLines } = await setUp()
    const lines = Array.from({ length: 1500 }, (_, index) => `X${index},Ng,Ann,01/09/2010,9,K,ASD,`)

    const preview = await previewLines(lines)

    assert.equal(preview.summary.rejected, 1500)
    assert.equal(preview.rows.length, 1000)
    assert.equal(preview.rowsLeftOut, 500)
    assert.equal(preview.rowsWithMessages, 1500)
  })

  test('partial preview lists no one missing', async () => {
    const { imports, previewLines } = await setUp()
    await imports.commit((await previewLines(csvRows(20))).id)

    const preview = await previewLines(csvRows(3, 100), true)

    assert.equal(preview.partial, true)
    assert.deepEqual(preview.notInFile, [])
    assert.equal(preview.notInFileLeftOut, 0)
  })

  test('partial commit marks no one', async () => {
    const { imports, students, scope, previewLines } = await setUp()
    await imports.commit((await previewLines(csvRows(20))).id)

    const result = await imports.commit((await previewLines(csvRows(3, 100), true)).id)

    assert.equal(result.markedNotInLatest, 0)
    assert.equal(result.summary.new, 3)
    const { students: listed } = await students.listStudents(scope, { pageSize: 200 })
    assert.equal(listed.length, 23)
    assert.ok(listed.every((student) => student.inLatestImport))
    const record = await imports.getImport(result.importId, scope)
    assert.equal(record?.partial, true)
    assert.equal(record?.notInFile, 0)
  })

  test('full commit still marks missing students', async () => {
    const { imports, previewLines } = await setUp()
    await imports.commit((await previewLines(csvRows(20))).id)

    const result = await imports.commit((await previewLines(csvRows(5), false)).id)

    assert.equal(result.markedNotInLatest, 15)
  })

  test('getImport reads the stored record', async () => {
    const { imports, scope, previewLines } = await setUp()
    const result = await imports.commit((await previewLines(csvRows(4))).id)

    const record = await imports.getImport(result.importId, scope)

    assert.equal(record?.id, result.importId)
    assert.equal(record?.fileName, 'register.csv')
    assert.equal(record?.summary.new, 4)
    assert.equal(record?.partial, false)
  })

  test('getImport hides other schools', async () => {
    const { imports, students, previewLines } = await setUp()
    const result = await imports.commit((await previewLines(csvRows(2))).id)
    const other = await students.findOrCreateSchool(`School ${randomUUID()}`)

    assert.equal(await imports.getImport(result.importId, { schoolIds: [other.id] }), null)
    assert.equal(await imports.getImport(result.importId, { schoolIds: [] }), null)
    assert.equal(await imports.getImport(999_999_999, { schoolIds: [other.id] }), null)
  })

  test('staff pathway survives a later import', async () => {
    const { imports, students, scope, previewLines } = await setUp()
    await imports.commit((await previewLines(csvRows(1, 1, 'GCSE'))).id)
    const [student] = (await students.listStudents(scope, { pageSize: 10 })).students
    await students.setPathway(scope, student!.id, 'Entry Level 3', 'ms.khan')

    const preview = await previewLines(csvRows(1, 1, 'GCSE'))
    const result = await imports.commit(preview.id)

    assert.equal(preview.summary.unchanged, 1)
    assert.equal(preview.summary.updated, 0)
    assert.deepEqual(preview.rows[0]?.changedFields, [])
    assert.equal(
      preview.rows[0]?.warnings[0]?.message,
      'Qualification Pathway "GCSE": kept "Entry Level 3", which staff recorded on 12 January ' +
        '2026. Change it on the student page if the register is right.',
    )
    assert.equal(result.summary.updated, 0)
    const detail = await students.getStudent(scope, student!.id)
    assert.equal(detail?.student.pathway, 'Entry Level 3')
  })

  test('cleared staff pathway returns to the register', async () => {
    const { imports, students, scope, previewLines } = await setUp()
    await imports.commit((await previewLines(csvRows(1, 1, 'GCSE'))).id)
    const [student] = (await students.listStudents(scope, { pageSize: 10 })).students
    await students.setPathway(scope, student!.id, 'Entry Level 3', 'ms.khan')
    await students.setPathway(scope, student!.id, null, 'ms.khan')

    const preview = await previewLines(csvRows(1, 1, 'GCSE'))
    await imports.commit(preview.id)
    const detail = await students.getStudent(scope, student!.id)

    assert.deepEqual(preview.rows[0]?.changedFields, ['pathway'])
    assert.equal(detail?.student.pathway, 'GCSE')
  })

  test('imported pathway still updates', async () => {
    const { imports, previewLines } = await setUp()
    await imports.commit((await previewLines(csvRows(1, 1, 'GCSE'))).id)

    const preview = await previewLines(csvRows(1, 1, 'Entry Level 3'))

    assert.equal(preview.summary.updated, 1)
    assert.deepEqual(preview.rows[0]?.changedFields, ['pathway'])
  })
})
