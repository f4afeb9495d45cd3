// Words for the stored values of plans, activities and destinations, as the hand-over pack shows
// them. A value with no label here is shown as stored.
// TODO: the plan, activity and destination features name these values too. Share one table once
// they are merged, so the pack and their pages cannot drift apart.

export const GATHERED_HOW_LABELS: Record<string, string> = {
  own_words: 'In their own words',
  with_support: 'With support',
  symbols_aac: 'Using symbols or AAC',
  family_view: 'The family’s view',
}

/** Preparing for Adulthood outcome areas, in the order the SEND Code of Practice lists them. */
export const PFA_AREA_LABELS: Record<string, string> = {
  employment: 'Employment',
  independent_living: 'Independent living',
  community: 'Friends, relationships and community',
  health: 'Good health',
}

export const GOAL_STATUS_LABELS: Record<string, string> = {
  active: 'Active',
  achieved: 'Achieved',
  stopped: 'Stopped',
}

export const ACTION_STATUS_LABELS: Record<string, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

/** The action statuses that leave an action open. */
export const OPEN_ACTION_STATUSES: readonly string[] = ['not_started', 'in_progress']

export const REVIEW_KIND_LABELS: Record<string, string> = {
  ehcp_annual: 'EHC plan annual review',
  careers_guidance: 'Careers guidance review',
  transition: 'Transition review',
}

export const ACTIVITY_KIND_LABELS: Record<string, string> = {
  employer_encounter: 'Encounter with employers',
  workplace_experience: 'Experience of a workplace',
  education_encounter: 'Encounter with further or higher education',
  guidance_interview: 'Guidance interview',
}

// NOTE: these are the short names of the Gatsby Benchmarks as updated in September 2025. The
// wording for activities held before then differed slightly and is not shown.
export const BENCHMARK_NAMES: Record<number, string> = {
  1: 'A stable careers programme',
  2: 'Learning from career and labour market information',
  3: 'Addressing the needs of each young person',
  4: 'Linking curriculum learning to careers',
  5: 'Encounters with employers and employees',
  6: 'Experiences of workplaces',
  7: 'Encounters with further and higher education',
  8: 'Personal guidance',
}

export const INTENT_LABELS: Record<string, string> = {
  intended: 'Intended',
  actual: 'Actual',
}

/** Returns the label of a stored value, or the value itself when the table has none. */
export function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value
}
