// Fills a database with schools of synthetic students for the report and scale benchmarks: current
// students with plans (aspirations, goals, target outcomes, actions and a review) and careers
// activities, and leavers of the last two academic years with destination spells. Rows go straight into the tables with multi-row inserts, because the services would
// spend minutes on audit events and checks that the reports never read. Every name is invented.
import type { Kysely } from 'kysely'

import { writeRows } from './bulk-rows.js'
import type { Tables } from '../src/db/tables.js'
import { SPECIAL_SCHOOL_PRIMARY_NEED_MIX } from '../src/demo/national-figures.js'
import { createRandom } from '../src/demo/random.js'
import type { Random } from '../src/demo/random.js'
import { GROUP_ONE_OUTCOMES, GROUP_TWO_OUTCOMES } from '../src/domain/catalogue-outcomes.js'
import { DESTINATION_TYPES } from '../src/domain/destination-types.js'

export type BenchSchoolKind = 'mainstream' | 'special'

export interface ReportDataOptions {
  schools: number
  studentsPerSchool: number
  /** Puts every school in one organisation of this name when given. */
  organisation?: string
  seed: number
}

export interface ReportData {
  schoolIds: number[]
  organisationId: number | null
}

const NOW = '2026-12-01T09:00:00.000Z'
const ACTOR = 'bench'
const NEEDS = ['SLCN', 'SEMH', 'MLD', 'SPLD', 'ASD', 'NSA', 'OTH', 'PD', 'HI', 'SLD', 'PMLD']
const YEARS = ['7', '8', '9', '10', '11', '12', '13', '14', 'X']
const BASES = ['pathway', 'need', 'override']
/** Leaving dates of the two academic years the benchmarks report on: 2024/25 and 2025/26. */
const LEAVING_DATES = ['2025-07-18', '2026-07-17']
/** Share of a school's students who left in each of those years. */
const LEAVER_SHARE = 0.08
const ACTIVITIES_PER_SCHOOL = 12
const OUTCOME_IDS = [...GROUP_ONE_OUTCOMES, ...GROUP_TWO_OUTCOMES].map((outcome) => outcome.id)
const PFA_AREAS = ['employment', 'independent_living', 'community', 'health']

/** Creates the schools and their students, all mainstream and of one size, and returns their ids. */
export async function seedReportData(
  db: Kysely<Tables>,
  options: ReportDataOptions,
): Promise<ReportData> {
  const random = createRandom(options.seed)
  const organisationId = options.organisation
    ? await insertOrganisation(db, options.organisation)
    : null
  const schoolIds: number[] = []
  for (let index = 0; index < options.schools; index += 1) {
    const schoolId = await insertSchool(db, `Bench school ${options.seed}-${index}`, organisationId)
    schoolIds.push(schoolId)
    await seedSchool(db, random, schoolId, options.studentsPerSchool)
  }
  return { schoolIds, organisationId }
}

export async function insertOrganisation(db: Kysely<Tables>, name: string): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({ name, kind: 'local_authority', created_at: NOW })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

export async function insertSchool(
  db: Kysely<Tables>,
  name: string,
  organisationId: number | null,
): Promise<number> {
  const row = await db
    .insertInto('schools')
    .values({ name, created_at: NOW, organisation_id: organisationId })
    .returning('id')
    .executeTakeFirstOrThrow()
  return Number(row.id)
}

/**
 * Inserts one school's students and their records. A special school's students mostly have an EHC
 * plan and the primary needs of SPECIAL_SCHOOL_PRIMARY_NEED_MIX.
 */
export async function seedSchool(
  db: Kysely<Tables>,
  random: Random,
  schoolId: number,
  count: number,
  kind: BenchSchoolKind = 'mainstream',
): Promise<void> {
  const students = Array.from({ length: count }, (_, index) =>
    studentRow(random, schoolId, index, kind),
  )
  await writeRows(db, 'students', students)
  const ids = await db
    .selectFrom('students')
    .select(['id', 'left_on'])
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute()

  const current = ids.filter((row) => row.left_on === null).map((row) => Number(row.id))
  const leavers = ids.filter((row) => row.left_on !== null)
  await writeRows(
    db,
    'career_plans',
    planRows(
      random,
      schoolId,
      ids.map((row) => Number(row.id)),
    ),
  )
  await seedPlanParts(db, random, schoolId)
  await seedActivities(db, random, schoolId, current)
  await writeRows(
    db,
    'destination_spells',
    leavers.flatMap((row) => spellRows(random, schoolId, Number(row.id), row.left_on ?? '')),
  )
}

function studentRow(random: Random, schoolId: number, index: number, kind: BenchSchoolKind) {
  const leftOn = random.chance(2 * LEAVER_SHARE) ? random.pick(LEAVING_DATES) : null
  const special = kind === 'special'
  const provision = random.chance(special ? 0.95 : 0.25) ? 'E' : 'K'
  const primaryNeed = special
    ? random.weighted(SPECIAL_SCHOOL_PRIMARY_NEED_MIX, (need) => need.weight).code
    : random.pick(NEEDS)
  const group = random.chance(0.1) ? null : random.pick(['one', 'two'])
  const surname = `Surname${index}`
  const forename = `Forename${schoolId}`
  return {
    school_id: schoolId,
    upn: null,
    uln: null,
    mis_id: `B${schoolId}-${index}`,
    legal_surname: surname,
    legal_forename: forename,
    date_of_birth: `20${String(random.integer(8, 13)).padStart(2, '0')}-0${random.integer(1, 9)}-1${random.integer(0, 9)}`,
    nc_year: leftOn ? random.pick(['11', '13', '14']) : random.pick(YEARS),
    provision_code: provision,
    primary_need: primaryNeed,
    secondary_need: random.chance(0.3) ? random.pick(NEEDS) : null,
    group,
    basis: group ? random.pick(BASES) : null,
    flags: ',',
    has_conflict: 0,
    in_latest_import: 1,
    version: 1,
    sort_name: `${surname} ${forename}`.toLowerCase(),
    search_text: `${surname} ${forename}`.toLowerCase(),
    left_on: leftOn,
    created_at: NOW,
    updated_at: NOW,
  }
}

