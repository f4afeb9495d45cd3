import { randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { createStudentService } from '../students/student.service.js'
import type { StudentField, StudentInput } from '../students/student.js'
import { createImportService } from './import.service.js'
import type { ValidatedFile, ValidatedRow } from './import.types.js'

// Builders of validated import data for tests, so tests do not depend on the file reader.

let nextNumber = 1

/** Returns a fictional UPN that no other call returns in this process. */
export function aUniqueUpn(): string {
  const number = String(nextNumber++).padStart(11, '0')
  return `T${number}A`
}

export function aStudentInput(overrides: Partial<StudentInput> = {}): StudentInput {
  return {
    upn: aUniqueUpn(),
    uln: null,
    misId: null,
    formerUpn: null,
    legalSurname: 'Okafor',
    legalForename: 'Ada',
    preferredSurname: null,
    preferredForename: null,
    dateOfBirth: '2010-03-14',
    ncYear: '10',
    provisionCode: 'E',
    primaryNeed: 'ASD',
    secondaryNeed: null,
    ehcPlanStartDate: '2019-09-01',
    ehcPlanReviewDate: '2025-06-30',
    pathway: null,
    ...overrides,
  }
}

export function aValidRow(overrides: Partial<StudentInput> = {}, line = 2): ValidatedRow {
  const input = aStudentInput(overrides)
  return {
    line,
    key: input.upn ? { kind: 'upn', value: input.upn } : null,
    input,
    errors: [],
    warnings: [],
  }
}

export function aRejectedRow(upn: string, line = 2): ValidatedRow {
  return {
    line,
    key: { kind: 'upn', value: upn },
    input: null,
    errors: [
      {
        column: 'DOB',
        value: '31/02/2010',
        message: 'Date of birth is invalid: enter a real date',
      },
    ],
    warnings: [],
  }
}

export const allStudentFields: StudentField[] = Object.keys(aStudentInput()) as StudentField[]

/** Builds a file from rows, numbering them from line 2 as under a header row. */
export function aValidFile(
  rows: ValidatedRow[],
  fields: StudentField[] = allStudentFields,
): ValidatedFile {
  return {
    format: 'csv',
    fields,
    unknownColumns: [],
    rows: rows.map((row, index) => ({ ...row, line: index + 2 })),
    warnings: [],
  }
}

/**
 * Creates the services of an import test on `db`, with a clock fixed at 12 January 2026, and a
 * school of its own so tests that share a database do not see each other's students.
 */
export async function setUpImportSchool(db: Kysely<Tables>) {
  const clock = { now: new Date('2026-01-12T09:00:00.000Z') }
  const options = { now: () => clock.now }
  const students = createStudentService(db, options)
  const imports = createImportService(db, options)
  const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
  const scope = { schoolIds: [school.id] }
  return { db, clock, students, imports, school, scope }
}

/** Builds an upload source named register.csv from a header and data lines. */
export function csvSource(header: string, lines: string[]) {
  const stream = Readable.from([Buffer.from([header, ...lines].join('\n') + '\n')])
  return { fileName: 'register.csv', stream }
}
