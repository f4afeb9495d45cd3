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

  await addPlanActivityAndDestinationRows(db, school.id, adaId, clock.now.toISOString())
  await addPlanActivityAndDestinationRows(db, school.id, beaId, clock.now.toISOString())

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

/**
 * Gives a student one row in each table of plans, activities and destinations, written straight
 * to the tables so the data protection tests do not depend on those features' services.
 */
export async function addPlanActivityAndDestinationRows(
  db: Kysely<Tables>,
  schoolId: number,
  studentId: number,
  at: string,
): Promise<void> {
  const by = 'teacher'
  const stamps = { created_by: by, created_at: at, updated_by: by, updated_at: at }
  const plan = await db
    .insertInto('career_plans')
    .values({ school_id: schoolId, student_id: studentId, ...stamps })
    .returning('id')
    .executeTakeFirstOrThrow()
  const part = { plan_id: plan.id, school_id: schoolId, student_id: studentId, ...stamps }
  await db
    .insertInto('plan_aspirations')
    .values({
      ...part,
      words: 'Work with animals',
      gathered_how: 'own_words',
      recorded_on: '2026-11-02',
    })
    .execute()
  await db
    .insertInto('plan_goals')
    .values({ ...part, area: 'employment', goal: 'Try a farm placement', status: 'active' })
    .execute()
  await db
    .insertInto('plan_targets')
    .values({
      ...part,
      rank: 1,
      outcome_id: 'supported-internship',
      planned_start: '2027-09-01',
      note: null,
    })
    .execute()
  await db
    .insertInto('plan_actions')
    .values({
      ...part,
      what: 'Visit the farm',
      who: 'Tutor',
      due_on: '2027-01-15',
      status: 'not_started',
    })
    .execute()
  await db
    .insertInto('plan_reviews')
    .values({
      ...part,
      held_on: '2026-11-02',
      kind: 'careers_guidance',
      participants: 'Student, tutor',
      summary: 'Talked about animals',
      next_review_on: '2027-03-01',
      pfa_areas: ',employment,',
    })
    .execute()
  await db
    .insertInto('my_future_views')
    .values({
      school_id: schoolId,
      student_id: studentId,
      version: 1,
      about_me: 'I live with my gran.',
      likes: 'I like animals.',
      helpers: JSON.stringify([{ name: 'Mr Cole', role: 'He helps me find a job.' }]),
      choices: JSON.stringify({ action: {} }),
      ...stamps,
    })
    .execute()
  const activity = await db
    .insertInto('careers_activities')
    .values({
      school_id: schoolId,
      kind: 'employer_encounter',
      title: 'Farm visit',
      held_on: '2026-10-20',
      provider: 'Hill Farm',
      benchmark: 5,
      adjustments: null,
      ...stamps,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('careers_activity_students')
    .values({
      activity_id: activity.id,
      school_id: schoolId,
      student_id: studentId,
      adjustments: 'Visual timetable',
      reflection: 'Liked the lambs',
    })
    .execute()
  await db
    .insertInto('destination_spells')
    .values({
      school_id: schoolId,
      student_id: studentId,
      intent: 'intended',
      type: 'supported-internship',
      start_date: '2027-09-01',
      ...stamps,
    })
    .execute()
  await db
    .insertInto('tracking_consents')
    .values({
      school_id: schoolId,
      student_id: studentId,
      status: 'given',
      recorded_on: '2026-11-02',
      note: null,
      updated_by: by,
      updated_at: at,
    })
    .execute()
  const previewId = randomUUID()
  await db
    .insertInto('destination_import_previews')
    .values({
      id: previewId,
      school_id: schoolId,
      file_name: 'destinations.csv',
      format: 'csv',
      created_by: by,
      created_at: at,
      expires_at: at,
      fingerprint: '{}',
      summary: '{}',
    })
    .execute()
  await db
    .insertInto('destination_import_rows')
    .values({
      preview_id: previewId,
      position: 0,
      line: 2,
      upn: null,
      student_id: studentId,
      input: '{}',
      spell: null,
      errors: '[]',
      warnings: '[]',
    })
    .execute()
}
