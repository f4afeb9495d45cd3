import type { Kysely, Selectable } from 'kysely'
import { sql } from 'kysely'

import type {
  CareerPlanTable,
  PlanActionTable,
  PlanAspirationTable,
  PlanGoalTable,
  PlanReviewTable,
  PlanTargetTable,
  Tables,
} from '../../db/tables.js'
import { decodePfaAreas } from '../../domain/plan.js'
import type {
  ActionStatus,
  GatheredHow,
  GoalStatus,
  PfaArea,
  ReviewKind,
} from '../../domain/plan.js'
import type { PartColumns, TargetColumns } from './plan.validation.js'
import type {
  Action,
  Aspiration,
  CareerPlan,
  Goal,
  PartKind,
  PartOf,
  PartStamps,
  Review,
  Target,
} from './plan.types.js'

// Every read and write names the school ids the caller may see and filters by them in SQL, as the
// student repository does, so a plan of another school is never read or changed.

export const PART_TABLES = {
  aspiration: 'plan_aspirations',
  goal: 'plan_goals',
  action: 'plan_actions',
  review: 'plan_reviews',
} as const satisfies Record<PartKind, keyof Tables>

type PlanRow = Selectable<CareerPlanTable>

/** The author of a change, and its time as an ISO 8601 timestamp. */
export interface Stamp {
  by: string
  now: string
}

function stampsOf(row: {
  id: number
  created_by: string
  created_at: string
  updated_by: string
  updated_at: string
}): PartStamps {
  return {
    id: row.id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  }
}

// The service writes only values from the plan vocabularies, so the stored text is read as them.
function toAspiration(row: Selectable<PlanAspirationTable>): Aspiration {
  const gatheredHow = row.gathered_how as GatheredHow
  return { ...stampsOf(row), words: row.words, gatheredHow, recordedOn: row.recorded_on }
}

function toGoal(row: Selectable<PlanGoalTable>): Goal {
  const area = row.area as PfaArea
  return { ...stampsOf(row), area, goal: row.goal, status: row.status as GoalStatus }
}

function toTarget(row: Selectable<PlanTargetTable>): Target {
  return {
    ...stampsOf(row),
    rank: row.rank,
    outcomeId: row.outcome_id,
    plannedStart: row.planned_start,
    note: row.note,
  }
}

function toAction(row: Selectable<PlanActionTable>): Action {
  const status = row.status as ActionStatus
  return { ...stampsOf(row), what: row.what, who: row.who, dueOn: row.due_on, status }
}

function toReview(row: Selectable<PlanReviewTable>): Review {
  return {
    ...stampsOf(row),
    heldOn: row.held_on,
    kind: row.kind as ReviewKind,
    participants: row.participants,
    summary: row.summary,
    nextReviewOn: row.next_review_on,
    pfaAreas: decodePfaAreas(row.pfa_areas),
    pfaReason: row.pfa_reason,
  }
}

/** Returns the plan of a student with nothing saved yet. */
export function emptyPlan(): CareerPlan {
  return {
    id: null,
    version: 0,
    updatedBy: null,
    updatedAt: null,
    aspirations: [],
    goals: [],
    targets: [],
    actions: [],
    reviews: [],
  }
}

