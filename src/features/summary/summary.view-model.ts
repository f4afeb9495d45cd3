// The one-page summary of a student: the facts a tutor or a visiting adviser needs at a glance,
// built from the plan detail and the hand-over pack's records and labels.
import { findOutcome } from '../../domain/catalogue.js'
import { findDestinationType } from '../../domain/destination-types.js'
import { formatLongDate } from '../../domain/format.js'
import { benchmarkTitle, isBenchmarkNumber } from '../../domain/gatsby.js'
import { groupLabel } from '../../domain/group-label.js'
import { reportedDestination } from '../../domain/reported-destination.js'
import type { IsoDate } from '../../domain/types.js'
import type { ReferenceDate } from '../eligibility/reference-date.js'
import { INTENT_LABELS, labelOf, OPEN_ACTION_STATUSES } from '../hand-over/hand-over.labels.js'
import type { HandOverRecords } from '../hand-over/hand-over.repository.js'
import type { PlanDetail } from '../plans/plan.types.js'
import { targetEligibility } from '../plans/plan.view.js'
import { basisLabel, displayName, verdictTag } from '../students/students.view-model.js'

/** Open actions the summary lists, soonest due first. */
export const SUMMARY_ACTIONS = 3

/** The characters of an action's text that the summary shows, so three actions fit one A4 page. */
export const SUMMARY_ACTION_LENGTH = 200

/** Cuts text longer than SUMMARY_ACTION_LENGTH at a word break, adding an ellipsis and a pointer. */
function shortenActionText(text: string): string {
  if (text.length <= SUMMARY_ACTION_LENGTH) return text
  const cut = text.slice(0, SUMMARY_ACTION_LENGTH)
  const lastSpace = cut.lastIndexOf(' ')
  const start = lastSpace > SUMMARY_ACTION_LENGTH / 2 ? cut.slice(0, lastSpace) : cut
  return `${start.trimEnd()}… (full text in the plan)`
}

export interface StudentSummary {
  title: string
  studentId: number
  preparedOn: string
  /** The leaving date when it is today or earlier, or null for a student still at school. */
  leftOn: string | null
  yearGroup: string
  groupSentence: string
  targets: {
    rank: number
    title: string
    /** The eligibility verdict, or null for an outcome no longer in the catalogue. */
    verdict: { text: string; classes: string } | null
    /** The date eligibility was judged on: the planned start, or the planning year's date. */
    judgedOn: string
  }[]
  nextActions: { what: string; who: string; due: string }[]
  latestReview: string | null
  nextReview: string | null
  benchmarks: { title: string; activities: number }[]
  destination: string | null
}

/** Writes the group, what decided it and the first reason as one sentence. */
function groupSentence(detail: PlanDetail): string {
  const { group, basis, explanation } = detail.assignment
  const decidedBy = basisLabel(basis).toLowerCase()
  const reason = explanation[0]?.replace(/\.$/, '')
  if (!group) return `No Career SEND group yet${reason ? `: ${reason}` : ''}.`
  return `${groupLabel(group)}, ${decidedBy}${reason ? `: ${reason}` : ''}.`
}

function nextActions(records: HandOverRecords) {
  const open = records.actions.filter((action) => OPEN_ACTION_STATUSES.includes(action.status))
  // Actions with a due date come first, soonest first. The rest keep the order they were added in.
  const dated = open.filter((action) => action.dueOn !== null)
  const undated = open.filter((action) => action.dueOn === null)
  dated.sort((a, b) => ((a.dueOn ?? '') < (b.dueOn ?? '') ? -1 : 1))
  return [...dated, ...undated].slice(0, SUMMARY_ACTIONS).map((action) => ({
    what: shortenActionText(action.what),
    who: action.who,
    due: action.dueOn ? formatLongDate(action.dueOn) : 'No date set',
  }))
}

/** Lists each Gatsby Benchmark with an activity held by today, in today's wording. */
function benchmarksCovered(records: HandOverRecords, today: IsoDate) {
  const counts = new Map<number, number>()
  for (const activity of records.activities) {
    if (activity.heldOn > today) continue
    counts.set(activity.benchmark, (counts.get(activity.benchmark) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([number, activities]) => ({
      title: isBenchmarkNumber(number) ? benchmarkTitle(number, today) : `Benchmark ${number}`,
      activities,
    }))
}

function destinationText(records: HandOverRecords, today: IsoDate): string | null {
  const spell = reportedDestination(records.spells, today)
  if (!spell) return null
  const type = findDestinationType(spell.type)?.label ?? spell.type
  const intent = labelOf(INTENT_LABELS, spell.intent).toLowerCase()
  const start = spell.startDate > today ? 'starting' : 'from'
  const provider = spell.provider?.trim() ? ` at ${spell.provider.trim()}` : ''
  const end = spell.endDate ? ` to ${formatLongDate(spell.endDate)}` : ''
  return `${type} (${intent})${provider}, ${start} ${formatLongDate(spell.startDate)}${end}`
}

/** Builds the summary from a student's plan and the hand-over pack's records. */
export function studentSummary(
  detail: PlanDetail,
  records: HandOverRecords,
  planningYear: ReferenceDate,
  today: IsoDate,
): StudentSummary {
  const latest = records.reviews[0]
  const { leftOn, ncYear } = detail.student
  const left = leftOn !== null && leftOn <= today
  const year = ncYear ? `Year ${ncYear}` : 'Year not recorded'
  return {
    title: `Summary: ${displayName(detail.student)}`,
    studentId: detail.student.id,
    preparedOn: formatLongDate(today),
    leftOn: left ? formatLongDate(leftOn) : null,
    yearGroup: left && ncYear ? `${year} at leaving` : year,
    groupSentence: groupSentence(detail),
    targets: detail.plan.targets.map((target) => {
      const { result, date } = targetEligibility(detail, target, planningYear)
      return {
        rank: target.rank,
        title: findOutcome(target.outcomeId)?.title ?? target.outcomeId,
        verdict: result ? verdictTag(result.verdict) : null,
        judgedOn: formatLongDate(date),
      }
    }),
    nextActions: nextActions(records),
    latestReview: latest ? formatLongDate(latest.heldOn) : null,
    nextReview: latest?.nextReviewOn ? formatLongDate(latest.nextReviewOn) : null,
    benchmarks: benchmarksCovered(records, today),
    destination: destinationText(records, today),
  }
}
