// Career SEND groups (SEND Gatsby Benchmark Toolkit). The qualification pathway decides the group.
// Without a pathway the area of need suggests a provisional one, and staff can override either.
import { groupForArea, groupLabel } from './group-label.js'
import { describeOverride } from './group-override.js'
import { areaName } from './needs.js'
import { classifyPathway } from './pathway.js'
import type {
  AreaOfNeed,
  CareerSendGroup,
  GroupAssignment,
  GroupFlag,
  GroupOverride,
  StudentFacts,
} from './types.js'

export interface GroupInput {
  facts: StudentFacts
  override: GroupOverride | null
  areaOf: (code: string) => AreaOfNeed | null
}

/** The need whose area suggests a group: the primary need, or the secondary when the primary has no area. */
export interface NeedSuggestion {
  code: string
  area: AreaOfNeed
  rank: 'primary' | 'secondary'
  group: CareerSendGroup
}

export interface ComputedGroup {
  group: CareerSendGroup | null
  basis: 'pathway' | 'need' | null
  flags: GroupFlag[]
  explanation: string[]
  suggestion: NeedSuggestion | null
}

const COMPLEX_NEEDS_CODE = 'PMLD'

export { groupForArea, groupLabel }

export function assignGroup({ facts, override, areaOf }: GroupInput): GroupAssignment {
  const computed = computeGroup(facts, areaOf)
  const base = {
    computedGroup: computed.group,
    computedBasis: computed.basis,
    override,
  }
  if (!override) {
    const { group, basis, flags, explanation } = computed
    return { ...base, group, basis, flags, explanation, conflict: null }
  }
  return { ...base, ...describeOverride(override, computed) }
}

/** Applies the rules without any override. */
export function computeGroup(
  facts: StudentFacts,
  areaOf: (code: string) => AreaOfNeed | null,
): ComputedGroup {
  const explanation: string[] = []
  const pathway = classifyPathway(facts.pathway)
  if (pathway.message) explanation.push(pathway.message)

  const countsNeeds = facts.provision !== 'N'
  const suggestion = countsNeeds ? suggestFromNeeds(facts, areaOf) : null
  const flags: GroupFlag[] = []
  let group: CareerSendGroup | null = null
  let basis: ComputedGroup['basis'] = null

  if (pathway.level) {
    group = pathway.level === 'level2' ? 'two' : 'one'
    basis = 'pathway'
    explanation.push(pathwaySentence(facts.pathway ?? '', group))
    if (suggestion && suggestion.group !== group) {
      flags.push('atypical')
      explanation.push(atypicalSentence(suggestion))
    }
  } else if (suggestion) {
    group = suggestion.group
    basis = 'need'
    flags.push('provisional')
    explanation.push(provisionalSentence(suggestion))
  } else {
    explanation.push(unassignedSentence(facts, countsNeeds))
  }

  if (countsNeeds && hasComplexNeeds(facts)) {
    flags.push('complex_needs')
    explanation.push(
      'The student has profound and multiple learning difficulties (PMLD), and the Career SEND groups fit such complex needs only in part. Plan around the student rather than the group.',
    )
  }
  return { group, basis, flags, explanation, suggestion }
}

export function suggestFromNeeds(
  facts: Pick<StudentFacts, 'primaryNeed' | 'secondaryNeed'>,
  areaOf: (code: string) => AreaOfNeed | null,
): NeedSuggestion | null {
  const ranked = [
    { code: facts.primaryNeed, rank: 'primary' as const },
    { code: facts.secondaryNeed, rank: 'secondary' as const },
  ]
  for (const { code, rank } of ranked) {
    const area = code ? areaOf(code) : null
    if (code && area) return { code, area, rank, group: groupForArea(area) }
  }
  return null
}

function hasComplexNeeds(facts: StudentFacts): boolean {
  return [facts.primaryNeed, facts.secondaryNeed].some(
    (code) => code?.trim().toUpperCase() === COMPLEX_NEEDS_CODE,
  )
}

function pathwaySentence(pathway: string, group: CareerSendGroup): string {
  // Level 3 pathways (A levels, T Levels) also give Group Two, so the wording covers Level 2 and above.
  const meaning =
    group === 'two'
      ? 'GCSEs or other qualifications at Level 2 or above'
      : 'qualifications below Level 2'
  return `The student is in ${groupLabel(group)} because their qualification pathway, "${pathway.trim()}", means ${meaning}.`
}

function needPhrase(suggestion: NeedSuggestion): string {
  const area = areaName(suggestion.area).toLowerCase()
  return `their ${suggestion.rank} need, ${suggestion.code} (${area})`
}

function atypicalSentence(suggestion: NeedSuggestion): string {
  return (
    `This is atypical: ${needPhrase(suggestion)}, usually goes with ${groupLabel(suggestion.group)}. ` +
    'That is common and not an error, because the pathway decides the group.'
  )
}

function provisionalSentence(suggestion: NeedSuggestion): string {
  const fallback =
    suggestion.rank === 'secondary'
      ? ' The primary need has no area of need, so the secondary need is used.'
      : ''
  return (
    `No clear qualification pathway is recorded, so the group comes from ${needPhrase(suggestion)}: ${groupLabel(suggestion.group)}.` +
    `${fallback} The group is provisional until staff record a clear pathway.`
  )
}

function unassignedSentence(facts: StudentFacts, countsNeeds: boolean): string {
  const noPathway = 'No clear qualification pathway is recorded'
  if (!countsNeeds && (facts.primaryNeed || facts.secondaryNeed)) {
    return `${noPathway}, and the student's needs do not count because their provision is N (no SEN). Record a pathway to assign a group.`
  }
  return `${noPathway}, and no need with an area of need is recorded, so the student is unassigned. Record a pathway to assign a group.`
}
