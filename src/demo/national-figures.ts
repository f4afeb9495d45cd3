// The national figures live in the domain, where reports also read them.
export {
  NATIONAL_EHC_PLAN_SHARE_OF_SEN_2024,
  NATIONAL_PRIMARY_NEED_SHARES_2024,
} from '../domain/national-figures.js'
export type { NeedShare } from '../domain/national-figures.js'

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
