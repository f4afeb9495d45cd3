import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'

import { WINDOWS_1252_WARNING } from './decode-text.js'
import { ImportFileError } from './import.types.js'
import { readRegister, type RawRecord } from './read-file.js'

const MAX_BYTES = 1024 * 1024

/** Splits the bytes into small chunks, so multi-byte characters and the BOM cross chunk edges. */
function streamOf(content: string | Buffer, chunkSize = 7): Readable {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  const chunks: Buffer[] = []
  for (let start = 0; start < bytes.length; start += chunkSize) {
    chunks.push(bytes.subarray(start, start + chunkSize))
  }
  return Readable.from(chunks)
}

async function readAll(
  fileName: string,
  content: string | Buffer,
  maxBytes = MAX_BYTES,
): Promise<{ format: string; warnings: string[]; records: RawRecord[] }> {
  const chunkSize = content.length > 100_000 ? 64 * 1024 : 7
  const stream = streamOf(content, chunkSize)
  const reader = await readRegister({ fileName, stream }, { maxBytes })
  const records: RawRecord[] = []
  for await (const record of reader.records) records.push(record)
  return { format: reader.format, warnings: reader.warnings, records }
}

async function workbookBytes(build: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  build(workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

describe('readRegister with CSV', () => {
  it('strips a BOM and reads CRLF lines', async () => {
    const { format, records } = await readAll(
      'a.csv',
      '\uFEFFUPN,DOB\r\nB801200005001,01/09/2010\r\n',
    )

    assert.equal(format, 'csv')
    assert.deepEqual(records[0]?.cells, ['UPN', 'DOB'])
    assert.deepEqual(records[1], { line: 2, sheet: 1, cells: ['B801200005001', '01/09/2010'] })
  })

  it('detects a semicolon delimiter', async () => {
    const { records } = await readAll(
      'a.csv',
      'UPN;Surname;SEN Status\nB801200005001;Ng;"E - EHC, plan"\n',
    )

    assert.deepEqual(records[1]?.cells, ['B801200005001', 'Ng', 'E - EHC, plan'])
  })

  it('detects a tab delimiter', async () => {
    const { records } = await readAll('a.txt', 'UPN\tSurname\nB801200005001\tNg\n')

    assert.deepEqual(records[1]?.cells, ['B801200005001', 'Ng'])
  })

  it('numbers a quoted multi-line cell by its first line', async () => {
    const content = 'UPN,Note\nA,"two\nlines"\n\nB,one\n'
    const { records } = await readAll('a.csv', content)

    assert.deepEqual(
      records.map((record) => record.line),
      [1, 2, 4, 5],
    )
    assert.deepEqual(records[3]?.cells, ['B', 'one'])
  })

  it('numbers lines after a CRLF multi-line cell', async () => {
    const content = 'UPN,Note\r\nA,"two\r\nlines"\r\nB,one\r\n\r\nC,"x\ny"\r\nD,end\r\n'
    const { records } = await readAll('a.csv', content)

    assert.deepEqual(
      records.map((record) => record.line),
      [1, 2, 4, 5, 6, 8],
    )
    assert.deepEqual(records[2]?.cells, ['B', 'one'])
    assert.deepEqual(records[5]?.cells, ['D', 'end'])
  })

  it('names the broken line after a CRLF multi-line cell', async () => {
    const reading = readAll('a.csv', 'UPN,Note\r\nA,"two\r\nlines"\r\nB,"open\r\nC,x\r\n')

    await assert.rejects(reading, /opened on line 4 is never closed/)
  })

  it('keeps UTF-8 split across chunks', async () => {
    const { records, warnings } = await readAll('a.csv', 'Surname\nÓ Súilleabháin\nZoë\n')

    assert.deepEqual(records[1]?.cells, ['Ó Súilleabháin'])
    assert.deepEqual(records[2]?.cells, ['Zoë'])
    assert.deepEqual(warnings, [])
  })

  it('falls back to Windows-1252 with a warning', async () => {
    const bytes = Buffer.from('Surname,Forename\nO\u2019Brien,Zo\u00eb\n', 'latin1')
    const windows1252 = Buffer.from([...bytes].map((byte) => (byte === 0x19 ? 0x92 : byte)))
    const { records, warnings } = await readAll('a.csv', windows1252)

    assert.deepEqual(records[1]?.cells, ['O\u2019Brien', 'Zo\u00eb'])
    assert.deepEqual(warnings, [WINDOWS_1252_WARNING])
  })

  it('rejects an unterminated quote', async () => {
    const reading = readAll('a.csv', 'UPN,Surname\nB801200005001,"Ng\nC1,Ali\n')

    await assert.rejects(reading, (error: Error) => {
      assert.ok(error instanceof ImportFileError)
      assert.match(error.message, /opened on line 2 is never closed/)
      return true
    })
  })

  it('rejects an empty file', async () => {
    await assert.rejects(readAll('a.csv', ''), /The file is empty/)
  })

  it('words file messages with the file label', async () => {
    const empty = (fileLabel?: string) =>
      readRegister({ fileName: 'a.csv', stream: streamOf('') }, { maxBytes: MAX_BYTES, fileLabel })

    await assert.rejects(empty(), {
      message: 'The file is empty. Export the register again and upload it.',
    })
    await assert.rejects(empty('destinations file'), {
      message: 'The file is empty. Export the destinations file again and upload it.',
    })
  })

  it('rejects binary content', async () => {
    const binary = Buffer.from([0x55, 0x50, 0x4e, 0x0a, 0x00, 0x01, 0x02, 0x03, 0xff])

    await assert.rejects(readAll('a.csv', binary), /does not look like a text file/)
  })

  it('passes one NUL in a cell through', async () => {
    const { records } = await readAll('a.csv', 'UPN,Surname\nA1,N\u0000g\nA2,Bo\n')

    assert.deepEqual(records[1]?.cells, ['A1', 'N\u0000g'])
    assert.equal(records.length, 3)
  })

  it('rejects text with many NUL bytes', async () => {
    const content = `UPN,Surname\n${'A\u0000'.repeat(200)}\n`

    await assert.rejects(readAll('a.csv', content), /does not look like a text file/)
  })

  it('rejects a UTF-16 file', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('UPN\n', 'utf16le')])

    await assert.rejects(readAll('a.csv', utf16), /UTF-16/)
  })

  it('rejects a file over the size limit', async () => {
    const content = 'UPN,Surname\n' + 'B801200005001,Ng\n'.repeat(200)

    await assert.rejects(readAll('a.csv', content, 1024), (error: Error) => {
      assert.ok(error instanceof ImportFileError)
      assert.match(error.message, /larger than the 1 KB limit/)
      return true
    })
  })

  it('names the limit in MB', async () => {
    const content = Buffer.alloc(2 * 1024 * 1024 + 10, 'a')

    await assert.rejects(readAll('a.csv', content, 2 * 1024 * 1024), /the 2 MB limit/)
  })
})

