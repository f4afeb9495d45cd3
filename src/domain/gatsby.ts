// The eight Gatsby Benchmarks of good career guidance, as versioned data. The Gatsby Foundation
// published them in 2014 ("Good Career Guidance") and updated them in late 2024 ("Good Career
// Guidance: The Next 10 Years"); schools in England use the updated wording from 1 September 2025.
// The names are the benchmarks' titles. The summaries are this product's own short descriptions.
import type { IsoDate } from './types.js'

export const BENCHMARK_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8] as const
export type BenchmarkNumber = (typeof BENCHMARK_NUMBERS)[number]

export type GatsbyVersionId = '2014' | '2025'

export interface Benchmark {
  number: BenchmarkNumber
  name: string
  summary: string
}

export interface GatsbyVersion {
  id: GatsbyVersionId
  /** The version's name on pages, for example "2025 wording". */
  label: string
  /** The first date the wording applies to, or null for the earliest version. */
  inForceFrom: IsoDate | null
  benchmarks: readonly Benchmark[]
}

/** The day the updated benchmarks replaced the 2014 wording in schools and colleges in England. */
export const UPDATED_BENCHMARKS_FROM: IsoDate = '2025-09-01'

const BENCHMARKS_2014: readonly Benchmark[] = [
  {
    number: 1,
    name: 'A stable careers programme',
    summary: 'A planned careers programme that staff, students and families know about',
  },
  {
    number: 2,
    name: 'Learning from career and labour market information',
    summary: 'Students and families use good information about jobs and courses',
  },
  {
    number: 3,
    name: 'Addressing the needs of each pupil',
    summary: 'Guidance fits each pupil, and the school keeps records of it',
  },
  {
    number: 4,
    name: 'Linking curriculum learning to careers',
    summary: 'Teachers show how their subjects lead to careers',
  },
  {
    number: 5,
    name: 'Encounters with employers and employees',
    summary: 'Students meet employers and people at work',
  },
  {
    number: 6,
    name: 'Experiences of workplaces',
    summary: 'Students spend time in real workplaces',
  },
  {
    number: 7,
    name: 'Encounters with further and higher education',
    summary: 'Students meet colleges, universities and training providers',
  },
  {
    number: 8,
    name: 'Personal guidance',
    summary: 'Each student has guidance interviews with a qualified adviser',
  },
]

// NOTE: the 2025 update kept every title but Benchmark 3's, and rewrote the detail beneath them.
// The summaries here name only the changes most relevant to SEND. The published toolkits contain
// the full text.
const BENCHMARKS_2025: readonly Benchmark[] = [
  {
    number: 1,
    name: 'A stable careers programme',
    summary: 'A careers programme led from the top, with trained staff and known to families',
  },
  {
    number: 2,
    name: 'Learning from career and labour market information',
    summary: 'Information about jobs and courses that each student can understand and use',
  },
  {
    number: 3,
    name: 'Addressing the needs of each young person',
    summary: 'Guidance fits each young person, including those with SEND, with records kept',
  },
  {
    number: 4,
    name: 'Linking curriculum learning to careers',
    summary: 'Every subject shows where it can lead',
  },
  {
    number: 5,
    name: 'Encounters with employers and employees',
    summary: 'Meaningful and varied encounters with employers, with time to prepare and reflect',
  },
  {
    number: 6,
    name: 'Experiences of workplaces',
    summary: 'Meaningful time in workplaces, prepared for and reflected on afterwards',
  },
  {
    number: 7,
    name: 'Encounters with further and higher education',
    summary: 'Meaningful encounters with the full range of education and training routes',
  },
  {
    number: 8,
    name: 'Personal guidance',
    summary: 'Guidance interviews with a qualified adviser, timed to each student’s choices',
  },
]

export const GATSBY_VERSIONS: readonly GatsbyVersion[] = [
  { id: '2014', label: '2014 wording', inForceFrom: null, benchmarks: BENCHMARKS_2014 },
  {
    id: '2025',
    label: '2025 wording',
    inForceFrom: UPDATED_BENCHMARKS_FROM,
    benchmarks: BENCHMARKS_2025,
  },
]

export function isBenchmarkNumber(value: number): value is BenchmarkNumber {
  return (BENCHMARK_NUMBERS as readonly number[]).includes(value)
}

/** Returns one version of the benchmarks by its id. */
export function gatsbyVersion(id: GatsbyVersionId): GatsbyVersion {
  const version = GATSBY_VERSIONS.find((candidate) => candidate.id === id)
  if (!version) throw new RangeError(`Unknown Gatsby Benchmarks version "${String(id)}"`)
  return version
}

/** Returns the version in force on a date: the latest whose start is on or before it. */
export function gatsbyVersionOn(date: IsoDate): GatsbyVersion {
  let chosen = GATSBY_VERSIONS[0]!
  for (const version of GATSBY_VERSIONS) {
    if (version.inForceFrom === null || version.inForceFrom <= date) chosen = version
  }
  return chosen
}

/** Returns one benchmark in a given version. */
export function benchmarkIn(version: GatsbyVersion, number: BenchmarkNumber): Benchmark {
  const benchmark = version.benchmarks.find((candidate) => candidate.number === number)
  if (!benchmark) throw new RangeError(`Benchmark ${number} is missing from ${version.label}`)
  return benchmark
}

/** Returns a benchmark in the wording in force on a date, with the version it came from. */
export function benchmarkOn(number: BenchmarkNumber, date: IsoDate) {
  const version = gatsbyVersionOn(date)
  return { version, benchmark: benchmarkIn(version, number) }
}

/** Names a benchmark for a page, in the wording of a date: "Benchmark 3: Addressing the ...". */
export function benchmarkTitle(number: BenchmarkNumber, date: IsoDate): string {
  return `Benchmark ${number}: ${benchmarkOn(number, date).benchmark.name}`
}
