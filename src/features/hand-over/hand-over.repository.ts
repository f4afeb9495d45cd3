// Read-only queries for one student's hand-over pack. Every query names the schools in scope,
// and reads the plan, activity and destination tables directly.
import type { Kysely } from 'kysely'

import type { Tables } from '../../db/tables.js'

export interface HandOverRecords {
  aspirations: { words: string; gatheredHow: string; recordedOn: string }[]
  goals: { area: string; goal: string; status: string }[]
  targets: { rank: number; outcomeId: string; plannedStart: string | null; note: string | null }[]
  actions: { what: string; who: string; dueOn: string | null; status: string }[]
  reviews: {
    heldOn: string
    kind: string
    participants: string
    summary: string
    nextReviewOn: string | null
    pfaAreas: string[]
    /** Which Preparing for Adulthood areas the review did not cover, and why, when recorded. */
    pfaReason: string | null
  }[]
  activities: {
    title: string
    kind: string
    heldOn: string
    provider: string | null
    benchmark: number
    adjustmentsForAll: string | null
    adjustmentsForStudent: string | null
    reflection: string | null
  }[]
  spells: {
    intent: string
    type: string
    startDate: string
    endDate: string | null
    hoursPerWeek: number | null
    paid: number | null
    provider: string | null
    checkedOn: string | null
    nccisCode: string | null
  }[]
}

/** Reads the plan parts, activities and destination spells of one student in the schools. */
export async function loadHandOverRecords(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<HandOverRecords> {
  if (schoolIds.length === 0) {
    return {
      aspirations: [],
      goals: [],
      targets: [],
      actions: [],
      reviews: [],
      activities: [],
      spells: [],
    }
  }
  const ofStudent = { studentId, schoolIds }

  const aspirations = await partsOf(db, 'plan_aspirations', ofStudent)
    .select(['words', 'gathered_how', 'recorded_on'])
    .orderBy('recorded_on', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const goals = await partsOf(db, 'plan_goals', ofStudent)
    .select(['area', 'goal', 'status'])
    .orderBy('id')
    .execute()
  const targets = await partsOf(db, 'plan_targets', ofStudent)
    .select(['rank', 'outcome_id', 'planned_start', 'note'])
    .orderBy('rank')
    .execute()
  const actions = await partsOf(db, 'plan_actions', ofStudent)
    .select(['what', 'who', 'due_on', 'status'])
    .orderBy('id')
    .execute()
  const reviews = await partsOf(db, 'plan_reviews', ofStudent)
    .select([
      'held_on',
      'kind',
      'participants',
      'summary',
      'next_review_on',
      'pfa_areas',
      'pfa_reason',
    ])
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute()

  return {
    aspirations: aspirations.map((row) => ({
      words: row.words,
      gatheredHow: row.gathered_how,
      recordedOn: row.recorded_on,
    })),
    goals,
    targets: targets.map((row) => ({
      rank: row.rank,
      outcomeId: row.outcome_id,
      plannedStart: row.planned_start,
      note: row.note,
    })),
    actions: actions.map((row) => ({ ...row, dueOn: row.due_on })),
    reviews: reviews.map((row) => ({
      heldOn: row.held_on,
      kind: row.kind,
      participants: row.participants,
      summary: row.summary,
      nextReviewOn: row.next_review_on,
      pfaAreas: row.pfa_areas.split(',').filter(Boolean),
      pfaReason: row.pfa_reason,
    })),
    activities: await loadActivities(db, ofStudent),
    spells: await loadSpells(db, ofStudent),
  }
}

type PartTable =
  'plan_aspirations' | 'plan_goals' | 'plan_targets' | 'plan_actions' | 'plan_reviews'

function partsOf<T extends PartTable>(
  db: Kysely<Tables>,
  table: T,
  { studentId, schoolIds }: { studentId: number; schoolIds: number[] },
) {
  // Each table is queried alone, so its columns need no table prefix.
  const query = db.selectFrom(table as PartTable)
  return query.where('student_id', '=', studentId).where('school_id', 'in', schoolIds)
}

async function loadActivities(
  db: Kysely<Tables>,
  { studentId, schoolIds }: { studentId: number; schoolIds: number[] },
): Promise<HandOverRecords['activities']> {
  const rows = await db
    .selectFrom('careers_activity_students as taking_part')
    .innerJoin('careers_activities as activity', 'activity.id', 'taking_part.activity_id')
    .select([
      'activity.title',
      'activity.kind',
      'activity.held_on',
      'activity.provider',
      'activity.benchmark',
      'activity.adjustments as adjustments_for_all',
      'taking_part.adjustments as adjustments_for_student',
      'taking_part.reflection',
    ])
    .where('taking_part.student_id', '=', studentId)
    .where('taking_part.school_id', 'in', schoolIds)
    .orderBy('activity.held_on', 'desc')
    .orderBy('activity.id', 'desc')
    .execute()
  return rows.map((row) => ({
    title: row.title,
    kind: row.kind,
    heldOn: row.held_on,
    provider: row.provider,
    benchmark: row.benchmark,
    adjustmentsForAll: row.adjustments_for_all,
    adjustmentsForStudent: row.adjustments_for_student,
    reflection: row.reflection,
  }))
}

async function loadSpells(
  db: Kysely<Tables>,
  { studentId, schoolIds }: { studentId: number; schoolIds: number[] },
): Promise<HandOverRecords['spells']> {
  const rows = await db
    .selectFrom('destination_spells')
    .selectAll()
    .where('student_id', '=', studentId)
    .where('school_id', 'in', schoolIds)
    .orderBy('start_date')
    .orderBy('id')
    .execute()
  return rows.map((row) => ({
    intent: row.intent,
    type: row.type,
    startDate: row.start_date,
    endDate: row.end_date,
    hoursPerWeek: row.hours_per_week,
    paid: row.paid,
    provider: row.provider,
    checkedOn: row.checked_on,
    nccisCode: row.nccis_code,
  }))
}
