// Shared vocabulary of the domain layer. Every rule module and every layer above imports these
// names, so the CLI, the pages and the exports describe a student in the same terms.

/** A calendar date written `yyyy-mm-dd`. It is never an instant, so no time zone can move it. */
export type IsoDate = string

/** The four broad areas of need of the SEND Code of Practice 0 to 25 (2015). */
export type AreaOfNeed =
  'communication_interaction' | 'cognition_learning' | 'semh' | 'sensory_physical'

/** SEN provision after legacy values are mapped: no SEN, SEN support, or an EHC plan. */
export type Provision = 'N' | 'K' | 'E'

/** Provision exactly as the census coded it, legacy codes included (S statement, A and P school action). */
export type ProvisionCode = Provision | 'S' | 'A' | 'P'

export type CareerSendGroup = 'one' | 'two'

/** The source of a Career SEND group, so reports can tell firm groups from provisional ones. */
export type GroupBasis = 'pathway' | 'need' | 'override'

export type GroupFlag = 'provisional' | 'atypical' | 'complex_needs'

/** The one question that decides the group: will the student take GCSEs or other Level 2 qualifications? */
export type QualificationLevel = 'level2' | 'below_level2'

export type Verdict = 'eligible' | 'check' | 'not_eligible'

/** A rule's outcome: a value with the warnings to show beside it, or an error message. */
export type Parsed<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string }

/** A group chosen by staff in place of the computed one. */
export interface GroupOverride {
  group: CareerSendGroup
  reason: string
  /** The person who made the override: a user name, or the operating-system user for the command line. */
  by: string
  /** When, as an ISO 8601 timestamp. */
  at: string
  /** The computed group when the override was made, so a later change of pathway or need shows as a conflict. */
  computedGroupAtOverride: CareerSendGroup | null
}

/** The facts about a student that grouping and eligibility read. */
export interface StudentFacts {
  dateOfBirth: IsoDate
  provision: Provision
  /** The provision code as imported, so a legacy statement (S) can be flagged. */
  provisionCode: ProvisionCode
  /** Census need codes in upper case (`ASD`), or a local code kept as written. */
  primaryNeed: string | null
  secondaryNeed: string | null
  /** The qualification pathway as the school wrote it ("GCSE", "Entry Level 3"), or null when unknown. */
  pathway: string | null
  ehcPlanStartDate: IsoDate | null
}

export interface GroupAssignment {
  group: CareerSendGroup | null
  basis: GroupBasis | null
  flags: GroupFlag[]
  /** Plain-English sentences saying why this group was chosen, in the order a person reads them. */
  explanation: string[]
  /** The group the rules give before any override, so a page can show both. */
  computedGroup: CareerSendGroup | null
  computedBasis: Exclude<GroupBasis, 'override'> | null
  override: GroupOverride | null
  /** Set when an override exists and the computed group has changed since it was made. */
  conflict: string | null
}

export interface OutcomeEligibility {
  outcomeId: string
  /** The group the catalogue lists the outcome under. */
  group: CareerSendGroup
  verdict: Verdict
  /** Reasons a person can act on, each a full sentence. Never empty. */
  reasons: string[]
  referenceDate: IsoDate
}
