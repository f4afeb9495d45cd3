// Text written into files that people open in a spreadsheet: exports, and the problems file of an
// import preview.

// A spreadsheet runs a cell that starts with one of these as a formula, or strips the character.
const FORMULA_START = /^[=+\-@\t\r]/

/** Prefixes a cell that a spreadsheet would read as a formula with `'`, so it shows as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}
