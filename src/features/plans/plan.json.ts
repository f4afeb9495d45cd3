// The documented JSON of `send-careers plan show --format json`: a student's plan with each
// target's eligibility on the date it was evaluated.
import { findOutcome } from '../../domain/catalogue.js'
import { groupLabel } from '../../domain/group-label.js'
import {
  ACTION_STATUSES,
  GATHERED_HOW,
  GOAL_STATUSES,
  hasPlannedStartPassed,
  isActionOverdue,
  PFA_AREAS,
  REVIEW_KINDS,
} from '../../domain/plan.js'
import type { IsoDate } from '../../domain/types.js'
import type { ReferenceDate } from '../eligibility/reference-date.js'
import { displayName } from '../students/students.view-model.js'
import type { PlanDetail } from './plan.types.js'
import {
  latestAnnualReview,
  missedAreas,
  preparingForAdulthoodPrompt,
  targetEligibility,
} from './plan.view.js'

export function planAsJson(detail: PlanDetail, planningYear: ReferenceDate, today: IsoDate) {
  const { student, assignment, plan } = detail
  const prompt = preparingForAdulthoodPrompt(detail, today)
  const latestAnnual = latestAnnualReview(plan.reviews)
  return {
    student: {
      id: student.id,
      schoolId: student.schoolId,
      upn: student.upn,
      name: displayName(student),
      ncYear: student.ncYear,
      group: assignment.group,
      groupLabel: groupLabel(assignment.group),
    },
    planVersion: plan.version,
    updatedBy: plan.updatedBy,
    updatedAt: plan.updatedAt,
    planningYear: { academicYear: planningYear.academicYear, referenceDate: planningYear.date },
    preparingForAdulthood: {
      reviewsMustCoverAllAreas: prompt.applies,
      areasWithoutGoal: prompt.areasWithoutGoal,
      latestReviewAreasNotCovered: latestAnnual ? missedAreas(student, latestAnnual) : [],
    },
    aspirations: plan.aspirations.map((aspiration) => ({
      id: aspiration.id,
      words: aspiration.words,
      gatheredHow: aspiration.gatheredHow,
      gatheredHowLabel: GATHERED_HOW[aspiration.gatheredHow] ?? aspiration.gatheredHow,
      recordedOn: aspiration.recordedOn,
    })),
    goals: plan.goals.map((goal) => ({
      id: goal.id,
      area: goal.area,
      areaLabel: PFA_AREAS[goal.area] ?? goal.area,
      goal: goal.goal,
      status: goal.status,
      statusLabel: GOAL_STATUSES[goal.status] ?? goal.status,
    })),
    targets: plan.targets.map((target) => {
      const { result, date, description } = targetEligibility(detail, target, planningYear)
      return {
        rank: target.rank,
        outcomeId: target.outcomeId,
        title: findOutcome(target.outcomeId)?.title ?? target.outcomeId,
        plannedStart: target.plannedStart,
        plannedStartPassed: hasPlannedStartPassed(target.plannedStart, today),
        note: target.note,
        eligibility: {
          referenceDate: date,
          basis: target.plannedStart ? 'planned_start' : 'academic_year',
          description,
          verdict: result?.verdict ?? null,
          reasons: result?.reasons ?? [],
        },
      }
    }),
    actions: plan.actions.map((action) => ({
      id: action.id,
      what: action.what,
      who: action.who,
      dueOn: action.dueOn,
      status: action.status,
      statusLabel: ACTION_STATUSES[action.status] ?? action.status,
      overdue: isActionOverdue(action, today),
    })),
    reviews: plan.reviews.map((review) => ({
      id: review.id,
      heldOn: review.heldOn,
      kind: review.kind,
      kindLabel: REVIEW_KINDS[review.kind] ?? review.kind,
      participants: review.participants,
      summary: review.summary,
      nextReviewOn: review.nextReviewOn,
      pfaAreas: review.pfaAreas,
      pfaAreasNotCovered: missedAreas(student, review),
      pfaReason: review.pfaReason,
    })),
  }
}

export type PlanJson = ReturnType<typeof planAsJson>
