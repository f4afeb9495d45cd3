import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { addDays } from '../../domain/calendar.js'
import { createImportService } from '../import/import.service.js'
import {
  aRejectedRow,
  aStudentInput,
  aUniqueUpn,
  aValidFile,
  aValidRow,
} from '../import/import.test-data.js'
import type { StudentInput } from '../students/student.js'
import { createStudentService } from '../students/student.service.js'
import { createDataProtectionService } from './data-protection.service.js'

// Builders for the data protection tests: a school whose students have every kind of row the
// product stores about a student, with names, identifiers and dates of birth that no other call
// in the process uses, so a test can search the whole database for them.

let nextNumber = 1

/** Returns a student input with a unique surname, forename, UPN, ULN, MIS id and date of birth. */
export function aDistinctStudent(overrides: Partial<StudentInput> = {}): StudentInput {
  const number = nextNumber++
  const tag = randomUUID().slice(0, 8)
  return aStudentInput({
    upn: aUniqueUpn(),
    uln: String(4_000_000_000 + number),
    misId: `MIS-${tag}`,
    formerUpn: aUniqueUpn(),
    legalSurname: `Surname${tag}`,
    legalForename: `Forename${tag}`,
    preferredForename: `Known${tag}`,
    dateOfBirth: addDays('2009-09-02', number),
    ...overrides,
  })
}

/**
 * Creates a school with two students, Ada and Bea, on a fixed clock. Ada has a pathway, a current
 * override and a replaced one, views, a staged import row that matched her and a rejected staged
 * row keyed by her UPN. Bea has an override and a view, so each table contains rows of both.
 */
export async function setUpSchoolWithRecords(db: Kysely<Tables>) {
  const clock = { now: new Date('2026-12-04T09:00:00.000Z') }
  const options = { now: () => clock.now }
  const students = createStudentService(db, options)
  const imports = createImportService(db, options)
  const dataProtection = createDataProtectionService(db, options)
  const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
  const scope = { schoolIds: [school.id] }

  const ada = aDistinctStudent()
  const bea = aDistinctStudent({ legalForename: 'Bea' })
  const file = aValidFile([aValidRow(ada), aValidRow(bea)])
  await imports.commit((await imports.preview(school.id, file, 'register.csv')).id)
  const all = (await students.listStudents(scope, { pageSize: 200 })).students
  const adaId = all.find((student) => student.upn === ada.upn)!.id
  const beaId = all.find((student) => student.upn === bea.upn)!.id

  await students.setPathway(scope, adaId, 'GCSE', 'teacher')
  await students.setOverride(scope, adaId, { group: 'one', reason: 'First view' }, 'senco')
  await students.setOverride(scope, adaId, { group: 'two', reason: 'Second view' }, 'senco')
  await students.setOverride(scope, beaId, { group: 'one', reason: 'Agreed' }, 'senco')
  await students.viewStudent(scope, adaId, 'teacher')
  await students.viewStudent(scope, beaId, 'teacher')

  const changed = aValidFile([aValidRow({ ...ada, ncYear: '11' }), aValidRow(bea)])
  const matched = await imports.preview(school.id, changed, 'changes.csv')
  const rejected = await imports.preview(
    school.id,
    aValidFile([aRejectedRow(ada.upn ?? '')]),
    'rejected.csv',
  )

  return {
    clock,
    students,
    imports,
    dataProtection,
    school,
    scope,
    ada: { ...ada, id: adaId },
    bea: { ...bea, id: beaId },
    previewIds: [matched.id, rejected.id],
  }
}