async function findPlanRow(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<PlanRow | null> {
  if (schoolIds.length === 0) return null
  const row = await db
    .selectFrom('career_plans')
    .selectAll()
    .where('student_id', '=', studentId)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  return row ?? null
}

/** Reads a student's plan with all its parts, or an empty plan at version 0 when there is none. */
export async function findPlan(
  db: Kysely<Tables>,
  schoolIds: number[],
  studentId: number,
): Promise<CareerPlan> {
  const row = await findPlanRow(db, schoolIds, studentId)
  if (!row) return emptyPlan()

  const aspirations = await db
    .selectFrom('plan_aspirations')
    .selectAll()
    .where('plan_id', '=', row.id)
    .orderBy('id')
    .execute()
  const goals = await db
    .selectFrom('plan_goals')
    .selectAll()
    .where('plan_id', '=', row.id)
    .orderBy('id')
    .execute()
  const targets = await db
    .selectFrom('plan_targets')
    .selectAll()
    .where('plan_id', '=', row.id)
    .orderBy('rank')
    .execute()
  const actions = await db
    .selectFrom('plan_actions')
    .selectAll()
    .where('plan_id', '=', row.id)
    .orderBy(sql`case when due_on is null then 1 else 0 end`)
    .orderBy('due_on')
    .orderBy('id')
    .execute()
  const reviews = await db
    .selectFrom('plan_reviews')
    .selectAll()
    .where('plan_id', '=', row.id)
    .orderBy('held_on', 'desc')
    .orderBy('id', 'desc')
    .execute()

  return {
    id: row.id,
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
    aspirations: aspirations.map(toAspiration),
    goals: goals.map(toGoal),
    targets: targets.map(toTarget),
    actions: actions.map(toAction),
    reviews: reviews.map(toReview),
  }
}

/**
 * Creates a student's plan at version 1. Returns its id, or null when the student has a plan
 * already, which a concurrent first save can have created since the caller read it.
 */
export async function insertPlan(
  db: Kysely<Tables>,
  student: { id: number; schoolId: number },
  { by, now }: Stamp,
): Promise<number | null> {
  const row = await db
    .insertInto('career_plans')
    .values({
      school_id: student.schoolId,
      student_id: student.id,
      version: 1,
      created_by: by,
      created_at: now,
      updated_by: by,
      updated_at: now,
    })
    .onConflict((conflict) => conflict.column('student_id').doNothing())
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/**
 * Raises a plan's version from `expected` by one. Returns false, changing nothing, when the
 * stored version is no longer `expected`. The version check and the raise are one UPDATE, so two
 * writers that read the same version cannot both pass it.
 */
export async function raiseVersion(
  db: Kysely<Tables>,
  schoolIds: number[],
  planId: number,
  expected: number,
  { by, now }: Stamp,
): Promise<boolean> {
  if (schoolIds.length === 0) return false
  const result = await db
    .updateTable('career_plans')
    .set((eb) => ({ version: eb('version', '+', 1), updated_by: by, updated_at: now }))
    .where('id', '=', planId)
    .where('version', '=', expected)
    .where('school_id', 'in', schoolIds)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** The ids every part row carries, beside its own columns. */
export interface PartOwner {
  planId: number
  schoolId: number
  studentId: number
}

/** Inserts one part of a plan and returns its id. */
export async function insertPart<K extends PartKind>(
  db: Kysely<Tables>,
  kind: K,
  owner: PartOwner,
  columns: PartColumns[K],
  { by, now }: Stamp,
): Promise<number> {
  const row = {
    plan_id: owner.planId,
    school_id: owner.schoolId,
    student_id: owner.studentId,
    ...columns,
    created_by: by,
    created_at: now,
    updated_by: by,
    updated_at: now,
  }
  // The four part tables share their stamp columns, and PartColumns[K] gives each table's own
  // columns, but Kysely cannot follow a table name chosen at run time, so one table type is used for all four.
  const inserted = await db
    .insertInto(PART_TABLES[kind] as 'plan_goals')
    .values(row as never)
    .returning('id')
    .executeTakeFirstOrThrow()
  return inserted.id
}

export async function updatePart<K extends PartKind>(
  db: Kysely<Tables>,
  kind: K,
  planId: number,
  partId: number,
  columns: PartColumns[K],
  { by, now }: Stamp,
): Promise<void> {
  await db
    .updateTable(PART_TABLES[kind] as 'plan_goals')
    .set({ ...columns, updated_by: by, updated_at: now } as never)
    .where('id', '=', partId)
    .where('plan_id', '=', planId)
    .execute()
}

export async function deletePart(
  db: Kysely<Tables>,
  kind: PartKind,
  planId: number,
  partId: number,
): Promise<void> {
  await db
    .deleteFrom(PART_TABLES[kind] as 'plan_goals')
    .where('id', '=', partId)
    .where('plan_id', '=', planId)
    .execute()
}

/** Replaces a plan's targets with a new ranked list. */
export async function replaceTargets(
  db: Kysely<Tables>,
  owner: PartOwner,
  targets: TargetColumns[],
  { by, now }: Stamp,
): Promise<void> {
  await db.deleteFrom('plan_targets').where('plan_id', '=', owner.planId).execute()
  if (targets.length === 0) return
  await db
    .insertInto('plan_targets')
    .values(
      targets.map((target) => ({
        plan_id: owner.planId,
        school_id: owner.schoolId,
        student_id: owner.studentId,
        ...target,
        created_by: by,
        created_at: now,
        updated_by: by,
        updated_at: now,
      })),
    )
    .execute()
}

/** Finds one part in a plan that has been read, or null. */
export function findPart<K extends PartKind>(
  plan: CareerPlan,
  kind: K,
  partId: number,
): PartOf[K] | null {
  const lists: { [P in PartKind]: PartOf[P][] } = {
    aspiration: plan.aspirations,
    goal: plan.goals,
    action: plan.actions,
    review: plan.reviews,
  }
  const list = lists[kind] as PartOf[K][]
  return list.find((part) => part.id === partId) ?? null
}
