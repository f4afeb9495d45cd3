// National figures for England that reports show beside a school's own, each with its year and
// source. The values are kept as data so that a newer release replaces a row, not the code.

export interface NeedShare {
  code: string
  /** Percentage of pupils with SEN support whose primary need is this code. */
  senSupport: number
  /** Percentage of pupils with an EHC plan whose primary need is this code. */
  ehcPlan: number
}

/**
 * Primary need as a percentage of each provision in state-funded schools, January 2024. Source:
 * DfE "Special educational needs in England" figures as published in the "Outcomes for children
 * in need" data set.
 */
export const NATIONAL_PRIMARY_NEED_SHARES_2024: readonly NeedShare[] = [
  { code: 'SLCN', senSupport: 25.6, ehcPlan: 19.5 },
  { code: 'SEMH', senSupport: 22.3, ehcPlan: 15.5 },
  { code: 'MLD', senSupport: 15.8, ehcPlan: 8.5 },
  { code: 'SPLD', senSupport: 13.9, ehcPlan: 4.3 },
  { code: 'ASD', senSupport: 9.2, ehcPlan: 33.0 },
  { code: 'NSA', senSupport: 4.7, ehcPlan: 0.0 },
  { code: 'OTH', senSupport: 3.7, ehcPlan: 2.2 },
  { code: 'PD', senSupport: 1.9, ehcPlan: 3.6 },
  { code: 'HI', senSupport: 1.5, ehcPlan: 1.6 },
  { code: 'VI', senSupport: 0.9, ehcPlan: 1.0 },
  { code: 'MSI', senSupport: 0.3, ehcPlan: 0.3 },
  { code: 'SLD', senSupport: 0.2, ehcPlan: 7.9 },
  { code: 'PMLD', senSupport: 0.1, ehcPlan: 2.5 },
]

export const PRIMARY_NEED_SHARES_SOURCE =
  'DfE, Special educational needs in England, state-funded schools, January 2024'

/** SEN support and EHC plans as shares of all pupils with SEN, January 2024 (1,139,750 and 400,410). */
export const NATIONAL_EHC_PLAN_SHARE_OF_SEN_2024 = 400_410 / (1_139_750 + 400_410)

/** Pupils with an EHC plan as a percentage of pupils with SEN support or an EHC plan. */
export const EHC_PLAN_SHARE_OF_SEN: NationalFigure = {
  percent: Math.round(NATIONAL_EHC_PLAN_SHARE_OF_SEN_2024 * 1000) / 10,
  population: 'pupils with SEN in state-funded schools (400,410 of 1,540,160)',
  year: 'January 2024',
  source: PRIMARY_NEED_SHARES_SOURCE,
}

/** A published percentage for England, with what it measures. */
export interface NationalFigure {
  /** A percentage from 0 to 100. */
  percent: number
  /** The people the figure counts, in words a reader can compare with their own cohort. */
  population: string
  /** The year the figure describes, as the source writes it. */
  year: string
  source: string
}

// NOTE: the destination figures below are rounded ("about 90.5%") and were not checked against a
// DfE data table when written. Check them against the latest release before quoting them.
const DESTINATION_MEASURES_SOURCE = 'DfE, Key stage 4 destination measures'

/** KS4 leavers with an EHC plan in a sustained education, employment or apprenticeship destination. */
export const SUSTAINED_EHC_PLAN_KS4: NationalFigure = {
  percent: 90.5,
  population: 'KS4 leavers with an EHC plan',
  year: 'destination year 2020/21',
  source: DESTINATION_MEASURES_SOURCE,
}

/** KS4 leavers in sustained employment, by SEN provision, destination year 2020/21. */
export const SUSTAINED_EMPLOYMENT_KS4: Readonly<Record<'E' | 'K' | 'N', NationalFigure>> = {
  E: {
    percent: 1.5,
    population: 'KS4 leavers with an EHC plan',
    year: 'destination year 2020/21',
    source: DESTINATION_MEASURES_SOURCE,
  },
  K: {
    percent: 3.4,
    population: 'KS4 leavers with SEN support',
    year: 'destination year 2020/21',
    source: DESTINATION_MEASURES_SOURCE,
  },
  N: {
    percent: 2.3,
    population: 'KS4 leavers with no SEN',
    year: 'destination year 2020/21',
    source: DESTINATION_MEASURES_SOURCE,
  },
}

/** Pupils with SEN support or an EHC plan as a share of all pupils in state-funded schools. */
export const PUPIL_SEN_SHARES: readonly (NationalFigure & { provision: 'SEN' | 'K' | 'E' })[] = [
  {
    provision: 'K',
    percent: 13.4,
    population: 'pupils with SEN support (1,139,750 of 8,497,940)',
    year: 'January 2024',
    source: PRIMARY_NEED_SHARES_SOURCE,
  },
  {
    provision: 'E',
    percent: 4.7,
    population: 'pupils with an EHC plan (400,410 of 8,497,940)',
    year: 'January 2024',
    source: PRIMARY_NEED_SHARES_SOURCE,
  },
  {
    provision: 'SEN',
    percent: 19.6,
    population: 'pupils with SEN (over 1.7 million)',
    year: 'January 2025',
    source: 'DfE, Special educational needs in England, January 2025',
  },
  {
    provision: 'E',
    percent: 5.3,
    population: 'pupils with an EHC plan (about 483,000)',
    year: 'January 2025',
    source: 'DfE, Special educational needs in England, January 2025',
  },
]
