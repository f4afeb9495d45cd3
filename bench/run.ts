// `npm run bench`: times the register import and the cohort report dashboards, each beside its
// ceiling in the same run, and writes the figures, with the machine and the command, to
// docs/benchmarks.md.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { CENSUS_COLUMNS, generateSchool } from '../src/demo/generate-school.js'

const SIZES = [2_000, 25_000, 100_000]
const RUNS = 3
/** The report cases: one school of 2,000 students, and a local authority of 100 such schools. */
const REPORT_CASES = [
  { scope: 'school', schools: 1, perSchool: 2_000 },
  { scope: 'organisation', schools: 100, perSchool: 2_000 },
] as const
/** The aim for each dashboard: the page within this multiple of its raw queries' time. */
const REPORT_AIM = 1.5
/** Timed runs of each report case, as bench/report-case.ts makes them. */
const REPORT_RUNS = 7

interface ReportResult {
  scope: string
  students: number
  pageSeconds: number
  reportSeconds: number
  rawSeconds: number
  maxRssMb: number
}

interface CaseResult {
  rows: number
  seconds: number
  maxRssMb: number
  /** For the whole import: reading, validating and staging the preview, then committing it. */
  previewSeconds?: number
  commitSeconds?: number
}

const folder = mkdtempSync(join(tmpdir(), 'send-careers-bench-'))
const lines: string[] = []
/** Import speed as a share of the ceiling, and peak memory, for each size. */
const shares: number[] = []
const peaks: number[] = []
const reportLines: string[] = []
const reportRatios: number[] = []
try {
  for (const size of SIZES) lines.push(...benchmarkSize(size))
  for (const reportCase of REPORT_CASES) reportLines.push(benchmarkReport(reportCase))
} finally {
  rmSync(folder, { recursive: true, force: true })
}
writeReport(lines, reportLines)

function benchmarkReport(reportCase: (typeof REPORT_CASES)[number]): string {
  const databaseFile = join(folder, `report-${reportCase.scope}.db`)
  const output = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/report-case.ts',
      reportCase.scope,
      String(reportCase.schools),
      String(reportCase.perSchool),
      databaseFile,
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  )
  rmSync(databaseFile, { force: true })
  const result = JSON.parse(output.trim().split('\n').at(-1) ?? '') as ReportResult
  const ratio = result.pageSeconds / result.rawSeconds
  reportRatios.push(ratio)
  console.log(
    `${result.scope} dashboard, ${result.students} students: page ${result.pageSeconds.toFixed(3)} s, ` +
      `raw queries ${result.rawSeconds.toFixed(3)} s`,
  )
  const label =
    reportCase.scope === 'school' ? 'school' : `organisation of ${reportCase.schools} schools`
  return (
    `| ${label} | ${result.students.toLocaleString('en-GB')} | ${(1000 * result.pageSeconds).toFixed(0)} | ` +
    `${(1000 * result.reportSeconds).toFixed(0)} | ${(1000 * result.rawSeconds).toFixed(0)} | ` +
    `${ratio.toFixed(2)} | ${result.maxRssMb.toFixed(0)} |`
  )
}

function benchmarkSize(size: number): string[] {
  const csvFile = join(folder, `register-${size}.csv`)
  const rows = generateSchool({
    kind: 'mainstream',
    seed: size,
    students: size,
    academicYearStart: 2026,
  })
  writeFileSync(csvFile, stringify(rows, { header: true, columns: CENSUS_COLUMNS }))

  const full = medianOf(() => runCase('full', csvFile))
  const raw = medianOf(() => runCase('raw', csvFile))
  const fullRate = full.rows / full.seconds
  const rawRate = raw.rows / raw.seconds
  shares.push((100 * fullRate) / rawRate)
  peaks.push(full.maxRssMb)
  console.log(
    `${size} rows: import ${fullRate.toFixed(0)} rows/s, raw inserts ${rawRate.toFixed(0)} rows/s`,
  )
  return [
    `| ${size.toLocaleString('en-GB')} | whole import (parse, validate, group, preview, commit) | ` +
      `${full.seconds.toFixed(2)} | ${fullRate.toFixed(0)} | ${full.maxRssMb.toFixed(0)} |`,
    `| ${size.toLocaleString('en-GB')} | of which the preview (read, validate, stage, compare) | ` +
      `${(full.previewSeconds ?? 0).toFixed(2)} | | |`,
    `| ${size.toLocaleString('en-GB')} | of which the commit (groups, inserts, not-in-file marks) | ` +
      `${(full.commitSeconds ?? 0).toFixed(2)} | | |`,
    `| ${size.toLocaleString('en-GB')} | ceiling: raw better-sqlite3 prepared inserts, one transaction | ` +
      `${raw.seconds.toFixed(2)} | ${rawRate.toFixed(0)} | ${raw.maxRssMb.toFixed(0)} |`,
    `| ${size.toLocaleString('en-GB')} | import speed as a share of the ceiling | | ${((100 * fullRate) / rawRate).toFixed(0)}% | |`,
  ]
}