describe('readRegister format checks', () => {
  it('rejects a .xlsx that is text', async () => {
    await assert.rejects(readAll('register.xlsx', 'UPN,DOB\n'), /is named \.xlsx but is not/)
  })

  it('rejects a .csv that is a workbook', async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet('A').addRow(['UPN']))

    await assert.rejects(readAll('register.csv', bytes), /is named \.csv but is a ZIP/)
  })

  it('rejects an old .xls workbook', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])

    await assert.rejects(readAll('register.dat', ole), /Excel 97-2003/)
  })

  it('rejects a damaged workbook', async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet('A').addRow(['UPN']))

    await assert.rejects(readAll('register.xlsx', bytes.subarray(0, 600)), /may be damaged/)
  })

  it('reads a workbook whatever its name', async () => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet('A').addRow(['UPN']))

    assert.equal((await readAll('register', bytes)).format, 'xlsx')
  })
})

describe('readRegister with XLSX', () => {
  it('reads dates, numbers, rich text and formulas', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Register')
      sheet.addRow(['Year 9 register'])
      sheet.addRow(['UPN', 'Surname', 'Forename', 'DOB', 'Year'])
      const dateOfBirth = new Date(Date.UTC(2010, 8, 1))
      const surname = { richText: [{ text: 'Ó ' }, { text: 'Brien', font: { bold: true } }] }
      const forename = { formula: 'UPPER("ann")', result: 'ANN' }
      sheet.addRow(['B801200005001', surname, forename, dateOfBirth, 9])
      sheet.getCell('D3').numFmt = 'dd/mm/yyyy'
    })
    const { format, records } = await readAll('register.xlsx', bytes)

    assert.equal(format, 'xlsx')
    assert.deepEqual(records[0], { line: 1, sheet: 1, cells: ['Year 9 register'] })
    assert.deepEqual(records[2]?.cells.slice(0, 3), ['B801200005001', 'Ó Brien', 'ANN'])
    assert.deepEqual(records[2]?.cells[3], new Date(Date.UTC(2010, 8, 1)))
    assert.equal(records[2]?.cells[4], 9)
  })

  it('reads a date serial in the 1904 date system', async () => {
    // 38960 counts days from 1 January 1904, so it is 1 September 2010 (40422 in the 1900 system).
    const bytes = await workbookBytes((workbook) => {
      workbook.properties.date1904 = true
      const sheet = workbook.addWorksheet('Register')
      sheet.addRow(['DOB'])
      sheet.addRow([38960])
      sheet.getCell('A2').numFmt = 'dd/mm/yyyy'
    })
    const { records } = await readAll('register.xlsx', bytes)

    assert.deepEqual(records[1]?.cells, [new Date(Date.UTC(2010, 8, 1))])
  })

  it('rejects a cell over 10,000 characters', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('A')
      sheet.addRow(['UPN', 'Surname'])
      sheet.addRow(['A1', 'x'.repeat(10_001)])
    })

    await assert.rejects(
      readAll('register.xlsx', bytes),
      /Cell B2 of worksheet 1 has 10,001 characters/,
    )
  })

  it('reads a cell of 10,000 characters', async () => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('A').addRow(['x'.repeat(10_000)])
    })

    const { records } = await readAll('register.xlsx', bytes)

    assert.equal((records[0]?.cells[0] as string).length, 10_000)
  })

  it('gives worksheet row numbers', async () => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Register')
      sheet.getCell('A2').value = 'UPN'
      sheet.getCell('A5').value = 'B801200005001'
    })
    const { records } = await readAll('register.xlsx', bytes)

    assert.deepEqual(
      records.map((record) => record.line),
      [2, 5],
    )
  })
})
