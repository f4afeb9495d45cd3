// Reads the few facts the student page shows beside its links to the plan, activities and
// destinations pages: one small query for each, straight from the careers-record tables.
import { sql } from 'kysely'
import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'
import type { IsoDate } from '../../domain/types.js'

export interface RecordSummary {
  /** The career plan's review facts, or null when the student has no plan. */
  plan: {
    /** The next review date named by the latest review (by date held), or null. */
    nextReviewOn: IsoDate | null
    reviewCount: number
  } | null
  /** Number of the student's activities held on or before today. */
  activitiesHeld: number
  /** Number of the student's activities planned for after today. */
  activitiesPlanned: number
  /** The destination with the latest start date, or null when none is recorded. */
  latestDestination: {
    intent: string
    type: string
    startDate: IsoDate
    endDate: IsoDate | null
  } | null
}

function inScope(schoolIds: number[]) {
  return schoolIds.length > 0 ? schoolIds : [-1]
}

async function readPlan(db: Kysely<Tables>, schoolIds: number[], studentId: number) {
  const plan = await db
    .selectFrom('career_plans')
    .select((eb) => [
      'career_plans.id',
      eb
        .selectFrom('plan_reviews')
        .select((counted) => counted.fn.countAll<string | number>().as('count'))
        .whereRef('plan_reviews.plan_id', '=', 'career_plans.id')
        .as('review_count'),
      // The next date of the latest review by date held, the review the Reviews due list reads.
      eb
        .selectFrom('plan_reviews')
        .select('plan_reviews.next_review_on')
        .whereRef('plan_reviews.plan_id', '=', 'career_plans.id')
        .orderBy('plan_reviews.held_on', 'desc')
        .orderBy('plan_reviews.id', 'desc')
        .limit(1)
        .as('next_review_on'),
    ])
    .where('career_plans.student_id', '=', studentId)
    .where('career_plans.school_id', 'in', inScope(schoolIds))
    .executeTakeFirst()
  if (!plan) return null
  return { nextReviewOn: plan.next_review_on ?? null, reviewCount: Number(plan.review_count ?? 0) }
}

async function readActivityCounts(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
  today: IsoDate,
) {
  const counts = await db
    .selectFrom('careers_activity_students')
    .innerJoin(
      'careers_activities',
      'careers_activities.id',
      'careers_activity_students.activity_id',
    )
    .select([
      sql<
        string | number
      >`coalesce(sum(case when careers_activities.held_on <= ${today} then 1 else 0 end), 0)`.as(
        'held',
      ),
      sql<
        string | number
      >`coalesce(sum(case when careers_activities.held_on > ${today} then 1 else 0 end), 0)`.as(
        'planned',
      ),
    ])
    .where('careers_activity_students.student_id', '=', studentId)
    .where('careers_activity_students.school_id', 'in', inScope(schoolIds))
    .executeTakeFirst()
  return { held: Number(counts?.held ?? 0), planned: Number(counts?.planned ?? 0) }
}

async function readLatestDestination(db: Kysely<Tables>, schoolIds: number[], studentId: number) {
  const spell = await db
    .selectFrom('destination_spells')
    .select(['intent', 'type', 'start_date', 'end_date'])
    .where('student_id', '=', studentId)
    .where('school_id', 'in', inScope(schoolIds))
    .orderBy('start_date', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!spell) return null
  return {
    intent: spell.intent,
    type: spell.type,
    startDate: spell.start_date,
    endDate: spell.end_date,
  }
}

/** Reads the plan, activity and destination facts of one student in the given schools. */
export async function readRecordSummary(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
  today: IsoDate,
): Promise<RecordSummary> {
  const plan = await readPlan(db, schoolIds, studentId)
  const activities = await readActivityCounts(db, schoolIds, studentId, today)
  const latestDestination = await readLatestDestination(db, schoolIds, studentId)
  return {
    plan,
    activitiesHeld: activities.held,
    activitiesPlanned: activities.planned,
    latestDestination,
  }
}
