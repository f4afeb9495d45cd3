// Reads an uploaded register (CSV or XLSX) as a stream of raw records, so memory stays flat however
// large the file is. Which reader runs is decided by the file's first bytes as well as its name.

import { extname } from 'node:path'
import type { Readable } from 'node:stream'

import { ImportFileError } from './import.types.js'
import { readCsvRecords } from './read-csv.js'
import { readXlsxRecords } from './read-xlsx.js'

/** A cell as read: CSV cells are always text; XLSX cells may be numbers or date cells. */
export type CellValue = string | number | Date

/** One row of the file, before any header is found. */
export interface RawRecord {
  /** The CSV line the record starts on (first line is 1), or the worksheet row number. */
  line: number
  /** For XLSX, the worksheet's position in the workbook (1 for the first one read); 1 for CSV. */
  sheet: number
  cells: CellValue[]
}

export interface RegisterSource {
  fileName: string
  stream: Readable
}

export interface ReadOptions {
  /** Largest file accepted, in bytes. */
  maxBytes: number
  /** The name of the file's contents in messages, such as "destinations file". Defaults to "register". */
  fileLabel?: string
}

export interface RegisterReader {
  format: 'csv' | 'xlsx'
  /** File warnings, such as a fallback to Windows-1252. The list grows while records are read. */
  warnings: string[]
  records: AsyncIterable<RawRecord>
}

/** Byte counter shared by the readers, so a reader that stops early can tell why. */
export interface ByteLimit {
  maxBytes: number
  exceeded: boolean
  /** The ReadOptions file label, for the size limit message. */
  fileLabel: string
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv'])

/**
 * Opens a register for reading. Rejects with ImportFileError when the file is empty or its content
 * does not match its extension. Later problems are raised while `records` is iterated.
 */
export async function readRegister(
  source: RegisterSource,
  options: ReadOptions,
): Promise<RegisterReader> {
  const fileLabel = options.fileLabel ?? 'register'
  const limit: ByteLimit = { maxBytes: options.maxBytes, exceeded: false, fileLabel }
  const { head, chunks } = await peekBytes(countBytes(source.stream, limit), 8)
  if (limit.exceeded) throw sizeLimitError(limit)

  const format = detectFormat(source.fileName, head, fileLabel)
  const warnings: string[] = []
  const read =
    format === 'xlsx' ? readXlsxRecords(chunks, fileLabel) : readCsvRecords(chunks, warnings)
  return { format, warnings, records: checkLimit(read, limit) }
}

function detectFormat(fileName: string, head: Buffer, fileLabel: string): 'csv' | 'xlsx' {
  const extension = extname(fileName).toLowerCase()
  const isZip = head.subarray(0, 4).equals(ZIP_SIGNATURE)

  if (head.length === 0) {
    throw new ImportFileError(`The file is empty. Export the ${fileLabel} again and upload it.`)
  }
  if (head.subarray(0, 8).equals(OLE_SIGNATURE) || extension === '.xls') {
    throw new ImportFileError(
      'The file is an old Excel 97-2003 workbook (.xls), which cannot be read. ' +
        'Open it in Excel, save it as Excel Workbook (.xlsx) or CSV UTF-8, and upload that.',
    )
  }
  if (extension === '.xlsx' && !isZip) {
    throw new ImportFileError(
      `"${fileName}" is named .xlsx but is not an Excel workbook. If it is a CSV file, ` +
        'rename it to end in .csv; otherwise open it in Excel and save it as .xlsx.',
    )
  }
  if (TEXT_EXTENSIONS.has(extension) && isZip) {
    throw new ImportFileError(
      `"${fileName}" is named ${extension} but is a ZIP archive or Excel workbook, not text. ` +
        'If it is a workbook, rename it to end in .xlsx. Otherwise save it from Excel as ' +
        '"CSV UTF-8".',
    )
  }
  return isZip ? 'xlsx' : 'csv'
}

/** Yields the stream's bytes, and ends early with `limit.exceeded` set once they pass the limit. */
async function* countBytes(stream: Readable, limit: ByteLimit): AsyncGenerator<Buffer> {
  let total = 0
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
    total += bytes.length
    if (total > limit.maxBytes) {
      limit.exceeded = true
      stream.destroy()
      return
    }
    yield bytes
  }
}

/** Reads at least `size` bytes (unless the stream is shorter) without losing them. */
async function peekBytes(
  source: AsyncGenerator<Buffer>,
  size: number,
): Promise<{ head: Buffer; chunks: AsyncGenerator<Buffer> }> {
  const peeked: Buffer[] = []
  let length = 0
  while (length < size) {
    const next = await source.next()
    if (next.done) break
    peeked.push(next.value)
    length += next.value.length
  }

  const head = Buffer.concat(peeked)
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head
    yield* source
  }
  return { head, chunks: replay() }
}

/**
 * Passes records through, and reports a passed size limit in place of whatever the truncated file
 * caused downstream (a broken ZIP, an unclosed quote) or of a silent early end.
 */
async function* checkLimit(
  records: AsyncIterable<RawRecord>,
  limit: ByteLimit,
): AsyncGenerator<RawRecord> {
  try {
    yield* records
  } catch (error) {
    if (!limit.exceeded) throw error
  }
  if (limit.exceeded) throw sizeLimitError(limit)
}

function sizeLimitError(limit: ByteLimit): ImportFileError {
  return new ImportFileError(
    `The file is larger than the ${formatLimit(limit.maxBytes)} limit. Remove columns or rows ` +
      `you do not need, or split the ${limit.fileLabel} into smaller files and upload them one at a time.`,
  )
}

function formatLimit(bytes: number): string {
  const megabytes = bytes / (1024 * 1024)
  if (megabytes >= 1) return `${Number(megabytes.toFixed(1))} MB`
  return `${Number((bytes / 1024).toFixed(1))} KB`
}
