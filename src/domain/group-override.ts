// Overrides of the Career SEND group by staff. An override stays until someone removes it, and a later
// change to the computed group shows as a conflict instead of quietly replacing it.
import { isValidIsoDate } from './calendar.js'
import { formatLongDate } from './format.js'
import type { ComputedGroup } from './group.js'
import { groupLabel } from './group-label.js'
import type { GroupAssignment, GroupFlag, GroupOverride } from './types.js'

type OverrideResult = Pick<
  GroupAssignment,
  'group' | 'basis' | 'flags' | 'explanation' | 'conflict'
>

export function describeOverride(override: GroupOverride, computed: ComputedGroup): OverrideResult {
  const flags: GroupFlag[] = computed.flags.filter((flag) => flag === 'complex_needs')
  if (computed.suggestion && computed.suggestion.group !== override.group) flags.unshift('atypical')

  const explanation = [
    `Staff set the group to ${groupLabel(override.group)}${madeWhen(override)}. Their reason: "${override.reason.trim()}".`,
    `Without the override the rules give ${rulesResult(computed)}.`,
  ]
  const conflict = conflictSentence(override, computed)
  if (conflict) explanation.push(conflict)
  return { group: override.group, basis: 'override', flags, explanation, conflict }
}

function madeWhen(override: GroupOverride): string {
  const day = override.at.slice(0, 10)
  const on = isValidIsoDate(day) ? ` on ${formatLongDate(day)}` : ''
  const by = override.by.trim() ? ` (${override.by.trim()})` : ''
  return `${on}${by}`
}

function rulesResult(computed: ComputedGroup): string {
  if (computed.group === null) return 'no group'
  const provisional = computed.basis === 'need' ? ', provisionally' : ''
  return `${groupLabel(computed.group)}${provisional}`
}

function conflictSentence(override: GroupOverride, computed: ComputedGroup): string | null {
  if (computed.group === override.computedGroupAtOverride) return null
  const then = override.computedGroupAtOverride
  const thenText = then === null ? 'no group' : groupLabel(then)
  const nowText = computed.group === null ? 'no group' : groupLabel(computed.group)
  return `When the override was made the rules gave ${thenText}, but they now give ${nowText} after a change to the pathway or needs. Review whether the override still applies.`
}
