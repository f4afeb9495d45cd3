// Windows-1252 decoding. NOTE: Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, so
// bytes 0x80 to 0x9F (curly quotes, en dash, euro sign) would come out as C1 control characters.
// This module maps that range itself.

// Code points for bytes 0x80 to 0x9F. Zero marks the five bytes Windows-1252 leaves undefined
// (0x81, 0x8D, 0x8F, 0x90, 0x9D); they stay C1 controls, which the text check rejects.
const HIGH_RANGE = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161,
  0x203a, 0x0153, 0, 0x017e, 0x0178,
]

const C1_CHARACTER = /[\u0080-\u009f]/g

/** Decodes bytes as Windows-1252. Every byte is one character, so chunks can be decoded apart. */
export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(C1_CHARACTER, (character) => {
    const codePoint = HIGH_RANGE[character.charCodeAt(0) - 0x80] ?? 0
    return codePoint === 0 ? character : String.fromCharCode(codePoint)
  })
}
