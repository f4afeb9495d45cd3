// Reads the text back out of an uncompressed PDF written by pdfkit, for tests. With an embedded
// font pdfkit draws text as hex strings of two-byte glyph ids (Identity-H encoding), so each id
// is mapped back to text through the ToUnicode CMap of the font that the preceding `Tf` selected.

/** Text of each glyph id of one font, keyed by the id as four lowercase hex digits. */
type ToUnicode = Map<string, string>

const CODE_DIGITS = 4

// Each match is one text operator: a font selection (`/F2 10 Tf`), an array of hex strings and kerning
// numbers (`[<0001> 17.5 <0002>] TJ`) or one hex string (`<0001> Tj`). The lookahead keeps each
// number whole, so a failed match does not backtrack through every split of its digits.
const FONT_SELECTION = String.raw`\/(\S+)\s+[\d.]+\s+Tf`
const TEXT_ARRAY = String.raw`\[((?:\s*(?:<[0-9a-f\s]*>|-?[\d.]+(?![\d.])))*\s*)\]\s*TJ`
const TEXT_STRING = String.raw`<([0-9a-f\s]*)>\s*Tj`
const TEXT_OPERATORS = new RegExp(`${FONT_SELECTION}|${TEXT_ARRAY}|${TEXT_STRING}`, 'gi')

/** Maps each object number to the text between its `obj` and `endobj` keywords. */
function readObjects(source: string): Map<string, string> {
  const objects = new Map<string, string>()
  for (const [, number = '', body = ''] of source.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    objects.set(number, body)
  }
  return objects
}

function streamOf(body: string): string {
  const match = /stream\n([\s\S]*?)\nendstream/.exec(body)
  if (!match?.[1])
    throw new Error(
      `No uncompressed stream in ${body.slice(0, 80)}. Write the PDF with compress: false`,
    )
  return match[1]
}

/** Decodes UTF-16BE hex digits, which may be split by spaces, as CMap targets are. */
function utf16Hex(hex: string): string {
  return Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le')
}

/** Decodes UTF-16BE bytes that start with a byte order mark, or else Latin-1 bytes. */
function utf16OrLatin1(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
  }
  return bytes.toString('latin1')
}

function codeKey(code: number): string {
  return code.toString(16).padStart(CODE_DIGITS, '0')
}

/**
 * Parses the `bfchar` and `bfrange` entries of a ToUnicode CMap. A range maps either to an
 * array of targets, one for each code, or to one target whose last UTF-16 unit counts up with the code.
 */
export function parseToUnicode(cmap: string): ToUnicode {
  const map: ToUnicode = new Map()
  for (const [, block = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code = '', text = ''] of block.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]*)>/gi)) {
      map.set(codeKey(parseInt(code, 16)), utf16Hex(text))
    }
  }

  const range = /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:<([0-9a-f\s]*)>|\[([^\]]*)\])/gi
  for (const [, block = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low = '', high = '', start, targets] of block.matchAll(range)) {
      const first = parseInt(low, 16)
      const last = parseInt(high, 16)
      const listed = targets ? [...targets.matchAll(/<([0-9a-f\s]*)>/gi)] : []
      const base = utf16Hex(start ?? '')
      for (let code = first; code <= last; code += 1) {
        const text = targets
          ? utf16Hex(listed[code - first]?.[1] ?? '')
          : base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + code - first)
        map.set(codeKey(code), text)
      }
    }
  }
  return map
}

/**
 * Maps each font resource name, such as `F2`, to its font's ToUnicode CMap. pdfkit gives each
 * font one name for the whole document, so the names of every page's resources are merged.
 */
function readFontCMaps(objects: Map<string, string>): Map<string, ToUnicode> {
  const fonts = new Map<string, ToUnicode>()
  for (const body of objects.values()) {
    const resources = /\/Font <<([^>]*)>>/.exec(body)?.[1] ?? ''
    for (const [, name = '', number = ''] of resources.matchAll(/\/(\S+) (\d+) 0 R/g)) {
      const font = objects.get(number) ?? ''
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1]
      if (!toUnicode) throw new Error(`Font ${name} (object ${number}) has no ToUnicode CMap`)
      fonts.set(name, parseToUnicode(streamOf(objects.get(toUnicode) ?? '')))
    }
  }
  return fonts
}

function decodeGlyphs(hex: string, font: ToUnicode | undefined, fontName: string): string {
  if (!font) {
    throw new Error(
      `No ToUnicode CMap found for font "${fontName}", or text is drawn before any Tf`,
    )
  }
  const digits = hex.replace(/\s+/g, '')
  let text = ''
  for (let at = 0; at < digits.length; at += CODE_DIGITS) {
    const code = digits.slice(at, at + CODE_DIGITS).toLowerCase()
    const glyphText = font.get(code)
    if (glyphText === undefined) {
      throw new Error(`Glyph ${code} of font ${fontName} is not in its ToUnicode CMap`)
    }
    text += glyphText
  }
  return text
}

/** Decodes the text of an uncompressed PDF's `Tj` and `TJ` operators, one space between them. */
export function extractPdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1')
  const fonts = readFontCMaps(readObjects(source))

  let fontName = ''
  const pieces: string[] = []
  for (const [, selected, array, single] of source.matchAll(TEXT_OPERATORS)) {
    if (selected) {
      fontName = selected
      continue
    }
    const hex = array
      ? [...array.matchAll(/<([0-9a-f\s]*)>/gi)].map((part) => part[1]).join('')
      : (single ?? '')
    pieces.push(decodeGlyphs(hex, fonts.get(fontName), fontName))
  }
  return pieces.join(' ')
}

/** Decodes the document information `/Title`, which pdfkit writes as an indirect string. */
export function extractPdfTitle(pdf: Buffer): string {
  const source = pdf.toString('latin1')
  const number = /\/Title (\d+) 0 R/.exec(source)?.[1]
  const body = number ? readObjects(source).get(number) : undefined
  const literal = body ? /^\(([\s\S]*)\)$/.exec(body)?.[1] : undefined
  if (literal === undefined) throw new Error('The PDF has no /Title string object')

  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }
  const unescaped = literal.replace(/\\(.)/gs, (_, char: string) => escapes[char] ?? char)
  return utf16OrLatin1(Buffer.from(unescaped, 'latin1'))
}
