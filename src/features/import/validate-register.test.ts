import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'
import ExcelJS from 'exceljs'

import type { ValidatedFile, ValidatedRow } from './import.types.js'
import { validateRegister } from './validate-file.js'

const HEADER = 'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need'

async function validateText(
  content: string | Buffer,
  fileName = 'register.csv',
): Promise<ValidatedFile> {
  const stream = Readable.from([typeof content === 'string' ? Buffer.from(content) : content])
  return validateRegister({ fileName, stream }, { maxBytes: 1024 * 1024 })
}

function onlyRow(file: ValidatedFile): ValidatedRow {
  assert.equal(file.rows.length, 1)
  return file.rows[0] as ValidatedRow
}

describe('validateRegister row rules', () => {
  it('reports every error of a row at once', async () => {
    const file = await validateText(`${HEADER}\nA801200005001, ,Ann,31/02/2010,9,Q,ASD\n`)
    const row = onlyRow(file)

    assert.equal(row.input, null)
    assert.deepEqual(
      row.errors.map((error) => error.column),
      ['UPN', 'Legal Surname', 'DOB', 'SEN Provision'],
    )
    assert.equal(row.errors[1]?.value, ' ')
    assert.match(row.errors[0]?.message ?? '', /"A801200005001".*gives B/)
    assert.match(row.errors[3]?.message ?? '', /^SEN Provision "Q" is not recognised/)
  })

  it('rejects a UPN in scientific notation', async () => {
    const row = onlyRow(await validateText(`${HEADER}\n9.4E+12,Ng,Ann,01/09/2010,9,K,ASD\n`))

    assert.equal(row.input, null)
    assert.match(row.errors[0]?.message ?? '', /scientific notation/)
  })

  it('rejects an admission number in scientific notation', async () => {
    const row = onlyRow(
      await validateText('Adno,Surname,Forename,DOB\n4.17E+05,Ng,Ann,01/09/2010\n'),
    )

    assert.equal(row.errors[0]?.column, 'Adno')
    assert.match(row.errors[0]?.message ?? '', /scientific notation/)
  })

  it('rejects two-digit years and bare numbers in CSV dates', async () => {
    const content = `${HEADER},EHCP Start Date\nB801200005001,Ng,Ann,01/09/10,9,E,ASD,40422\n`
    const row = onlyRow(await validateText(content))

    assert.match(row.errors[0]?.message ?? '', /^DOB "01\/09\/10" has a two-digit year/)
    assert.match(row.errors[1]?.message ?? '', /^EHCP Start Date "40422" is a bare number/)
  })

  it('rejects a row with no identifier', async () => {
    const row = onlyRow(await validateText(`${HEADER},ULN\n,Ng,Ann,01/09/2010,9,K,ASD,\n`))

    assert.equal(row.key, null)
    assert.equal(row.errors[0]?.column, null)
    assert.match(row.errors[0]?.message ?? '', /no UPN or ULN/)
  })

  it('keys a row by ULN, then MIS id', async () => {
    const content =
      'ULN,Adno,Surname,Forename,DOB\n1000000000,0042,Ng,Ann,01/09/2010\n,0043,Li,Bo,02/09/2010\n'
    const file = await validateText(content)

    assert.deepEqual(file.rows[0]?.key, { kind: 'uln', value: '1000000000' })
    assert.deepEqual(file.rows[1]?.key, { kind: 'mis', value: '0043' })
    assert.equal(file.rows[1]?.input?.misId, '0043')
  })

  it('reads columns in any order', async () => {
    const content = 'Primary Need,DOB,Forename,UPN,Surname\nasd,2010-09-01,Ann,b801200005001,Ng\n'
    const row = onlyRow(await validateText(content))

    assert.equal(row.input?.upn, 'B801200005001')
    assert.equal(row.input?.legalSurname, 'Ng')
    assert.equal(row.input?.dateOfBirth, '2010-09-01')
    assert.equal(row.input?.primaryNeed, 'ASD')
  })

  it('normalises names to NFC', async () => {
    const decomposed = 'Zoe\u0308'
    const row = onlyRow(
      await validateText(
        `${HEADER}\nB801200005001,  O'Neil-Smith ,${decomposed},01/09/2010,9,K,ASD\n`,
      ),
    )

    assert.equal(row.input?.legalSurname, "O'Neil-Smith")
    assert.equal(row.input?.legalForename, 'Zo\u00eb')
  })

  it('reads NC years and warns on others', async () => {
    const rows = [
      'B801200005001,Ng,Ann,01/09/2010,r,K,ASD',
      'M941999215003,Li,Bo,01/09/2010,15,K,ASD',
    ]
    const file = await validateText([HEADER, ...rows].join('\n'))

    assert.equal(file.rows[0]?.input?.ncYear, 'R')
    assert.equal(file.rows[1]?.input?.ncYear, null)
    assert.match(
      file.rows[1]?.warnings[0]?.message ?? '',
      /^NC Year "15" is not a National Curriculum year/,
    )
  })

  it('warns on an unknown need and keeps it', async () => {
    const row = onlyRow(await validateText(`${HEADER}\nB801200005001,Ng,Ann,01/09/2010,9,K,DS\n`))

    assert.equal(row.input?.primaryNeed, 'DS')
    assert.match(row.warnings[0]?.message ?? '', /not a census SEN type code/)
  })

  it('warns on a pathway that is not clear', async () => {
    const row1 = 'B801200005001,Ng,Ann,01/09/2010,9,K,ASD,GCSE or Entry Level'
    const content = `${HEADER},Qualification Pathway\n${row1}\n`
    const row = onlyRow(await validateText(content))

    assert.equal(row.input?.pathway, 'GCSE or Entry Level')
    assert.equal(row.warnings[0]?.column, 'Qualification Pathway')
  })

  it('collapses identical duplicate rows', async () => {
    const line = 'B801200005001,Ng,Ann,01/09/2010,9,K,ASD'
    const row = onlyRow(await validateText(`${HEADER}\n${line}\n${line}\n`))

    assert.equal(row.line, 2)
    assert.notEqual(row.input, null)
    assert.match(row.warnings[0]?.message ?? '', /Line 3 repeats this row exactly/)
  })
})

