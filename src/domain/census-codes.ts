// The school census SEN type codes (spring census, rank 1 primary and rank 2 secondary need).
// Sources: SEN2 guide code list; DfE "Special educational needs in England".
import type { AreaOfNeed } from './types.js'

export interface NeedCode {
  code: string
  description: string
  area: AreaOfNeed | null
  /** True for NSA, which the census allows only with SEN support (provision K). */
  onlyWithSenSupport?: boolean
  /** Other descriptions MIS exports use for the same code. */
  aliases?: readonly string[]
}

export const CENSUS_NEED_CODES: readonly NeedCode[] = [
  {
    code: 'SPLD',
    description: 'Specific Learning Difficulty',
    area: 'cognition_learning',
    aliases: ['Specific Learning Difficulty (e.g. dyslexia)'],
  },
  { code: 'MLD', description: 'Moderate Learning Difficulty', area: 'cognition_learning' },
  { code: 'SLD', description: 'Severe Learning Difficulty', area: 'cognition_learning' },
  {
    code: 'PMLD',
    description: 'Profound and Multiple Learning Difficulty',
    area: 'cognition_learning',
  },
  {
    code: 'SLCN',
    description: 'Speech, Language and Communication Needs',
    area: 'communication_interaction',
  },
  {
    code: 'ASD',
    description: 'Autistic Spectrum Disorder',
    area: 'communication_interaction',
    aliases: [
      'Autism',
      'Autism Spectrum Disorder',
      'Autistic Spectrum Condition',
      'Autism Spectrum Condition',
    ],
  },
  {
    code: 'SEMH',
    description: 'Social, Emotional and Mental Health',
    area: 'semh',
    aliases: ['Social, Emotional and Mental Health Difficulty'],
  },
  { code: 'HI', description: 'Hearing Impairment', area: 'sensory_physical' },
  {
    code: 'VI',
    description: 'Vision Impairment',
    area: 'sensory_physical',
    aliases: ['Visual Impairment'],
  },
  {
    code: 'MSI',
    description: 'Multi-Sensory Impairment',
    area: 'sensory_physical',
    aliases: ['Multisensory Impairment'],
  },
  { code: 'PD', description: 'Physical Disability', area: 'sensory_physical' },
  {
    code: 'OTH',
    description: 'Other Difficulty/Disability',
    area: null,
    aliases: ['Other Difficulty or Disability', 'Other'],
  },
  {
    code: 'NSA',
    description: 'SEN support but no specialist assessment of type of need',
    area: null,
    onlyWithSenSupport: true,
  },
]

/** Codes from before 2015, read as the code that replaced them. */
export const LEGACY_NEED_CODES: readonly {
  code: string
  description: string
  replacedBy: string
}[] = [
  { code: 'BESD', description: 'Behaviour, Emotional and Social Difficulty', replacedBy: 'SEMH' },
]
