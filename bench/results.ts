// The figures bench/run.ts collects, as stored in docs/benchmarks.json.

export type Engine = 'sqlite' | 'postgres'

export interface ImportResult {
  rows: number
  seconds: number
  maxRssMb: number
  /** For the whole import: reading, validating and staging the preview, then committing it. */
  previewSeconds?: number
  commitSeconds?: number
}

export interface ReportResult {
  scope: string
  students: number
  pageSeconds: number
  reportSeconds: number
  rawSeconds: number
  maxRssMb: number
}

export interface LoadResult {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  errors: number
  non2xx: number
}

export interface IndexGroupResult {
  group: string
  withMs: number
  withoutMs: number
  queries: { sql: string; withPlan: string[]; withoutPlan: string[] }[]
}

export interface BenchResults {
  date: string
  machine: string
  node: string
  postgresSkipped: boolean
  postgresVersion: string | null
  sizes: number[]
  /** How many bench processes ran at the same time on the machine, when their figures were merged. */
  concurrentRuns?: number
  /** The machine's one-minute load average through the run, and when it was read. */
  load?: { samples: number[]; when: string }
  imports: { engine: Engine; size: number; full: ImportResult; raw: ImportResult }[]
  reports: (ReportResult & { engine: Engine; schools: number })[]
  growth: {
    engine: Engine
    students: number
    schools: number
    /** Students and schools of the local authority whose list and dashboard are measured. */
    organisationStudents: number
    organisationSchools: number
    /** Students of the school whose list is measured. */
    schoolStudents: number
    seedSeconds: number
    seedRows: number
    list: { bare: LoadResult; organisation: LoadResult; school: LoadResult; maxRssMb: number }
    dashboard: ReportResult
    importFull: ImportResult
    importRaw: ImportResult
  }[]
  indexes: {
    engine: Engine
    students: number
    results: { index: string; definition: string; groups: IndexGroupResult[] }[]
  }[]
}