describe('validateRegister file rules', () => {
  it('rejects a header with no rows', async () => {
    await assert.rejects(validateText(`${HEADER}\n\n`), /header row on line 1 but no students/)
  })

  it('rejects a file with no header', async () => {
    await assert.rejects(validateText('B801200005001,Ng,Ann\n'), /No header row was found/)
  })

  it('rejects a header missing a required column', async () => {
    await assert.rejects(
      validateText('UPN,Surname,DOB\nB801200005001,Ng,01/09/2010\n'),
      /no column for Legal Forename/,
    )
  })

  it('skips title rows with a warning', async () => {
    const file = await validateText(
      [
        'Year 11 register,,',
        'Exported 01/09/2026,,',
        HEADER,
        'B801200005001,Ng,Ann,01/09/2010,9,K,ASD',
      ].join('\n'),
    )

    assert.equal(onlyRow(file).line, 4)
    assert.match(file.warnings[0] ?? '', /line 3, so 2 rows above it were skipped/)
  })

  it('reads semicolons, a BOM and CRLF', async () => {
    const header = HEADER.replaceAll(',', ';')
    const content = `\uFEFF${header}\r\nB801200005001;Ng;Ann;01/09/2010;9;"E - EHC plan";ASD\r\n`
    const row = onlyRow(await validateText(content))

    assert.equal(row.input?.upn, 'B801200005001')
    assert.equal(row.input?.provisionCode, 'E')
  })

  it('numbers rows after a CRLF multi-line cell', async () => {
    const header = `${HEADER},Notes`
    const rows = [
      'B801200005001,Ng,Ann,01/09/2010,9,K,ASD,"Two\r\nlines"',
      'C801200005002,Ali,Sam,01/09/2010,9,K,ASD,',
    ]
    const file = await validateText([header, ...rows, ''].join('\r\n'))

    assert.deepEqual(
      file.rows.map((row) => row.line),
      [2, 4],
    )
  })

  it('reads Windows-1252 names with a warning', async () => {
    const text = `${HEADER}\nB801200005001,Ng,Zo\u00eb,01/09/2010,9,K,ASD\n`
    const file = await validateText(Buffer.from(text, 'latin1'))

    assert.equal(onlyRow(file).input?.legalForename, 'Zo\u00eb')
    assert.match(file.warnings[0] ?? '', /Windows-1252/)
  })
})

describe('validateRegister with XLSX', () => {
  async function validateWorkbook(
    build: (workbook: ExcelJS.Workbook) => void,
  ): Promise<ValidatedFile> {
    const workbook = new ExcelJS.Workbook()
    build(workbook)
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
    return validateRegister(
      { fileName: 'register.xlsx', stream: Readable.from([bytes]) },
      { maxBytes: 1024 * 1024 },
    )
  }

  it('reads date cells, numbers and a title row', async () => {
    const file = await validateWorkbook((workbook) => {
      workbook.addWorksheet('Notes')
      const sheet = workbook.addWorksheet('Register')
      sheet.addRow(['Year 11 register'])
      sheet.addRow(['UPN', 'ULN', 'Surname', 'Forename', 'DOB', 'NC Year', 'SEN Status'])
      sheet.addRow([
        'B801200005001',
        1000000000,
        'Ng',
        'Ann',
        new Date(Date.UTC(2010, 7, 31)),
        11,
        'E',
      ])
      sheet.getCell('E3').numFmt = 'dd/mm/yyyy'
    })
    const row = onlyRow(file)

    assert.equal(file.format, 'xlsx')
    assert.equal(row.line, 3)
    assert.equal(row.input?.dateOfBirth, '2010-08-31')
    assert.equal(row.input?.uln, '1000000000')
    assert.equal(row.input?.ncYear, '11')
    assert.ok(file.warnings.some((warning) => /Worksheet 2 is the first/.test(warning)))
  })

  it('reads dates in the 1904 date system', async () => {
    const file = await validateWorkbook((workbook) => {
      workbook.properties.date1904 = true
      const sheet = workbook.addWorksheet('Register')
      sheet.addRow(['UPN', 'Surname', 'Forename', 'DOB'])
      sheet.addRow(['B801200005001', 'Ng', 'Ann', 38960])
      sheet.getCell('D2').numFmt = 'dd/mm/yyyy'
    })

    assert.equal(onlyRow(file).input?.dateOfBirth, '2010-09-01')
  })

  it('rejects a number that is not a date cell', async () => {
    const file = await validateWorkbook((workbook) => {
      const sheet = workbook.addWorksheet('Register')
      sheet.addRow(['UPN', 'Surname', 'Forename', 'DOB'])
      sheet.addRow(['B801200005001', 'Ng', 'Ann', 40422])
    })

    assert.match(onlyRow(file).errors[0]?.message ?? '', /bare number/)
  })
})
