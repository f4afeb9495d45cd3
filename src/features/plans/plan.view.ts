// Builds what the plan page shows from a stored plan: labels in words, dates in UK form, goals by
// Preparing for Adulthood area, each target's eligibility and the overdue actions.
import { findOutcome } from '../../domain/catalogue.js'
import { evaluateEligibility } from '../../domain/eligibility.js'
import { formatLongDate } from '../../domain/format.js'
import { groupLabel } from '../../domain/group-label.js'
import {
  ACTION_STATUSES,
  areasNotCovered,
  areasWithoutGoal,
  GATHERED_HOW,
  GOAL_STATUSES,
  hasPlannedStartPassed,
  isActionOverdue,
  listAreaLabels,
  needsPreparingForAdulthoodPrompt,
  reviewMustCoverAllAreas,
  PFA_AREAS,
  REVIEW_KINDS,
} from '../../domain/plan.js'
import type { PfaArea, PromptFacts } from '../../domain/plan.js'
import type { IsoDate, OutcomeEligibility } from '../../domain/types.js'
import type { ReferenceDate } from '../eligibility/reference-date.js'
import { toStudentFacts } from '../students/student.grouping.js'
import { displayName, verdictTag } from '../students/students.view-model.js'
import type { Action, Aspiration, Goal, PlanDetail, Review, Target } from './plan.types.js'

/** The address of each kind of part's pages under `/students/:id/plan/`. */
export const SECTION_SLUGS = {
  aspiration: 'aspirations',
  goal: 'goals',
  action: 'actions',
  review: 'reviews',
} as const

export function planUrl(studentId: number): string {
  return `/students/${studentId}/plan`
}

export function longDateOrNone(date: IsoDate | null, none = 'None recorded'): string {
  return date ? formatLongDate(date) : none
}

export function aspirationView(studentId: number, aspiration: Aspiration) {
  const base = `${planUrl(studentId)}/aspirations/${aspiration.id}`
  return {
    words: aspiration.words,
    gatheredHow: GATHERED_HOW[aspiration.gatheredHow] ?? aspiration.gatheredHow,
    recordedOn: formatLongDate(aspiration.recordedOn),
    editHref: base,
    removeHref: `${base}/remove`,
  }
}

export function goalView(studentId: number, goal: Goal) {
  const base = `${planUrl(studentId)}/goals/${goal.id}`
  return {
    area: PFA_AREAS[goal.area] ?? goal.area,
    goal: goal.goal,
    status: GOAL_STATUSES[goal.status] ?? goal.status,
    editHref: base,
    removeHref: `${base}/remove`,
  }
}

function goalAreas(studentId: number, goals: Goal[]) {
  return (Object.keys(PFA_AREAS) as PfaArea[]).map((area) => ({
    id: area,
    label: PFA_AREAS[area],
    goals: goals.filter((goal) => goal.area === area).map((goal) => goalView(studentId, goal)),
  }))
}

/** Evaluates one target's eligibility on its planned start, or on the planning year's date. */
export function targetEligibility(
  detail: PlanDetail,
  target: Target,
  planningYear: ReferenceDate,
): { result: OutcomeEligibility | null; date: IsoDate; description: string } {
  const date = target.plannedStart ?? planningYear.date
  const description = target.plannedStart ? 'the planned start date' : planningYear.description
  const results = evaluateEligibility({
    facts: toStudentFacts(detail.student),
    group: detail.assignment.group,
    referenceDate: date,
  })
  const result = results.find((candidate) => candidate.outcomeId === target.outcomeId) ?? null
  return { result, date, description }
}

const VERDICT_FLAGS = {
  eligible: null,
  check: 'Check this target: a condition needs a person to confirm it.',
  not_eligible: 'This target is not open to the student on this date.',
} as const

export function targetView(
  detail: PlanDetail,
  target: Target,
  planningYear: ReferenceDate,
  today: IsoDate,
) {
  const { result, date, description } = targetEligibility(detail, target, planningYear)
  return {
    rank: target.rank,
    title: findOutcome(target.outcomeId)?.title ?? target.outcomeId,
    outcomeHref: `/outcomes/${encodeURIComponent(target.outcomeId)}`,
    plannedStart: longDateOrNone(target.plannedStart, 'Not planned yet'),
    startPassed: hasPlannedStartPassed(target.plannedStart, today),
    note: target.note,
    evaluatedOn: `${formatLongDate(date)} (${description})`,
    tag: result ? verdictTag(result.verdict) : null,
    flag: result ? VERDICT_FLAGS[result.verdict] : 'This outcome is not in the catalogue.',
    reasons: result?.reasons ?? [],
  }
}

