import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { describe, it } from 'node:test'

import { upnCheckLetter } from '../../domain/upn.js'
import type { ValidatedFile, ValidatedRow } from './import.types.js'
import { validateRegister } from './validate-file.js'

const HEADER = 'UPN,Legal Surname,Legal Forename,DOB,NC Year,SEN Provision,Primary Need'
const UPN = 'B801200005001'
const TODAY = '2026-01-12'

async function validateText(content: string): Promise<ValidatedFile> {
  const stream = Readable.from([Buffer.from(content)])
  return validateRegister(
    { fileName: 'register.csv', stream },
    { maxBytes: 4 * 1024 * 1024, today: TODAY },
  )
}

async function validateLine(line: string, header = HEADER): Promise<ValidatedRow> {
  const file = await validateText(`${header}\n${line}\n`)
  assert.equal(file.rows.length, 1)
  return file.rows[0]!
}

const messages = (issues: { message: string }[]) => issues.map((issue) => issue.message)

describe('cell length limits', () => {
  it('rejects a forename over 100 characters', async () => {
    const forename = 'A'.repeat(101)
    const row = await validateLine(`${UPN},Ng,${forename},01/09/2010,9,K,ASD`)

    assert.equal(row.input, null)
    assert.equal(row.errors.length, 1)
    assert.equal(row.errors[0]?.column, 'Legal Forename')
    assert.equal(row.errors[0]?.value, `${'A'.repeat(40)}…`)
    assert.match(row.errors[0]?.message ?? '', /on line 2 has 101 characters, but the limit is 100/)
  })

  it('quotes only 40 characters of a huge name', async () => {
    const forename = 'B'.repeat(2 * 1024 * 1024)
    const row = await validateLine(`${UPN},Ng,${forename},01/09/2010,9,K,ASD`)

    assert.equal(row.errors[0]?.value, `${'B'.repeat(40)}…`)
    assert.ok((row.errors[0]?.message.length ?? Infinity) < 400)
    assert.match(row.errors[0]?.message ?? '', /has 2,097,152 characters/)
  })

  it('accepts a name of exactly 100 characters', async () => {
    const forename = 'é'.repeat(100)
    const row = await validateLine(`${UPN},Ng,${forename},01/09/2010,9,K,ASD`)

    assert.deepEqual(row.errors, [])
    assert.equal(row.input?.legalForename, forename)
  })

  it('counts an emoji as one character', async () => {
    const surname = '😀'.repeat(100)
    const row = await validateLine(`${UPN},${surname},Ann,01/09/2010,9,K,ASD`)

    assert.deepEqual(row.errors, [])
  })

  it('rejects an identifier over 40 characters', async () => {
    const adno = '1'.repeat(41)
    const row = await validateLine(`${adno},Ng,Ann,01/09/2010`, 'Adno,Surname,Forename,DOB')

    assert.equal(row.errors.length, 1)
    assert.equal(row.errors[0]?.column, 'Adno')
    assert.match(row.errors[0]?.message ?? '', /41 characters, but the limit is 40/)
  })

  it('rejects a long UPN with one error', async () => {
    const row = await validateLine(`${'A'.repeat(41)},Ng,Ann,01/09/2010,9,K,ASD`)

    assert.equal(row.errors.length, 1)
    assert.match(row.errors[0]?.message ?? '', /limit is 40/)
  })

  it('rejects a pathway over 200 characters', async () => {
    const pathway = 'GCSE '.repeat(41)
    const header = `${HEADER},Qualification Pathway`
    const row = await validateLine(`${UPN},Ng,Ann,01/09/2010,9,K,ASD,${pathway}`, header)

    assert.equal(row.errors[0]?.column, 'Qualification Pathway')
    assert.match(row.errors[0]?.message ?? '', /205 characters, but the limit is 200/)
  })

  it('rejects a need code over 200 characters', async () => {
    const row = await validateLine(`${UPN},Ng,Ann,01/09/2010,9,K,${'X'.repeat(201)}`)

    assert.equal(row.errors.length, 1)
    assert.equal(row.errors[0]?.column, 'Primary Need')
  })

  it('ignores long cells of unknown columns', async () => {
    const row = await validateLine(
      `${UPN},Ng,Ann,01/09/2010,9,K,ASD,${'n'.repeat(500)}`,
      `${HEADER},Notes`,
    )

    assert.deepEqual(row.errors, [])
  })
})

