// The types of destination a student's spell can record: every catalogue outcome, plus the usual
// education, employment, NEET and not-known types that LA returns and DfE destination measures use.
import { OUTCOME_CATALOGUE } from './catalogue.js'

/**
 * The reporting category of a destination. `positive`: a catalogue outcome. `eet`: education, employment or
 * training outside the catalogue. `neet` and `not_known` are always reported on their own. `other`:
 * a young person counted as neither EET nor NEET.
 */
export type DestinationCategory = 'positive' | 'eet' | 'neet' | 'not_known' | 'other'

/** The activity a spell contributes to the sustained-destination rules. */
export type SustainedActivity = 'education' | 'employment' | 'apprenticeship'

export interface DestinationType {
  id: string
  label: string
  category: DestinationCategory
  activity: SustainedActivity | null
}

/** The sustained-destination activity of each catalogue outcome, keyed by outcome id. */
const OUTCOME_ACTIVITIES: Readonly<Record<string, SustainedActivity | null>> = {
  'supported-apprenticeship': 'apprenticeship',
  // A supported internship is a study programme, so it counts as education.
  'supported-internship': 'education',
  traineeship: 'education',
  'own-enterprise': 'employment',
  'supported-own-enterprise': 'employment',
  'self-employment': 'employment',
  'supported-self-employment': 'employment',
  // NCCIS counts volunteering without study as NEET, so it does not make a destination sustained.
  'supported-volunteering': null,
  // NOTE: counting a work placement as education is this product's choice, not a DfE rule. It
  // builds work skills and often runs alongside a vocational course.
  'extended-work-placement': 'education',
  // Usually a specialist residential college.
  'therapeutic-environment': 'education',
  'supported-independent-living': null,
  'paid-employment': 'employment',
  'supported-employment': 'employment',
  'further-education-college': 'education',
  'specialist-college': 'education',
  apprenticeship: 'apprenticeship',
}

/** The destination types outside the catalogue. */
export const OTHER_DESTINATION_TYPES: readonly DestinationType[] = [
  { id: 'school-sixth-form', label: 'School sixth form', category: 'eet', activity: 'education' },
  { id: 'sixth-form-college', label: 'Sixth-form college', category: 'eet', activity: 'education' },
  { id: 'higher-education', label: 'Higher education', category: 'eet', activity: 'education' },
  { id: 'other-education', label: 'Other education', category: 'eet', activity: 'education' },
  {
    id: 'part-time-employment',
    label: 'Employment below the paid-employment hours threshold',
    category: 'eet',
    activity: 'employment',
  },
  // DfE participation statistics leave re-engagement provision out of education and training,
  // so it is reported with NEET.
  {
    id: 're-engagement',
    label: 'Re-engagement provision',
    category: 'neet',
    activity: null,
  },
  {
    id: 'neet-seeking',
    label: 'NEET, seeking work or learning',
    category: 'neet',
    activity: null,
  },
  {
    id: 'neet-not-available-illness',
    label: 'NEET, not available because of illness',
    category: 'neet',
    activity: null,
  },
  {
    id: 'neet-not-available-caring',
    label: 'NEET, not available because of caring',
    category: 'neet',
    activity: null,
  },
  {
    id: 'neet-not-available-other',
    label: 'NEET, not available for another reason',
    category: 'neet',
    activity: null,
  },
  // A young person in custody is counted as neither EET nor NEET in participation figures. Education
  // in custody is a separate NCCIS code (290), which a spell can record as other education.
  { id: 'custody', label: 'In custody', category: 'other', activity: null },
  // A young person who has moved out of the area leaves the LA's cohort, so they are neither EET,
  // NEET nor an unknown to chase.
  { id: 'moved-away', label: 'Moved away from the area', category: 'other', activity: null },
  // Not known is a gap to chase, so it is never folded into another category.
  { id: 'not-known', label: 'Not known', category: 'not_known', activity: null },
]

function catalogueDestinationTypes(): DestinationType[] {
  return OUTCOME_CATALOGUE.outcomes.map((outcome) => ({
    id: outcome.id,
    label: outcome.title,
    category: 'positive',
    activity: OUTCOME_ACTIVITIES[outcome.id] ?? null,
  }))
}

/** Every destination type: the catalogue outcomes first, then the others. */
export const DESTINATION_TYPES: readonly DestinationType[] = [
  ...catalogueDestinationTypes(),
  ...OTHER_DESTINATION_TYPES,
]

const TYPES_BY_ID = new Map(DESTINATION_TYPES.map((type) => [type.id, type]))

export function findDestinationType(id: string): DestinationType | null {
  return TYPES_BY_ID.get(id) ?? null
}

/** Returns every destination type id, for messages that list the accepted values. */
export function destinationTypeIds(): string[] {
  return DESTINATION_TYPES.map((type) => type.id)
}
