// Parses decoded CSV text into records with the line numbers Excel shows. The delimiter (comma,
// semicolon or tab) is chosen from the first lines, where the header row has the most columns.

import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { CsvError, parse } from 'csv-parse'

import { decodeText } from './decode-text.js'
import { ImportFileError } from './import.types.js'
import type { RawRecord } from './read-file.js'

const DELIMITERS = [',', ';', '\t'] as const
const SAMPLE_LINES = 10
const SAMPLE_CHARACTERS = 64 * 1024

export async function* readCsvRecords(
  chunks: AsyncIterable<Buffer>,
  warnings: string[],
): AsyncGenerator<RawRecord> {
  const { sample, text } = await sampleText(decodeText(chunks, warnings))
  // Start lines are recorded as the parser reads each record, because records still buffered
  // when an error arrives are dropped, and the error needs the line where the broken record starts.
  const startLines: number[] = []
  let nextLine = 1
  const parser = parse({
    delimiter: chooseDelimiter(sample),
    relax_column_count: true,
    relax_quotes: true,
    // Empty lines are kept (and skipped later) so that each record's first line can be counted.
    skip_empty_lines: false,
    // The next record's line is counted from the cells, not from csv-parse's `info.lines`. Version
    // 6.2.1 counts the CR and the LF of a CRLF inside a quoted cell as two lines, which would put
    // every record after a multi-line cell in a Windows file one line too late.
    on_record: (cells: string[]) => {
      startLines.push(nextLine)
      nextLine += 1 + countCellLineBreaks(cells)
      return cells
    },
  })
  const feeding = pipeline(Readable.from(text), parser)
  // The same rejection reaches the loop below through the parser, so it is handled there.
  feeding.catch(() => undefined)

  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield { line: startLines.shift() ?? nextLine, sheet: 1, cells }
    }
    await feeding
  } catch (error) {
    throw toFileError(error, nextLine)
  }
}

/** Reads the first lines (or 64 KB) to choose a delimiter, and keeps them for the parser. */
async function sampleText(
  decoded: AsyncGenerator<string>,
): Promise<{ sample: string; text: AsyncGenerator<string> }> {
  let sample = ''
  while (sample.length < SAMPLE_CHARACTERS && countLineBreaks(sample) < SAMPLE_LINES) {
    const next = await decoded.next()
    if (next.done) break
    sample += next.value
  }

  async function* replay(): AsyncGenerator<string> {
    if (sample.length > 0) yield sample
    yield* decoded
  }
  return { sample, text: replay() }
}

/** Counts the line breaks inside quoted cells, taking CRLF, LF and a lone CR as one each. */
function countCellLineBreaks(cells: string[]): number {
  return cells.reduce((total, cell) => total + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0)
}

function countLineBreaks(text: string): number {
  return text.split('\n').length - 1
}

/** Picks the delimiter that splits some sample line into the most cells; a tie goes to comma. */
function chooseDelimiter(sample: string): string {
  const lines = sample.split(/\r?\n/).slice(0, SAMPLE_LINES)
  let best: string = ','
  let bestCount = 0
  for (const delimiter of DELIMITERS) {
    const count = Math.max(0, ...lines.map((line) => countOutsideQuotes(line, delimiter)))
    if (count > bestCount) {
      best = delimiter
      bestCount = count
    }
  }
  return best
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0
  let quoted = false
  for (const character of line) {
    if (character === '"') quoted = !quoted
    else if (character === delimiter && !quoted) count++
  }
  return count
}

function toFileError(error: unknown, line: number): unknown {
  if (!(error instanceof CsvError)) return error
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ImportFileError(
      `A quote mark (") opened on line ${line} is never closed, so the rest of the file cannot ` +
        'be read. Open the file in Excel, check the cells on that line, and save it as CSV again.',
    )
  }
  return new ImportFileError(
    `The CSV file could not be read near line ${line}: ${error.message}. ` +
      'Open it in Excel, check that line, and save it as "CSV UTF-8" again.',
  )
}
