// Reads the CSV fixtures for the domain tests. The name ends in .test.ts so that the build leaves this
// file out, because src/domain may not read files. The parser covers what the fixtures contain (a
// byte-order mark, CRLF, quoted cells with commas) and nothing more.
import { readFileSync } from 'node:fs'

export interface FixtureRow {
  /** The CSV line as Excel shows it, with the header on line 1. */
  line: number
  cells: Record<string, string>
}

export function readFixture(name: string): FixtureRow[] {
  const url = new URL(`../../test/fixtures/${name}`, import.meta.url)
  const text = readFileSync(url, 'utf8').replace(/^\uFEFF/, '')
  const [header = [], ...records] = text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map(splitCsvLine)
  return records.map((cells, index) => ({
    line: index + 2,
    cells: Object.fromEntries(header.map((name, column) => [name, cells[column] ?? ''])),
  }))
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = []
  let cell = ''
  let quoted = false
  for (const character of line) {
    if (character === '"') quoted = !quoted
    else if (character === ',' && !quoted) {
      cells.push(cell)
      cell = ''
    } else cell += character
  }
  cells.push(cell)
  return cells
}