function runCase(mode: 'full' | 'raw', csvFile: string): CaseResult {
  const databaseFile = join(folder, `${mode}-${Date.now()}.db`)
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/import-case.ts', mode, csvFile, databaseFile],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  rmSync(databaseFile, { force: true })
  const last = output.trim().split('\n').at(-1) ?? ''
  return JSON.parse(last) as CaseResult
}

/** Runs a case RUNS times and keeps the run with the median time, so one noisy run does not decide. */
function medianOf(run: () => CaseResult): CaseResult {
  const results = Array.from({ length: RUNS }, run).sort((a, b) => a.seconds - b.seconds)
  const median = results[Math.floor(results.length / 2)]
  if (!median) throw new Error('No benchmark runs')
  return { ...median, maxRssMb: Math.max(...results.map((r) => r.maxRssMb)) }
}

function shareRange(): string {
  const low = Math.min(...shares).toFixed(0)
  const high = Math.max(...shares).toFixed(0)
  return low === high ? `${low}%` : `${low}% to ${high}%`
}

function writeReport(rows: string[], reportRows: string[]): void {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory`
  const report = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts). Each figure stands beside its ceiling, measured in',
    'the same run on the same machine, because these machines are shared and absolute times drift.',
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
    `- Machine: ${machine}, ${process.platform} ${process.arch}`,
    `- Node.js ${process.version}, SQLite file database in WAL mode on the local disk`,
    `- Command: \`npm run bench\`; each case runs ${RUNS} times in its own process and the median time is shown,`,
    '  with the largest peak resident memory (maxRSS) of its runs',
    '',
    '## Register import (census-style CSV generated by the demo generator)',
    '',
    '| rows | case | seconds | rows per second | peak memory (MB) |',
    '|---:|---|---:|---:|---:|',
    ...rows,
    '',
    'The ceiling does no parsing, no validation and no preview: it is the fastest the same rows can',
    'reach the same table through better-sqlite3, so the import can approach it but not pass it.',
    '',
    '## Reading the figures',
    '',
    `- The aim was at least half the ceiling's speed. This run reached ${shareRange()} of it. Each`,
    '  row is parsed, checked cell by cell, written once to the staged preview and once to',
    '  `students`, and in a CPU profile of 100,000 rows the garbage collector took about a fifth of',
    '  the time. No single step dominates that profile, so a large gain needs a cheaper row',
    '  representation from reader to commit, not one fix.',
    `- The aim for peak memory was under 300 MB; this run's largest was ${Math.max(...peaks).toFixed(0)} MB.`,
    '- The 2,000-row figure is a large secondary school: its import takes a fraction of a second, so',
    '  the gap matters only for files that cover a whole local authority.',
    '- Peak memory is mostly the V8 heap growing between major collections. Rows stream through the',
    '  staged preview in batches and no step keeps the whole file: a heap snapshot after a full',
    '  collection at 100,000 rows held about 25 MB (measured once with --expose-gc, not by this script).',
    '',
    '## Cohort report dashboards',
    '',
    'Synthetic schools of 2,000 students each (bench/report-data.ts): about 16% left in 2024/25 or',
    '2025/26, seven in eight of those with an actual destination, 60% of students with a plan and',
    '12 careers activities per school. The page is a GET of the dashboard for 2025/26 through the',
    'whole app (session, permissions, queries, rules, suppression, charts and template) by a signed-in',
    'careers leader. Its ceiling is the same SQL queries run straight through Kysely, in turns with',
    `the page in the same process; each figure is the median of ${REPORT_RUNS} runs after 2 warm-up runs.`,
    '',
    '| dashboard | students | page (ms) | report service (ms) | raw queries (ms) | page ÷ queries | peak memory (MB) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...reportRows,
    '',
    `- The aim is the page within ${REPORT_AIM} times its raw queries. This run: ${reportRatios
      .map((ratio) => ratio.toFixed(2))
      .join(' and ')}.`,
    "- The report service column is the same queries plus the rules (each leaver's destination and",
    '  the sustained rule, breakdowns, suppression) with no page drawn. The rest of the page time is',
    '  mostly the dozen or so charts: Observable Plot on linkedom takes about 2 to 3 ms a chart',
    '  (measured alone on this machine), whatever the number of students. That fixed cost is why a',
    '  single school, whose queries take a few milliseconds, stays above the aim, while a local',
    '  authority of 200,000 students, whose queries dominate, is within it.',
    '',
  ]
  writeFileSync('docs/benchmarks.md', report.join('\n'))
  console.log('Wrote docs/benchmarks.md')
}
