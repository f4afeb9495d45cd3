import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { test } from 'node:test'

import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { forEachEngine } from '../../db/test-database.js'
import type { Tables } from '../../db/tables.js'
import type { Kysely } from 'kysely'
import { EXPORT_FORMATS, EXPORT_KIND_INFO, EXPORT_KINDS } from './export.kinds.js'
import type { ExportFormat, ExportKind } from './export.kinds.js'
import type { Cell } from './export.paging.js'
import { MISSING_NCCIS_CODE } from './export.return-rows.js'
import { createExportService } from './export.service.js'
import {
  collectingStream,
  FORMULA_TEXTS,
  insertStudents,
  putInOrganisation,
  setUpExportSchool,
  setUpOtherSchool,
} from './export.test-data.js'
import { safeCell } from './export.writers.js'

const NOW = new Date('2026-12-04T09:00:00.000Z')

type Scope = { schoolIds: number[] }

/** Runs one export and returns its bytes and summary. */
async function exportBytes(
  db: Kysely<Tables>,
  scope: Scope,
  kind: ExportKind,
  format: ExportFormat,
  options: { pageSize?: number } = {},
) {
  const service = createExportService(db, { now: () => NOW, ...options })
  const out = collectingStream()
  const summary = await service.write(scope, { kind, format }, 'exporter@school.test', out.stream)
  return { bytes: out.bytes(), summary }
}

/** Reads an export back as rows of text, header first, with empty cells as ''. */
async function readBack(bytes: Buffer, format: ExportFormat, width: number): Promise<string[][]> {
  if (format === 'csv') return parse(bytes, { bom: true, relax_column_count: false }) as string[][]

  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  assert.ok(sheet, 'the workbook has a worksheet')
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = []
    for (let column = 1; column <= width; column += 1) {
      const value = row.getCell(column).value
      cells.push(value === null || value === undefined ? '' : String(value as string | number))
    }
    rows.push(cells)
  })
  return rows
}

/**
 * Returns text as an XLSX file gives it back. XML 1.0 has parsers turn a carriage return into a
 * line feed, so a CR survives in CSV only.
 */
function asStoredIn(format: ExportFormat, text: string): string {
  return format === 'xlsx' ? text.replace(/\r\n?/g, '\n') : text
}

/** Reads a kind's rows straight from its source, as the writer should write them. */
async function sourceRows(db: Kysely<Tables>, scope: Scope, kind: ExportKind) {
  const rows: string[][] = []
  const source = { db, schoolIds: scope.schoolIds, today: '2026-12-04', pageSize: 2, onPage() {} }
  for await (const record of EXPORT_KIND_INFO[kind].rows(source)) {
    rows.push(record.cells.map((cell: Cell) => String(safeCell(cell) ?? '')))
  }
  return rows
}