function planRows(random: Random, schoolId: number, studentIds: number[]) {
  return studentIds
    .filter(() => random.chance(0.6))
    .map((studentId) => ({
      school_id: schoolId,
      student_id: studentId,
      created_by: ACTOR,
      created_at: NOW,
      updated_by: ACTOR,
      updated_at: NOW,
    }))
}

// Each plan gets one aspiration, two Preparing for Adulthood goals, two ranked target outcomes,
// two actions and one review, so the plan tables hold about seven rows per plan.
async function seedPlanParts(db: Kysely<Tables>, random: Random, schoolId: number): Promise<void> {
  const plans = await db
    .selectFrom('career_plans')
    .select(['id', 'student_id'])
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute()
  const owners = plans.map((plan) => ({
    plan_id: Number(plan.id),
    school_id: schoolId,
    student_id: Number(plan.student_id),
  }))
  const stamp = { created_by: ACTOR, created_at: NOW, updated_by: ACTOR, updated_at: NOW }
  await writeRows(
    db,
    'plan_aspirations',
    owners.map((owner) => ({
      ...owner,
      ...stamp,
      words: 'I want to work with animals',
      gathered_how: random.pick(['own_words', 'with_support', 'symbols_aac', 'family_view']),
      recorded_on: `2026-0${random.integer(1, 9)}-10`,
    })),
  )
  await writeRows(
    db,
    'plan_goals',
    owners.flatMap((owner) =>
      [0, 1].map(() => ({
        ...owner,
        ...stamp,
        area: random.pick(PFA_AREAS),
        goal: 'Travel to college on the bus',
        status: random.pick(['active', 'active', 'achieved', 'stopped']),
      })),
    ),
  )
  await writeRows(
    db,
    'plan_targets',
    owners.flatMap((owner) =>
      [1, 2].map((rank) => ({
        ...owner,
        ...stamp,
        rank,
        outcome_id: random.pick(OUTCOME_IDS),
        planned_start: random.chance(0.5) ? `2027-09-0${random.integer(1, 9)}` : null,
        note: null,
      })),
    ),
  )
  await writeRows(
    db,
    'plan_actions',
    owners.flatMap((owner) =>
      [0, 1].map(() => ({
        ...owner,
        ...stamp,
        what: 'Visit the college open day',
        who: 'Careers leader',
        due_on: `2027-0${random.integer(1, 9)}-01`,
        status: random.pick(['not_started', 'in_progress', 'done', 'dropped']),
      })),
    ),
  )
  await writeRows(
    db,
    'plan_reviews',
    owners.map((owner) => ({
      ...owner,
      ...stamp,
      held_on: `2026-0${random.integer(1, 9)}-20`,
      kind: random.pick(['ehcp_annual', 'careers_guidance', 'transition']),
      participants: 'Student, parent, careers leader',
      summary: 'Reviewed the plan together',
      next_review_on: random.chance(0.9) ? `2027-0${random.integer(1, 9)}-20` : null,
      pfa_areas: ',employment,',
    })),
  )
}

async function seedActivities(
  db: Kysely<Tables>,
  random: Random,
  schoolId: number,
  studentIds: number[],
): Promise<void> {
  const activities = Array.from({ length: ACTIVITIES_PER_SCHOOL }, (_, index) => ({
    school_id: schoolId,
    kind: random.pick(['employer_encounter', 'workplace_experience', 'education_encounter']),
    title: `Bench activity ${index}`,
    held_on: `2026-0${random.integer(1, 9)}-15`,
    provider: null,
    benchmark: random.integer(2, 8),
    adjustments: null,
    created_by: ACTOR,
    created_at: NOW,
    updated_by: ACTOR,
    updated_at: NOW,
  }))
  await writeRows(db, 'careers_activities', activities)
  const activityIds = await db
    .selectFrom('careers_activities')
    .select('id')
    .where('school_id', '=', schoolId)
    .execute()
  const participants = activityIds.flatMap(({ id }) =>
    studentIds
      .filter(() => random.chance(0.15))
      .map((studentId) => ({
        activity_id: Number(id),
        school_id: schoolId,
        student_id: studentId,
        adjustments: null,
        reflection: null,
      })),
  )
  await writeRows(db, 'careers_activity_students', participants)
}

function spellRows(random: Random, schoolId: number, studentId: number, leftOn: string) {
  // One leaver in eight has no destination recorded, so "not known" has members.
  if (random.chance(0.125)) return []
  const year = Number(leftOn.slice(0, 4))
  const type = random.pick(DESTINATION_TYPES)
  const ended = random.chance(0.2)
  return [
    {
      school_id: schoolId,
      student_id: studentId,
      intent: 'actual',
      type: type.id,
      start_date: `${year}-09-0${random.integer(1, 9)}`,
      end_date: ended ? `${year + 1}-0${random.integer(1, 6)}-20` : null,
      hours_per_week: 20,
      paid: type.activity === 'employment' ? 1 : 0,
      provider: null,
      checked_on: `${year}-11-01`,
      nccis_code: null,
      reason: null,
      created_by: ACTOR,
      created_at: NOW,
      updated_by: ACTOR,
      updated_at: NOW,
    },
  ]
}
