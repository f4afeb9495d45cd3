// A career plan as the service returns it: camelCase objects converted from the plan tables' rows.
import type {
  ActionStatus,
  GatheredHow,
  GoalStatus,
  PfaArea,
  ReviewKind,
} from '../../domain/plan.js'
import type { GroupAssignment, IsoDate } from '../../domain/types.js'
import type { StoredStudent } from '../students/student.repository.js'

/** The editable parts of a plan. Targets are set as one ranked list, so they are not among them. */
export const PART_KINDS = ['aspiration', 'goal', 'action', 'review'] as const
export type PartKind = (typeof PART_KINDS)[number]

/** Who created and last changed a part, and when (ISO 8601 timestamps). */
export interface PartStamps {
  id: number
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
}

export interface Aspiration extends PartStamps {
  words: string
  gatheredHow: GatheredHow
  recordedOn: IsoDate
}

export interface Goal extends PartStamps {
  area: PfaArea
  goal: string
  status: GoalStatus
}

export interface Target extends PartStamps {
  /** 1 to MAX_TARGETS, 1 first. */
  rank: number
  outcomeId: string
  plannedStart: IsoDate | null
  note: string | null
}

export interface Action extends PartStamps {
  what: string
  who: string
  dueOn: IsoDate | null
  status: ActionStatus
}

export interface Review extends PartStamps {
  heldOn: IsoDate
  kind: ReviewKind
  participants: string
  summary: string
  nextReviewOn: IsoDate | null
  pfaAreas: PfaArea[]
  /** The reason the review did not cover every Preparing for Adulthood area, or null. */
  pfaReason: string | null
}

export interface PartOf {
  aspiration: Aspiration
  goal: Goal
  action: Action
  review: Review
}

/** A student's plan. A student with no plan yet has an empty one at version 0. */
export interface CareerPlan {
  /** Null until the first save creates the plan. */
  id: number | null
  version: number
  updatedBy: string | null
  updatedAt: string | null
  /** Oldest first. */
  aspirations: Aspiration[]
  goals: Goal[]
  /** Rank order. */
  targets: Target[]
  /** Due date order, undated last. */
  actions: Action[]
  /** Newest first. */
  reviews: Review[]
}

/** A student with their group and plan: everything the plan page and command show. */
export interface PlanDetail {
  student: StoredStudent
  assignment: GroupAssignment
  plan: CareerPlan
}

/** The list in a plan that holds each kind of part. */
export const LIST_OF = {
  aspiration: 'aspirations',
  goal: 'goals',
  action: 'actions',
  review: 'reviews',
} as const satisfies Record<PartKind, keyof CareerPlan>
