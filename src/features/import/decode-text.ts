// Turns the bytes of a text register into strings. UTF-8 is tried first. Bytes that are not valid
// UTF-8 switch the rest of the file to Windows-1252, which is the encoding Excel on English Windows
// uses for "CSV (Comma delimited)".

import { TextDecoder } from 'node:util'

import { ImportFileError } from './import.types.js'
import { decodeWindows1252 } from './windows-1252.js'

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])

// C0 controls other than tab, line feed and carriage return, DEL and the C1 range. Text registers
// rarely contain them, and Windows-1252 decoding maps its five undefined bytes into the C1 range.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu

/**
 * Share of control characters in the text decoded so far above which the file is taken as binary. A
 * stray NUL in one cell of a text file stays well below it, and is rejected with its row. Binary
 * files (PDF, images, old Word documents) have far more: a guess, not a measured threshold.
 */
const BINARY_CONTROL_SHARE = 0.01

export const WINDOWS_1252_WARNING =
  'The file is not saved as UTF-8, so it was read as Windows-1252. Check that names with ' +
  'accents look right. To avoid this, save the file from Excel as "CSV UTF-8".'

/** Yields the decoded text chunk by chunk, without the byte-order mark. */
export async function* decodeText(
  chunks: AsyncIterable<Buffer>,
  warnings: string[],
): AsyncGenerator<string> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  let windows1252 = false
  let carry = Buffer.alloc(0)
  let first = true
  const seen = { characters: 0, controls: 0 }
  const checkText = (text: string) => checkShare(text, seen)

  for await (const chunk of chunks) {
    let bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk
    if (first) {
      rejectUtf16(bytes)
      if (bytes.subarray(0, 3).equals(UTF8_BOM)) bytes = bytes.subarray(3)
      first = false
    }

    if (!windows1252) {
      const cut = bytes.length - incompleteTailLength(bytes)
      const text = tryDecode(utf8, bytes.subarray(0, cut))
      if (text !== null) {
        carry = Buffer.from(bytes.subarray(cut))
        yield checkText(text)
        continue
      }
      windows1252 = true
      warnings.push(WINDOWS_1252_WARNING)
    }
    carry = Buffer.alloc(0)
    yield checkText(decodeWindows1252(bytes))
  }

  // A sequence cut short by the end of the file is not UTF-8 either.
  if (carry.length > 0) {
    warnings.push(WINDOWS_1252_WARNING)
    yield checkText(decodeWindows1252(carry))
  }
}

function tryDecode(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes)
  } catch (error) {
    if (error instanceof TypeError) return null
    throw error
  }
}

/** Counts the bytes at the end that start a UTF-8 sequence the next chunk completes. */
function incompleteTailLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0
    if ((byte & 0xc0) === 0x80) continue
    if (byte < 0xc0) return 0
    return utf8SequenceLength(byte) > back ? back : 0
  }
  return 0
}

/** Returns how many bytes the UTF-8 sequence that starts with this lead byte has. */
function utf8SequenceLength(leadByte: number): number {
  if (leadByte >= 0xf0) return 4
  if (leadByte >= 0xe0) return 3
  return 2
}

/**
 * Raises ImportFileError once the text read so far has more than one control character in a
 * hundred, counting one stray character as free.
 */
function checkShare(text: string, seen: { characters: number; controls: number }): string {
  seen.characters += text.length
  seen.controls += text.match(CONTROL_CHARACTERS)?.length ?? 0
  if (seen.controls > 1 + seen.characters * BINARY_CONTROL_SHARE) {
    throw new ImportFileError(
      'The file does not look like a text file, so it cannot be read as CSV. Check that you ' +
        'chose the right file, or open it in Excel and save it as "CSV UTF-8" or .xlsx.',
    )
  }
  return text
}

// Excel's "Unicode Text" export is UTF-16, which reads as binary here.
function rejectUtf16(bytes: Buffer): void {
  const bom = bytes.subarray(0, 2).toString('hex')
  if (bom === 'fffe' || bom === 'feff') {
    throw new ImportFileError(
      'The file is saved as UTF-16 ("Unicode Text"), which cannot be read. Open it in Excel ' +
        'and save it as "CSV UTF-8", then upload that.',
    )
  }
}