describe('control characters in cells', () => {
  it('rejects the row with a NUL byte', async () => {
    const row = await validateLine(`${UPN},Ng,An\u0000n,01/09/2010,9,K,ASD`)

    assert.equal(row.input, null)
    assert.equal(row.errors.length, 1)
    assert.equal(row.errors[0]?.column, 'Legal Forename')
    assert.equal(row.errors[0]?.value, 'An\uFFFDn')
    assert.match(row.errors[0]?.message ?? '', /on line 2 contains the control character U\+0000/)
  })

  it('keeps the other rows of the file', async () => {
    const second = `${upnCheckLetter('801200005002')}801200005002`
    const file = await validateText(
      `${HEADER}\n${UPN},Ng,An\u0000n,01/09/2010,9,K,ASD\n${second},Ng,Bo,01/09/2010,9,K,ASD\n`,
    )

    assert.equal(file.rows.length, 2)
    assert.notEqual(file.rows[1]?.input, null)
  })
})

describe('identifier messages', () => {
  it('names a zero-width space in a UPN', async () => {
    const row = await validateLine(`B8012\u200b00005001,Ng,Ann,01/09/2010,9,K,ASD`)

    assert.deepEqual(row.errors, [])
    assert.equal(row.input?.upn, UPN)
    assert.equal(row.warnings.length, 1)
    assert.match(
      row.warnings[0]?.message ?? '',
      /invisible character \(a zero-width space, U\+200B\)/,
    )
  })

  it('names a byte-order mark in a UPN', async () => {
    const row = await validateLine(`B801200005001\ufeff,Ng,Ann,01/09/2010,9,K,ASD`)

    assert.equal(row.input?.upn, UPN)
    assert.equal(row.warnings.length, 1)
    assert.match(row.warnings[0]?.message ?? '', /a byte-order mark, U\+FEFF/)
    assert.doesNotMatch(row.warnings[0]?.message ?? '', /spaces or lower case/)
  })

  it('quotes a temporary UPN', async () => {
    const rest = `8012${String(77).padStart(7, '0')}A`
    const upn = `${upnCheckLetter(rest)}${rest}`
    const row = await validateLine(`${upn},Ng,Ann,01/09/2010,9,K,ASD`)

    assert.match(row.warnings[0]?.message ?? '', new RegExp(`^UPN "${upn}" is a temporary UPN`))
  })

  it('asks for the only identifier column', async () => {
    const row = await validateLine(`,Ng,Ann,01/09/2010,9,K,ASD`)

    assert.equal(
      row.errors[0]?.message,
      "The row has no UPN, so the student cannot be matched to a record. Enter the student's UPN.",
    )
  })

  it('names each identifier column of the file', async () => {
    const header = `${HEADER},ULN,Adno`
    const row = await validateLine(`,Ng,Ann,01/09/2010,9,K,ASD,,`, header)

    assert.match(row.errors[0]?.message ?? '', /^The row has no UPN, ULN or Adno,/)
    assert.match(
      row.errors[0]?.message ?? '',
      /Enter the student's UPN, or the ULN or Adno if it has none\.$/,
    )
  })
})

describe('provision and date of birth messages', () => {
  it('gives an unknown provision one error only', async () => {
    const row = await validateLine(`${UPN},Ng,Ann,01/09/2010,9,Z,ASD`)

    assert.equal(row.errors.length, 1)
    assert.deepEqual(row.warnings, [])
  })

  it('still warns about a need with provision N', async () => {
    const row = await validateLine(`${UPN},Ng,Ann,01/09/2010,9,N,ASD`)

    assert.match(messages(row.warnings).join(' '), /recorded with provision N/)
  })

  it('rejects a date of birth in the future', async () => {
    const row = await validateLine(`${UPN},Ng,Ann,01/09/2030,9,K,ASD`)

    assert.equal(row.input, null)
    assert.equal(row.errors[0]?.column, 'DOB')
    assert.match(row.errors[0]?.message ?? '', /^DOB "01\/09\/2030" is in the future/)
  })

  it('warns about a student over 30', async () => {
    const row = await validateLine(`${UPN},Ng,Ann,11/01/1990,9,K,ASD`)

    assert.notEqual(row.input, null)
    assert.match(row.warnings[0]?.message ?? '', /makes the student 36 years old/)
  })

  it('accepts a student of exactly 30', async () => {
    const row = await validateLine(`${UPN},Ng,Ann,13/01/1995,9,K,ASD`)

    assert.deepEqual(row.warnings, [])
  })
})