export function actionView(studentId: number, action: Action, today: IsoDate) {
  const base = `${planUrl(studentId)}/actions/${action.id}`
  const overdue = isActionOverdue(action, today)
  return {
    what: action.what,
    who: action.who,
    dueOn: longDateOrNone(action.dueOn, 'No date set'),
    status: ACTION_STATUSES[action.status] ?? action.status,
    overdue:
      overdue && action.dueOn ? `Overdue: this was due on ${formatLongDate(action.dueOn)}` : null,
    editHref: base,
    removeHref: `${base}/remove`,
  }
}

/**
 * Returns the Preparing for Adulthood areas an EHC plan annual review left out, when the
 * student's reviews get the prompt on the review's date, as the review form checks. Empty for
 * other kinds of review, which are not asked to cover the areas, and for any other student.
 */
export function missedAreas(student: PromptFacts, review: Review): PfaArea[] {
  if (
    !reviewMustCoverAllAreas(review.kind, needsPreparingForAdulthoodPrompt(student, review.heldOn))
  )
    return []
  return areasNotCovered(review.pfaAreas)
}

/** Returns the newest EHC plan annual review, or undefined. Reviews are listed newest first. */
export function latestAnnualReview(reviews: readonly Review[]): Review | undefined {
  return reviews.find((review) => review.kind === 'ehcp_annual')
}

export function reviewView(studentId: number, review: Review, student: PromptFacts) {
  const base = `${planUrl(studentId)}/reviews/${review.id}`
  const missed = missedAreas(student, review)
  return {
    heldOn: formatLongDate(review.heldOn),
    kind: REVIEW_KINDS[review.kind] ?? review.kind,
    participants: review.participants,
    summary: review.summary,
    nextReviewOn: longDateOrNone(review.nextReviewOn, 'Not set'),
    areas: review.pfaAreas.map((area) => PFA_AREAS[area]),
    notCovered: missed.length > 0 ? `This review did not cover: ${listAreaLabels(missed)}.` : null,
    pfaReason: review.pfaReason,
    editHref: base,
    removeHref: `${base}/remove`,
  }
}

/**
 * Says whether reviews must cover the four areas, which areas have no goal yet, and which areas
 * the latest EHC plan annual review left out, as a warning, or null when it covered all four.
 */
export function preparingForAdulthoodPrompt(detail: PlanDetail, today: IsoDate) {
  const latest = latestAnnualReview(detail.plan.reviews)
  const missed = latest ? missedAreas(detail.student, latest) : []
  const latestName = latest
    ? `${REVIEW_KINDS[latest.kind] ?? latest.kind}, ${formatLongDate(latest.heldOn)}`
    : ''
  return {
    applies: needsPreparingForAdulthoodPrompt(detail.student, today),
    areasWithoutGoal: areasWithoutGoal(detail.plan.goals).map((area) => PFA_AREAS[area]),
    latestReviewMissed:
      missed.length > 0
        ? `The latest annual review (${latestName}) did not cover: ${listAreaLabels(missed)}.`
        : null,
  }
}

/** Describes the student at the top of every plan page. */
export function studentHeading(detail: PlanDetail) {
  const { student, assignment } = detail
  return {
    id: student.id,
    name: displayName(student),
    year: student.ncYear ?? 'None recorded',
    group: groupLabel(assignment.group),
  }
}

/** Returns the template context of the plan page. */
export function planPageContext(detail: PlanDetail, planningYear: ReferenceDate, today: IsoDate) {
  const { plan } = detail
  const studentId = detail.student.id
  return {
    student: studentHeading(detail),
    version: plan.version,
    updated: plan.updatedAt
      ? `${plan.updatedBy ?? ''} on ${formatLongDate(plan.updatedAt.slice(0, 10))}`
      : null,
    aspirations: plan.aspirations.map((aspiration) => aspirationView(studentId, aspiration)),
    goalAreas: goalAreas(studentId, plan.goals),
    targets: plan.targets.map((target) => targetView(detail, target, planningYear, today)),
    planningYear: { ...planningYear, longDate: formatLongDate(planningYear.date) },
    actions: plan.actions.map((action) => actionView(studentId, action, today)),
    reviews: plan.reviews.map((review) => reviewView(studentId, review, detail.student)),
    prompt: preparingForAdulthoodPrompt(detail, today),
  }
}
