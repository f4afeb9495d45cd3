// Primary need as a percentage of each provision in state-funded schools, January 2024.
// Source: DfE "Special educational needs in England" figures as published in the
// "Outcomes for children in need" data set. Of all pupils, 13.4% had SEN support and 4.7% an EHC plan.

export interface NeedShare {
  code: string
  senSupport: number
  ehcPlan: number
}

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

/** SEN support and EHC plans as shares of all pupils with SEN, January 2024 (1,139,750 and 400,410). */
export const NATIONAL_EHC_PLAN_SHARE_OF_SEN_2024 = 400_410 / (1_139_750 + 400_410)

/**
 * Primary needs in a special school. NOTE: an illustrative mix, not a published figure: special
 * schools lean towards EHC plans for autism, severe and profound learning difficulties and SEMH.
 */
export const SPECIAL_SCHOOL_PRIMARY_NEED_MIX: readonly { code: string; weight: number }[] = [
  { code: 'ASD', weight: 38 },
  { code: 'SLD', weight: 22 },
  { code: 'SEMH', weight: 12 },
  { code: 'PMLD', weight: 9 },
  { code: 'MLD', weight: 8 },
  { code: 'SLCN', weight: 5 },
  { code: 'PD', weight: 3 },
  { code: 'MSI', weight: 1 },
  { code: 'HI', weight: 1 },
  { code: 'VI', weight: 1 },
]
