// Read-only queries for the work lists. Every query filters by the schools in scope in SQL, and
// reads the plan, activity and destination tables directly, so this feature does not depend on
// the services that write them.
import { sql } from 'kysely'
import type { Kysely, SqlBool } from 'kysely'

import type { Tables } from '../../db/tables.js'
import { academicYearOf } from '../../domain/academic-year.js'
import { provisionOf } from '../../domain/census.js'
import { isConsentStatus } from '../../domain/tracking-consent.js'
import type { TrackingConsent } from '../../domain/tracking-consent.js'
import type { CareerSendGroup, ProvisionCode } from '../../domain/types.js'
import type {
  WorkListReview,
  WorkListSpell,
  WorkListStudent,
  WorkListTarget,
} from '../../domain/work-lists.js'

/** A student as the work lists show and judge them. */
export interface ListedStudent extends WorkListStudent {
  schoolId: number
  name: string
  createdOn: string
}

export interface WorkListData {
  students: ListedStudent[]
  studentsWithPlan: Set<number>
  reviews: WorkListReview[]
  spells: WorkListSpell[]
  targets: WorkListTarget[]
  /** Each student's latest answer about tracking consent, by student id. */
  consents: Map<number, TrackingConsent>
}

// Filters a table to the schools in scope; with no schools it matches nothing.
function schoolFilter<T extends keyof Tables>(table: T, schoolIds: number[]) {
  return schoolIds.length > 0
    ? sql<SqlBool>`${sql.ref(`${table}.school_id`)} in (${sql.join(schoolIds)})`
    : sql<SqlBool>`1 = 0`
}

/** Returns the academic year of each school's latest committed register import. */
async function registerYears(db: Kysely<Tables>, schoolIds: number[]) {
  const rows = await db
    .selectFrom('imports')
    .select(['school_id'])
    .select((eb) => eb.fn.max('committed_at').as('latest'))
    .where(schoolFilter('imports', schoolIds))
    .groupBy('school_id')
    .execute()
  return new Map(
    rows.map((row) => [row.school_id, academicYearOf(String(row.latest).slice(0, 10))]),
  )
}

async function listStudents(
  db: Kysely<Tables>,
  schoolIds: number[],
  currentYear: number,
): Promise<ListedStudent[]> {
  const years = await registerYears(db, schoolIds)
  // Pseudonymised former students have no name to chase, so no list includes them.
  const rows = await db
    .selectFrom('students')
    .selectAll()
    .where(schoolFilter('students', schoolIds))
    .where('pseudonymised_at', 'is', null)
    .orderBy('sort_name')
    .orderBy('id')
    .execute()

  return rows.map((row) => ({
    id: row.id,
    schoolId: row.school_id,
    name: `${row.preferred_forename ?? row.legal_forename} ${row.preferred_surname ?? row.legal_surname}`,
    ncYear: row.nc_year,
    leftOn: row.left_on,
    group: row.group === 'one' || row.group === 'two' ? (row.group as CareerSendGroup) : null,
    registerYear: years.get(row.school_id) ?? currentYear,
    createdOn: row.created_at.slice(0, 10),
    facts: {
      dateOfBirth: row.date_of_birth,
      provision: provisionOf(row.provision_code as ProvisionCode),
      provisionCode: row.provision_code as ProvisionCode,
      primaryNeed: row.primary_need,
      secondaryNeed: row.secondary_need,
      pathway: row.pathway,
      ehcPlanStartDate: row.ehc_plan_start_date,
    },
  }))
}

/**
 * Loads everything the work lists judge, for the schools in scope.
 * NOTE: every student, review, spell and target in scope is read for each request, so the rules
 * stay in the domain. A local authority with many schools may need the lists narrowed in SQL:
 * for 7,000 students this takes about 50 ms on PostgreSQL, most of it reading whole student rows.
 */
export async function loadWorkListData(
  db: Kysely<Tables>,
  schoolIds: number[],
  currentYear: number,
): Promise<WorkListData> {
  const students = await listStudents(db, schoolIds, currentYear)
  const plans = await db
    .selectFrom('career_plans')
    .select('student_id')
    .where(schoolFilter('career_plans', schoolIds))
    .execute()
  const reviews = await db
    .selectFrom('plan_reviews')
    .select(['id', 'student_id', 'held_on', 'next_review_on', 'kind'])
    .where(schoolFilter('plan_reviews', schoolIds))
    .execute()
  const spells = await db
    .selectFrom('destination_spells')
    .select(['id', 'student_id', 'intent', 'type', 'start_date', 'end_date', 'checked_on'])
    .where(schoolFilter('destination_spells', schoolIds))
    .execute()
  const targets = await db
    .selectFrom('plan_targets')
    .select(['student_id', 'rank', 'outcome_id', 'planned_start'])
    .where(schoolFilter('plan_targets', schoolIds))
    .execute()
  const consentRows = await db
    .selectFrom('tracking_consents')
    .select(['student_id', 'status', 'recorded_on'])
    .where(schoolFilter('tracking_consents', schoolIds))
    .execute()
  const consents = new Map<number, TrackingConsent>()
  for (const row of consentRows) {
    if (isConsentStatus(row.status)) {
      consents.set(row.student_id, { status: row.status, recordedOn: row.recorded_on })
    }
  }

  return {
    students,
    studentsWithPlan: new Set(plans.map((plan) => plan.student_id)),
    reviews: reviews.map((row) => ({
      id: row.id,
      studentId: row.student_id,
      heldOn: row.held_on,
      nextReviewOn: row.next_review_on,
      kind: row.kind,
    })),
    spells: spells.map((row) => ({
      id: row.id,
      studentId: row.student_id,
      intent: row.intent,
      type: row.type,
      startDate: row.start_date,
      endDate: row.end_date,
      checkedOn: row.checked_on,
    })),
    targets: targets.map((row) => ({
      studentId: row.student_id,
      rank: row.rank,
      outcomeId: row.outcome_id,
      plannedStart: row.planned_start,
    })),
    consents,
  }
}
