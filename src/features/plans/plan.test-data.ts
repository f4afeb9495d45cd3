import { randomUUID } from 'node:crypto'

import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { createImportService } from '../import/import.service.js'
import { aStudentInput, aValidFile, aValidRow } from '../import/import.test-data.js'
import type { StudentInput } from '../students/student.js'
import { createStudentService } from '../students/student.service.js'
import { createPlanService } from './plan.service.js'
import type {
  ActionInput,
  AspirationInput,
  GoalInput,
  ReviewInput,
  TargetChoiceInput,
} from './plan.validation.js'

// Builders for the plan tests: a school on a fixed clock (4 December 2026) with students, and
// valid input for each part of a plan.

export const TODAY = '2026-12-04'

/**
 * Creates a school with Ada (EHC plan, Year 10) and Yan (EHC plan, Year 7), whose plans are
 * empty, and returns the plan service with the scope of that school.
 */
export async function setUpPlanSchool(db: Kysely<Tables>, extra: Partial<StudentInput>[] = []) {
  const options = { now: () => new Date(`${TODAY}T09:00:00.000Z`), today: () => TODAY }
  const students = createStudentService(db, options)
  const imports = createImportService(db, options)
  const plans = createPlanService(db, options)
  const school = await students.findOrCreateSchool(`School ${randomUUID()}`)
  const scope = { schoolIds: [school.id] }

  const inputs = [
    aStudentInput({ legalForename: 'Ada', ncYear: '10' }),
    aStudentInput({ legalForename: 'Yan', ncYear: '7', dateOfBirth: '2014-01-20' }),
    ...extra.map((overrides) => aStudentInput(overrides)),
  ]
  const preview = await imports.preview(
    school.id,
    aValidFile(inputs.map((input) => aValidRow(input))),
    'register.csv',
  )
  await imports.commit(preview.id)
  const listed = (await students.listStudents(scope, { pageSize: 200 })).students
  const ids = inputs.map((input) => listed.find((student) => student.upn === input.upn)?.id ?? 0)
  return {
    plans,
    students,
    scope,
    schoolId: school.id,
    ids,
    adaId: ids[0] ?? 0,
    yanId: ids[1] ?? 0,
  }
}

export function anAspiration(overrides: Partial<AspirationInput> = {}): AspirationInput {
  return {
    words: 'I want to work with animals',
    gatheredHow: 'own_words',
    recordedOn: '2026-11-20',
    ...overrides,
  }
}

export function aGoal(overrides: Partial<GoalInput> = {}): GoalInput {
  return {
    area: 'employment',
    goal: 'Try a week of work at a farm',
    status: 'active',
    ...overrides,
  }
}

export function anAction(overrides: Partial<ActionInput> = {}): ActionInput {
  return {
    what: 'Book a visit to the farm',
    who: 'Careers leader',
    dueOn: '2027-01-15',
    status: 'not_started',
    ...overrides,
  }
}

export function aReview(overrides: Partial<ReviewInput> = {}): ReviewInput {
  return {
    heldOn: '2026-11-25',
    kind: 'ehcp_annual',
    participants: 'Ada, her mother, the SENCO',
    summary: 'Ada wants to work outdoors',
    nextReviewOn: '2027-11-25',
    pfaAreas: ['employment', 'independent_living', 'community', 'health'],
    ...overrides,
  }
}

export function aTargetChoice(overrides: Partial<TargetChoiceInput> = {}): TargetChoiceInput {
  return { outcomeId: 'supported-internship', plannedStart: '', note: '', ...overrides }
}