forEachEngine('export service', (getDatabase) => {
  for (const kind of EXPORT_KINDS) {
    for (const format of EXPORT_FORMATS) {
      test(`${kind} round-trips as ${format}`, async () => {
        const { db } = getDatabase()
        const { scope } = await setUpExportSchool(db)
        const info = EXPORT_KIND_INFO[kind]

        const { bytes, summary } = await exportBytes(db, scope, kind, format)
        const rows = await readBack(bytes, format, info.columns.length)
        const expected = (await sourceRows(db, scope, kind)).map((row) =>
          row.map((cell) => asStoredIn(format, cell)),
        )

        assert.deepEqual(rows[0], [...info.columns])
        assert.ok(expected.length > 0, `${kind} has rows to export`)
        assert.deepEqual(rows.slice(1), expected)
        assert.equal(summary.rows, expected.length)
      })
    }
  }

  test('csv starts with a byte order mark', async () => {
    const { db } = getDatabase()
    const { scope } = await setUpExportSchool(db)

    const { bytes } = await exportBytes(db, scope, 'students', 'csv')

    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf])
  })

  for (const format of EXPORT_FORMATS) {
    test(`formulas are neutralised in ${format}`, async () => {
      const { db } = getDatabase()
      const { scope } = await setUpExportSchool(db)
      const cellsOf = async (kind: ExportKind) => {
        const { bytes } = await exportBytes(db, scope, kind, format)
        return (await readBack(bytes, format, EXPORT_KIND_INFO[kind].columns.length)).flat()
      }

      const students = await cellsOf('students')
      const activities = await cellsOf('activities')
      const destinations = await cellsOf('destinations')

      assert.ok(students.includes(`'${FORMULA_TEXTS[0]}`), 'surname starting with =')
      assert.ok(students.includes(`'${FORMULA_TEXTS[2]}`), 'forename starting with -')
      assert.ok(activities.includes(`'${FORMULA_TEXTS[1]}`), 'provider starting with +')
      assert.ok(activities.includes(`'${FORMULA_TEXTS[3]}`), 'reflection starting with @')
      assert.ok(destinations.includes(`'${FORMULA_TEXTS[4]}`), 'provider starting with a tab')
      const returned = asStoredIn(format, `'${FORMULA_TEXTS[5]}`)
      assert.ok(destinations.includes(returned), 'provider starting with CR')
      for (const text of FORMULA_TEXTS) {
        const all = [...students, ...activities, ...destinations]
        assert.ok(!all.includes(text), `${JSON.stringify(text)} appears without its prefix`)
      }
    })
  }

  test('la-return holds no name, identifier or birth date', async () => {
    const { db } = getDatabase()
    const { scope } = await setUpExportSchool(db)
    const stored = await db
      .selectFrom('students')
      .selectAll()
      .where('school_id', 'in', scope.schoolIds)
      .execute()

    for (const format of EXPORT_FORMATS) {
      const { bytes } = await exportBytes(db, scope, 'la-return', format)
      const rows = await readBack(bytes, format, EXPORT_KIND_INFO['la-return'].columns.length)
      const text = rows.flat().join('\n')
      for (const student of stored) {
        const personal = [
          student.legal_surname,
          student.legal_forename,
          student.preferred_surname,
          student.preferred_forename,
          student.upn,
          student.uln,
          student.mis_id,
          student.former_upn,
          student.date_of_birth,
        ]
        for (const value of personal.filter((item): item is string => Boolean(item))) {
          assert.ok(!text.includes(value), `${format} contains ${value}`)
        }
      }
      assert.equal(rows.length, 3, 'a header and one row for each of Ada and Bea')
    }
  })

  test('return files report the current spell', async () => {
    const { db } = getDatabase()
    const { scope, ada, bea } = await setUpExportSchool(db)
    const rowsOf = async (kind: ExportKind) => {
      const { bytes } = await exportBytes(db, scope, kind, 'csv')
      const [header = [], ...rows] = await readBack(bytes, 'csv', 0)
      return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))
    }

    const nccis = await rowsOf('nccis')
    const laReturn = await rowsOf('la-return')

    const adaRow = nccis.find((row) => row.UPN === ada.upn)
    const beaRow = nccis.find((row) => row.UPN === bea.upn)
    assert.equal(adaRow?.['Intended or actual'], 'Actual')
    assert.equal(adaRow?.['NCCIS activity code'], '230')
    assert.equal(adaRow?.['Start date'], '2026-09-03')
    assert.equal(adaRow?.['Date checked'], '2026-11-01')
    assert.equal(beaRow?.['Intended or actual'], 'Intended')
    assert.equal(beaRow?.['NCCIS activity code'], '460')
    const sustained = laReturn.map((row) => row.Sustained).sort()
    assert.deepEqual(sustained, ['', 'Not yet known'])
    const types = laReturn.map((row) => row['Destination type id']).sort()
    assert.deepEqual(types, ['further-education-college', 'supported-internship'])
  })

  test('return files flag a missing NCCIS code', async () => {
    const { db } = getDatabase()
    const { scope, school, ada, bea } = await setUpExportSchool(db)
    // Paid employment fits several NCCIS codes, and none is chosen for Bea's job.
    await db
      .insertInto('destination_spells')
      .values({
        school_id: school.id,
        student_id: bea.id,
        intent: 'actual',
        type: 'paid-employment',
        start_date: '2026-09-01',
        created_by: 'teacher',
        created_at: '2026-12-04T09:00:00.000Z',
        updated_by: 'teacher',
        updated_at: '2026-12-04T09:00:00.000Z',
      })
      .execute()
    const rowsOf = async (kind: ExportKind) => {
      const { bytes } = await exportBytes(db, scope, kind, 'csv')
      const [header = [], ...rows] = await readBack(bytes, 'csv', 0)
      return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])))
    }

    const nccis = await rowsOf('nccis')
    const beaRow = nccis.find((row) => row.UPN === bea.upn)
    const adaRow = nccis.find((row) => row.UPN === ada.upn)
    assert.equal(beaRow?.['NCCIS activity code'], '')
    assert.equal(beaRow?.Check, MISSING_NCCIS_CODE)
    assert.equal(adaRow?.Check, '')
    const checks = (await rowsOf('la-return')).map((row) => row.Check).sort()
    assert.deepEqual(checks, ['', MISSING_NCCIS_CODE])

    const service = createExportService(db, { now: () => NOW })
    const missing = await service.studentsMissingNccisCode(scope)
    assert.deepEqual(
      missing.map((item) => item.studentId),
      [bea.id],
    )
  })

  test('la-return keys are stable and per organisation', async () => {
    const { db } = getDatabase()
    const upn = 'K801200001001'
    const first = await setUpOtherSchool(db, upn)
    const second = await setUpOtherSchool(db, upn)
    const elsewhere = await setUpOtherSchool(db, upn)
    await putInOrganisation(db, [first.schoolId, second.schoolId])
    await putInOrganisation(db, [elsewhere.schoolId])
    const keyOf = async (schoolId: number) => {
      const { bytes } = await exportBytes(db, { schoolIds: [schoolId] }, 'la-return', 'csv')
      return (await readBack(bytes, 'csv', 1))[1]?.[0]
    }

    const key = await keyOf(first.schoolId)
    const again = await keyOf(first.schoolId)
    const sameTrust = await keyOf(second.schoolId)
    const otherTrust = await keyOf(elsewhere.schoolId)

    assert.match(key ?? '', /^P-[0-9A-F]{16}$/)
    assert.equal(again, key)
    assert.equal(sameTrust, key)
    assert.notEqual(otherTrust, key)
    const secrets = await db.selectFrom('pseudonym_secrets').selectAll().execute()
    assert.equal(secrets.filter((row) => row.school_id === first.schoolId).length, 0)
  })

  test('another school never appears', async () => {
    const { db } = getDatabase()
    const { scope } = await setUpExportSchool(db)
    await setUpOtherSchool(db, 'A999999999999')

    for (const kind of EXPORT_KINDS) {
      const { bytes } = await exportBytes(db, scope, kind, 'csv')
      const text = bytes.toString('utf8')

      assert.ok(!text.includes('A999999999999'), `${kind} shows the other school's UPN`)
      assert.ok(!text.includes('Other '), `${kind} names the other school`)
    }
  })

  test('every export records an audit event per school', async () => {
    const { db } = getDatabase()
    const { scope } = await setUpExportSchool(db)
    const other = await setUpOtherSchool(db, 'B999999999999')
    const both = { schoolIds: [...scope.schoolIds, other.schoolId] }

    await exportBytes(db, both, 'destinations', 'xlsx')

    const events = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'data.export')
      .where('school_id', 'in', both.schoolIds)
      .orderBy('school_id')
      .execute()
    assert.equal(events.length, 2)
    const details = events.map((event) => JSON.parse(event.details) as Record<string, unknown>)
    assert.deepEqual(details[0], { kind: 'destinations', format: 'xlsx', rows: 3, complete: true })
    assert.deepEqual(details[1], { kind: 'destinations', format: 'xlsx', rows: 1, complete: true })
    assert.ok(events.every((event) => event.actor === 'exporter@school.test'))
    assert.ok(events.every((event) => event.student_id === null))
  })

  test('cut-short download is recorded incomplete', async () => {
    const { db } = getDatabase()
    const school = await setUpOtherSchool(db, 'D999999999999')
    await insertStudents(db, school.schoolId, 50)
    const service = createExportService(db, { now: () => NOW, pageSize: 10 })
    const out = new Writable({
      write(_chunk, _encoding, callback) {
        callback(new Error('client went away'))
      },
    })

    await assert.rejects(
      service.write(
        { schoolIds: [school.schoolId] },
        { kind: 'students', format: 'csv' },
        'x',
        out,
      ),
    )

    const event = await db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'data.export')
      .where('school_id', '=', school.schoolId)
      .executeTakeFirstOrThrow()
    assert.equal((JSON.parse(event.details) as { complete: boolean }).complete, false)
  })

  test('5,000 students stream in pages', async () => {
    const { db } = getDatabase()
    const school = await setUpOtherSchool(db, 'C999999999999')
    await insertStudents(db, school.schoolId, 4_999)
    const scope = { schoolIds: [school.schoolId] }

    for (const format of EXPORT_FORMATS) {
      const { bytes, summary } = await exportBytes(db, scope, 'students', format, {
        pageSize: 500,
      })

      assert.equal(summary.rows, 5_000)
      // Ten full pages, and an eleventh that finds nothing after the last id.
      assert.equal(summary.pages, 11)
      const rows = await readBack(bytes, format, 2)
      assert.equal(rows.length, 5_001)
    }
  })
})

test('kinds have distinct titles and sheet names', () => {
  const infos = Object.values(EXPORT_KIND_INFO)

  assert.equal(new Set(infos.map((info) => info.title)).size, infos.length)
  assert.equal(new Set(infos.map((info) => info.sheetName)).size, infos.length)
  assert.ok(infos.every((info) => info.sheetName.length <= 31))
})
