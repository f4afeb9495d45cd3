import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { test } from 'node:test'

import ExcelJS from 'exceljs'

import { forEachEngine } from '../../../db/test-database.js'
import { ImportFileError } from '../../import/import.types.js'
import { aValidSpell, setUpDestinationSchool, TEST_NOW } from '../destination.test-data.js'
import { createDestinationImportService } from './destination-import.service.js'
import { DestinationPreviewError } from './destination-import.service.js'

const HEADER =
  'UPN,Destination Type,NCCIS Code,Start Date,End Date,Hours per week,Paid,Provider,Date checked,Intended or actual,Reason'

function csvSource(text: string, fileName = 'destinations.csv') {
  return { fileName, stream: Readable.from([Buffer.from(text)]) }
}

async function xlsxSource(rows: (string | number | Date)[][]) {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Destinations')
  for (const row of rows) sheet.addRow(row)
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: 'destinations.xlsx', stream: Readable.from([bytes]) }
}

const OPTIONS = { maxBytes: 1024 * 1024, by: 'leader' }

forEachEngine('destination import', (getDatabase) => {
  async function setUp() {
    const { db } = getDatabase()
    const school = await setUpDestinationSchool(db)
    const imports = createDestinationImportService(db, { now: () => TEST_NOW })
    return { ...school, db, destinationImports: imports }
  }

  test('CSV preview lists new and rejected rows', async () => {
    const { destinationImports, school, ada, bea } = await setUp()
    const csv = [
      HEADER,
      `${ada.upn},further-education-college,,03/09/2025,,,,Riverside College,02/11/2026,actual,`,
      `${bea.upn},,330,01/10/2025,,37.5,yes,Corner Shop,,Actual,`,
      `${ada.upn},paid-employment,,01/09/2025,,10,yes,Cafe,,actual,`,
      `${bea.upn},gap-year,,2025-09-01,,,,,,actual,`,
      `B999999999999,not-known,,01/09/2025,,,,,,actual,`,
      `${ada.upn},apprenticeship,,31/02/2025,,,,,,soon,`,
    ].join('\n')

    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    assert.deepEqual(
      preview.rows.map((row) => row.status),
      ['new', 'new', 'rejected', 'rejected', 'rejected', 'rejected'],
    )
    assert.equal(preview.summary.new, 2)
    assert.equal(preview.summary.rejected, 4)
    assert.equal(preview.rows[1]?.spell?.type, 'paid-employment')
    assert.equal(preview.rows[1]?.spell?.nccisCode, '330')
    assert.equal(preview.rows[1]?.spell?.hoursPerWeek, 37.5)
    const messages = (index: number) => preview.rows[index]?.errors.map((e) => e.message) ?? []
    assert.match(messages(2).join(' '), /Employment below the paid-employment hours threshold/)
    assert.equal(preview.rows[3]?.errors[0]?.column, 'Destination Type')
    assert.equal(preview.rows[3]?.errors[0]?.value, 'gap-year')
    assert.match(messages(4).join(' '), /check letter|not a student of this school/)
    assert.equal(messages(5).length, 2)
    assert.match(messages(5).join(' '), /Intended or actual "soon" is not intended or actual/)
  })

  test('XLSX preview reads date and number cells', async () => {
    const { destinationImports, school, ada } = await setUp()
    const source = await xlsxSource([
      ['Destinations for the LA return'],
      ['UPN', 'Type', 'Start date', 'Hours', 'Paid', 'Status'],
      [ada.upn ?? '', 'apprenticeship', new Date(Date.UTC(2025, 8, 1)), 30, 'Yes', 'Actual'],
    ])

    const preview = await destinationImports.previewFile(school.id, source, OPTIONS)

    assert.equal(preview.format, 'xlsx')
    assert.equal(preview.rows.length, 1)
    assert.equal(preview.rows[0]?.status, 'new')
    assert.equal(preview.rows[0]?.spell?.startDate, '2025-09-01')
    assert.equal(preview.rows[0]?.spell?.hoursPerWeek, 30)
    assert.equal(preview.rows[0]?.line, 3)
  })

  test('file without needed columns refused', async () => {
    const { destinationImports, school } = await setUp()

    await assert.rejects(
      destinationImports.previewFile(school.id, csvSource('UPN,Provider\nX,Y\n'), OPTIONS),
      (error: unknown) =>
        error instanceof ImportFileError &&
        /no column for Destination Type \(or NCCIS Code\) or Start Date/.test(error.message),
    )
  })

  test('file without header refused', async () => {
    const { destinationImports, school } = await setUp()

    await assert.rejects(
      destinationImports.previewFile(school.id, csvSource('a,b\n1,2\n'), OPTIONS),
      ImportFileError,
    )
  })

  test('commit writes new rows and audits each', async () => {
    const { destinationImports, destinations, school, scope, ada, bea } = await setUp()
    const csv = [
      HEADER,
      `${ada.upn},further-education-college,,03/09/2025,,,,Riverside College,,actual,`,
      `${bea.upn},apprenticeship,,01/09/2025,,30,yes,Garage,,intended,`,
      `${bea.upn},gap-year,,01/09/2025,,,,,,actual,`,
    ].join('\n')
    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    const result = await destinationImports.commit(preview.id, scope, 'leader')

    assert.equal(result.written, 2)
    const adaPage = await destinations.getDestinations(scope, ada.id)
    const beaPage = await destinations.getDestinations(scope, bea.id)
    assert.equal(adaPage?.spells[0]?.provider, 'Riverside College')
    assert.equal(beaPage?.spells[0]?.intent, 'intended')
    assert.equal(adaPage?.events[0]?.action, 'destination.import')
    assert.deepEqual(adaPage?.events[0]?.details.type, {
      from: null,
      to: 'further-education-college',
    })
    await assert.rejects(
      destinationImports.getPreview(preview.id, scope),
      (error: unknown) => error instanceof DestinationPreviewError && error.code === 'not_found',
    )
  })

  test('same file again is unchanged', async () => {
    const { destinationImports, school, scope, ada } = await setUp()
    const csv = `${HEADER}\n${ada.upn},specialist-college,,03/09/2025,,,,Hill College,,actual,\n`
    const first = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)
    await destinationImports.commit(first.id, scope, 'leader')

    const again = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    assert.equal(again.rows[0]?.status, 'unchanged')
    assert.equal(again.summary.new, 0)
  })

  test('repeated and conflicting rows in one file', async () => {
    const { destinationImports, school, ada, bea } = await setUp()
    const row = `${ada.upn},specialist-college,,03/09/2025,,,,Hill College,,actual,`
    const csv = [
      HEADER,
      row,
      row,
      `${bea.upn},apprenticeship,,01/09/2025,,30,yes,Garage,,actual,`,
      `${bea.upn},apprenticeship,,01/09/2025,,35,yes,Garage,,actual,`,
    ].join('\n')

    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    assert.deepEqual(
      preview.rows.map((r) => r.status),
      ['new', 'unchanged', 'rejected', 'rejected'],
    )
    assert.match(preview.rows[1]?.warnings[0]?.message ?? '', /repeats line 2/)
    assert.match(preview.rows[2]?.errors[0]?.message ?? '', /Line 5/)
    assert.match(preview.rows[3]?.errors[0]?.message ?? '', /Line 4/)
  })

  test('stale preview refused and nothing written', async () => {
    const { destinationImports, destinations, school, scope, ada, bea } = await setUp()
    const csv = `${HEADER}\n${ada.upn},specialist-college,,03/09/2025,,,,Hill College,,actual,\n`
    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)
    const added = await destinations.addSpell(scope, bea.id, aValidSpell(), 'senco')
    await destinations.removeSpell(
      scope,
      { studentId: bea.id, spellId: added.ok ? added.value.id : 0, version: 1 },
      'senco',
    )

    await assert.rejects(
      destinationImports.commit(preview.id, scope, 'leader'),
      (error: unknown) => error instanceof DestinationPreviewError && error.code === 'stale',
    )
    assert.equal((await destinations.getDestinations(scope, ada.id))?.spells.length, 0)
  })

  test('commit is atomic when a write fails', async () => {
    const { db, destinationImports, destinations, school, scope, ada, bea } = await setUp()
    const csv = [
      HEADER,
      `${ada.upn},specialist-college,,03/09/2025,,,,Hill College,,actual,`,
      `${bea.upn},specialist-college,,03/09/2025,,,,Hill College,,actual,`,
    ].join('\n')
    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)
    // A staged row pointing at a student that does not exist makes the second insert fail.
    await db
      .updateTable('destination_import_rows')
      .set({ student_id: 999_999_999 })
      .where('preview_id', '=', preview.id)
      .where('position', '=', 1)
      .execute()

    await assert.rejects(destinationImports.commit(preview.id, scope, 'leader'))

    assert.equal((await destinations.getDestinations(scope, ada.id))?.spells.length, 0)
    const staged = await destinationImports.getPreview(preview.id, scope)
    assert.equal(staged.rows.length, 2)
  })

  test('expired preview refused', async () => {
    const { db, school, scope, ada } = await setUp()
    let now = TEST_NOW
    const imports = createDestinationImportService(db, { now: () => now, previewLifetimeMs: 1000 })
    const csv = `${HEADER}\n${ada.upn},specialist-college,,03/09/2025,,,,Hill College,,actual,\n`
    const preview = await imports.previewFile(school.id, csvSource(csv), OPTIONS)
    now = new Date(TEST_NOW.getTime() + 2000)

    await assert.rejects(
      imports.commit(preview.id, scope, 'leader'),
      (error: unknown) => error instanceof DestinationPreviewError && error.code === 'expired',
    )
  })

  test('preview of another school not found', async () => {
    const { db, destinationImports, school, ada } = await setUp()
    const other = await setUpDestinationSchool(db)
    const csv = `${HEADER}\n${ada.upn},specialist-college,,03/09/2025,,,,Hill College,,actual,\n`
    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    await assert.rejects(
      destinationImports.commit(preview.id, other.scope, 'leader'),
      (error: unknown) => error instanceof DestinationPreviewError && error.code === 'not_found',
    )
    await assert.rejects(
      destinationImports.cancel(preview.id, other.scope),
      DestinationPreviewError,
    )
  })

  test('NCCIS code in the type column accepted', async () => {
    const { destinationImports, school, ada, bea } = await setUp()
    const csv = [
      'UPN,Destination Type,Start Date,Hours per week,Paid,Intended or actual',
      `${ada.upn},310,01/09/2025,30,yes,actual`,
      `${bea.upn},330,01/10/2025,37.5,yes,actual`,
      `${ada.upn},999,01/09/2025,,,actual`,
      `${bea.upn},410,01/09/2025,,,actual`,
    ].join('\n')

    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    assert.deepEqual(
      preview.rows.map((row) => row.status),
      ['new', 'new', 'rejected', 'rejected'],
    )
    assert.equal(preview.rows[0]?.spell?.type, 'apprenticeship')
    assert.equal(preview.rows[1]?.spell?.type, 'paid-employment')
    assert.equal(preview.rows[1]?.spell?.nccisCode, '330')
    const unknown = preview.rows[2]?.errors[0]
    assert.equal(unknown?.column, 'Destination Type')
    assert.match(unknown?.message ?? '', /"999" is not an NCCIS code or a destination type/)
    assert.doesNotMatch(unknown?.message ?? '', /give an NCCIS code instead/)
    assert.match(preview.rows[3]?.errors[0]?.message ?? '', /fits no one destination type/)
  })

  test('type and NCCIS columns with different codes rejected', async () => {
    const { destinationImports, school, ada } = await setUp()
    const csv = `UPN,Destination Type,NCCIS Code,Start Date\n${ada.upn},310,230,01/09/2025\n`

    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    assert.equal(preview.rows[0]?.status, 'rejected')
    assert.match(
      preview.rows[0]?.errors[0]?.message ?? '',
      /"310" is read as an NCCIS code, but NCCIS Code gives another code, "230"/,
    )
  })

  test('negative hours and future actual starts rejected', async () => {
    const { destinationImports, school, ada, bea } = await setUp()
    const csv = [
      HEADER,
      `${ada.upn},paid-employment,,01/09/2025,,-5,yes,Cafe,,actual,`,
      `${bea.upn},further-education-college,,10/01/2027,,,,College,,actual,`,
      `${bea.upn},further-education-college,,10/01/2027,,,,College,,intended,`,
    ].join('\n')

    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    const hours = preview.rows[0]?.errors[0]
    assert.equal(hours?.column, 'Hours per week')
    assert.match(hours?.message ?? '', /Hours per week "-5" cannot be negative/)
    const future = preview.rows[1]?.errors[0]
    assert.equal(future?.column, 'Start Date')
    assert.match(future?.message ?? '', /10 January 2027 is after today \(4 December 2026\)/)
    assert.match(future?.message ?? '', /Record it as intended until it starts/)
    assert.equal(preview.rows[2]?.status, 'new')
  })

  test('control characters named by code point', async () => {
    const { destinationImports, school, ada } = await setUp()
    const csv = [HEADER, `${ada.upn},paid-employment,,01/09/2025,,30,yes,Ca\u0007fe,,actual,`].join(
      '\n',
    )

    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    const problem = preview.rows[0]?.errors[0]
    assert.equal(problem?.column, 'Provider')
    assert.match(problem?.message ?? '', /contains the control character U\+0007\./)
  })

  test('CRLF file numbers rows after a multi-line cell', async () => {
    const { destinationImports, school, ada, bea } = await setUp()
    const csv = [
      'UPN,Destination Type,Start Date,Provider',
      `${ada.upn},further-education-college,01/09/2025,"Riverside\r\nCollege"`,
      `${bea.upn},gap-year,01/09/2025,`,
      '',
    ].join('\r\n')

    const preview = await destinationImports.previewFile(school.id, csvSource(csv), OPTIONS)

    assert.deepEqual(
      preview.rows.map((row) => row.line),
      [2, 4],
    )
  })

  test('file messages name a destinations file', async () => {
    const { destinationImports, school } = await setUp()
    const small = { ...OPTIONS, maxBytes: 10 }

    await assert.rejects(
      destinationImports.previewFile(school.id, csvSource(''), OPTIONS),
      (error: unknown) =>
        error instanceof ImportFileError &&
        error.message === 'The file is empty. Export the destinations file again and upload it.',
    )
    await assert.rejects(
      destinationImports.previewFile(school.id, csvSource(`${HEADER}\n`), small),
      (error: unknown) =>
        error instanceof ImportFileError &&
        /split the destinations file into smaller files/.test(error.message) &&
        !/register/.test(error.message),
    )
  })
})
