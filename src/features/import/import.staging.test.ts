import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { test } from 'node:test'
import { forEachEngine } from '../../db/test-database.js'
import { upnCheckLetter } from '../../domain/upn.js'
import { csvSource, setUpImportSchool } from './import.test-data.js'

const HEADER = 'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need'

/** Returns a valid fictional UPN for a number below 100,000. */
function upnFor(serial: number): string {
  const rest = `8012${String(serial).padStart(8, '0')}`
  return `${upnCheckLetter(rest)}${rest}`
}

/** Builds CSV lines of valid students numbered from `first`, each with its own UPN. */
function csvRows(count: number, first = 1, surname = 'Okafor'): string[] {
  return Array.from({ length: count }, (_, index) => {
    const serial = first + index
    return `${upnFor(serial)},${surname},Ada${serial},14/03/2010,10,E,ASD`
  })
}

const sourceOf = (lines: string[]) => csvSource(HEADER, lines)

forEachEngine('import staging', (getDatabase) => {
  async function setUp() {
    const context = await setUpImportSchool(getDatabase().db)
    const { imports, school } = context
    const previewLines = (lines: string[]) =>
      imports.previewFile(school.id, sourceOf(lines), 'register.csv', { maxBytes: 1024 * 1024 })
    return { ...context, previewLines }
  }

  test('late conflicting duplicate rejects both rows', async () => {
    const { imports, scope, previewLines } = await setUp()
    // More rows than one staging batch sit between the two, so line 2 is staged before line 602.
    const lines = [...csvRows(600), `${upnFor(1)},Mensah,Kofi,01/09/2010,10,E,ASD`]

    const preview = await previewLines(lines)
    const rows = await imports.listPreviewRows(preview.id, scope, {
      offset: 0,
      limit: 10,
      onlyWithMessages: true,
    })

    assert.equal(preview.summary.rejected, 2)
    assert.equal(preview.summary.new, 599)
    assert.deepEqual(
      rows.map((row) => row.line),
      [2, 602],
    )
    assert.equal(rows[0]!.status, 'rejected')
    assert.equal(rows[0]!.input, null)
    assert.match(rows[0]!.errors[0]!.message, /is also on line 602 with different details/)
    assert.match(rows[1]!.errors[0]!.message, /is also on line 2 with different details/)
  })

  test('late exact repeat warns the kept row', async () => {
    const { previewLines } = await setUp()
    const lines = csvRows(600)

    const preview = await previewLines([...lines, lines[0]!])

    assert.equal(preview.summary.new, 600)
    assert.equal(preview.summary.warnings, 1)
    const kept = preview.rows.find((row) => row.warnings.length > 0)
    assert.equal(kept?.line, 2)
    assert.match(kept?.warnings[0]?.message ?? '', /^Line 602 repeats this row exactly/)
  })

  test('listPreviewRows pages every row', async () => {
    const { imports, scope, previewLines } = await setUp()
    const preview = await previewLines(csvRows(25))

    const pages = []
    for (const offset of [0, 10, 20, 30]) {
      pages.push(await imports.listPreviewRows(preview.id, scope, { offset, limit: 10 }))
    }

    assert.deepEqual(
      pages.map((page) => page.length),
      [10, 10, 5, 0],
    )
    const lines = pages.flat().map((row) => row.line)
    assert.deepEqual(
      lines,
      Array.from({ length: 25 }, (_, index) => index + 2),
    )
    assert.ok(pages.flat().every((row) => row.status === 'new'))
  })

  test('listPreviewRows pages after a position', async () => {
    const { imports, scope, previewLines } = await setUp()
    const preview = await previewLines(csvRows(25))

    const lines: number[] = []
    let afterPosition: number | undefined
    for (let page = 0; page < 5; page++) {
      const rows = await imports.listPreviewRows(preview.id, scope, {
        offset: 0,
        limit: 10,
        afterPosition,
      })
      lines.push(...rows.map((row) => row.line))
      if (rows.length < 10) break
      afterPosition = rows.at(-1)?.position
    }

    assert.deepEqual(
      lines,
      Array.from({ length: 25 }, (_, index) => index + 2),
    )
  })

  test('listPreviewRows rejects preview out of scope', async () => {
    const { imports, students, previewLines } = await setUp()
    const other = await students.findOrCreateSchool(`School ${randomUUID()}`)
    const preview = await previewLines(csvRows(1))

    await assert.rejects(
      imports.listPreviewRows(preview.id, { schoolIds: [other.id] }, { offset: 0, limit: 10 }),
      /Import preview not found/,
    )
  })

  test('large preview lists only notable rows', async () => {
    const { previewLines } = await setUp()
    // A temporary UPN (ending in a letter) is imported with a warning.
    const rest = `8012${String(99_999).padStart(7, '0')}A`
    const lines = [...csvRows(1200), `${upnCheckLetter(rest)}${rest},Ng,Ann,01/09/2010,10,E,ASD`]

    const preview = await previewLines(lines)

    assert.equal(preview.summary.new, 1201)
    assert.deepEqual(
      preview.rows.map((row) => row.line),
      [1202],
    )
    assert.equal(preview.rowsLeftOut, 1200)
  })

  test('re-import after staged preview writes nothing', async () => {
    const { db, clock, imports, school, previewLines } = await setUp()
    const lines = csvRows(300)
    await imports.commit((await previewLines(lines)).id)
    const snapshot = () =>
      db
        .selectFrom('students')
        .selectAll()
        .where('school_id', '=', school.id)
        .orderBy('id')
        .execute()
    const before = await snapshot()

    clock.now = new Date('2026-01-13T09:00:00.000Z')
    const again = await previewLines(lines)
    const result = await imports.commit(again.id)

    assert.equal(again.summary.unchanged, 300)
    assert.equal(again.summary.new + again.summary.updated + again.summary.rejected, 0)
    assert.equal(result.markedNotInLatest, 0)
    assert.deepEqual(await snapshot(), before)
  })

  test('unreadable file leaves no preview', async () => {
    const { db, school, previewLines } = await setUp()
    const lines = [...csvRows(400), `${upnFor(401)},"Okafor,Ada,14/03/2010,10,E,ASD`]

    await assert.rejects(previewLines(lines), { name: 'ImportFileError' })

    const left = await db
      .selectFrom('import_previews')
      .select('id')
      .where('school_id', '=', school.id)
      .execute()
    assert.deepEqual(left, [])
  })

  test('absent students counted in SQL', async () => {
    const { imports, scope, previewLines } = await setUp()
    await imports.commit((await previewLines(csvRows(30))).id)

    const preview = await previewLines(csvRows(10))

    assert.equal(await imports.countNotInFile(preview.id, scope), 20)
    assert.equal(preview.notInFile.length, 20)
    assert.equal(preview.notInFileLeftOut, 0)
    const result = await imports.commit(preview.id)
    assert.equal(result.markedNotInLatest, 20)
  })
})
