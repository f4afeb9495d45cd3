// Writes the hand-over pack as a tagged PDF (PDF/UA-style structure: headings, paragraphs, lists
// and tables, with the document language and title), from the same view model as the page.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

import PDFDocument from 'pdfkit'

import type { Fact, FactTable, HandOverPack } from './hand-over.view-model.js'
import { EMPTY_TEXT } from './hand-over.view-model.js'

export interface PdfOptions {
  /** False writes uncompressed streams, so tests can search the text. Defaults to true. */
  compress?: boolean
}

type Doc = PDFKit.PDFDocument
type Element = PDFKit.PDFStructureElement

// pdfkit 0.20 reads `structParent` from table options, and `scope` from header cells, though
// @types/pdfkit 0.17 lists neither.
type TaggedTableOptions = PDFKit.Mixins.TableOptionsWithData & { structParent: Element }
type HeaderCell = PDFKit.Mixins.CellOptions & { scope: 'Column' | 'Row' }

// DejaVu Sans is embedded because the standard PDF fonts cover Windows-1252 only. It draws
// Latin, Greek and Cyrillic names. TODO: it has no CJK or Indic glyphs, so those names print as
// missing glyphs. pdfkit 0.20 does not apply the Unicode bidirectional algorithm, so Arabic or
// Hebrew next to English in one line may print in the wrong order, and Arabic joining is untested.
const FONT = 'DejaVuSans'
const BOLD = 'DejaVuSans-Bold'
const FONT_FILES = { [FONT]: 'DejaVuSans.ttf', [BOLD]: 'DejaVuSans-Bold.ttf' }

let fontData: Map<string, Buffer> | undefined

/** Reads the font files from the dejavu-fonts-ttf package on first use, and caches them. */
export function loadFonts(): Map<string, Buffer> {
  if (!fontData) {
    const packageJson = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')
    const folder = join(dirname(packageJson), 'ttf')
    fontData = new Map(
      Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(join(folder, file))]),
    )
  }
  return fontData
}

const SIZES = { H1: 18, H2: 14, H3: 12, H4: 11 } as const
const BODY_SIZE = 10
const TABLE_SIZE = 8

function heading(doc: Doc, parent: Element, level: keyof typeof SIZES, text: string) {
  doc.moveDown(level === 'H1' ? 0 : 0.6)
  parent.add(doc.struct(level, {}, () => doc.font(BOLD).fontSize(SIZES[level]).text(text)))
  doc.moveDown(0.3)
}

function paragraph(doc: Doc, parent: Element, text: string) {
  doc.font(FONT).fontSize(BODY_SIZE)
  parent.add(doc.struct('P', {}, () => doc.text(text)))
  doc.moveDown(0.3)
}

function list(doc: Doc, parent: Element, items: string[]) {
  const element = doc.struct('L')
  parent.add(element)
  doc.font(FONT).fontSize(BODY_SIZE).list(items, { structParent: element, listType: 'bullet' })
  element.end()
  doc.moveDown(0.3)
}

function headerCell(text: string, scope: HeaderCell['scope'], size: number): HeaderCell {
  return { text, type: 'TH', scope, font: { src: BOLD, size } }
}

function dataCell(text: string, size: number): PDFKit.Mixins.CellOptions {
  return { text, font: { src: FONT, size } }
}

const CELL_PADDING = 3

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

// A date as the tables write it, such as "1 Sep 2026" or "28 September 2026". It is measured as
// one word, so a date column is made wide enough to keep each date on one line.
const WHOLE_DATE = /^\d{1,2} [A-Z][a-z]+ \d{4}$/

/** Returns the widths that fit `available` and take from the widest columns first. */
function shrinkWidest(least: number[], available: number): number[] {
  const ascending = [...least].sort((a, b) => a - b)
  let remaining = available
  let cap = Number.POSITIVE_INFINITY
  for (const [index, width] of ascending.entries()) {
    const share = remaining / (ascending.length - index)
    if (width > share) {
      cap = share
      break
    }
    remaining -= width
  }
  return least.map((width) => Math.min(width, cap))
}

/**
 * Sizes the columns so that no column is narrower than its longest word or whole date, which
 * pdfkit would otherwise break mid-word, and shares the rest of the width by the length of each
 * column's longest cell. When even those do not fit, the widest columns shrink first, so narrow
 * columns such as dates keep their width while a long word elsewhere is broken.
 */
export function columnWidths(doc: Doc, head: string[], rows: string[][]): number[] {
  const available = doc.page.width - doc.page.margins.left - doc.page.margins.right
  const widest = (text: string, font: string) => {
    const words = WHOLE_DATE.test(text) ? [text] : text.split(/\s+/)
    const widths = words.map((word) => doc.font(font).fontSize(TABLE_SIZE).widthOfString(word))
    return Math.max(0, ...widths)
  }
  const cells = head.map((title, column) => [title, ...rows.map((row) => row[column] ?? '')])
  const least = cells.map(
    ([title = '', ...values]) =>
      Math.max(widest(title, BOLD), ...values.map((value) => widest(value, FONT))) +
      2 * CELL_PADDING +
      1,
  )
  const spare = available - sum(least)
  if (spare <= 0) return shrinkWidest(least, available)
  const weights = cells.map((column) => Math.max(...column.map((text) => text.length)))
  const totalWeight = sum(weights) || 1
  return least.map((width, column) => width + (spare * (weights[column] ?? 0)) / totalWeight)
}

function table(doc: Doc, parent: Element, { head, rows }: Pick<FactTable, 'head' | 'rows'>) {
  const headerRow = head.map((text) => headerCell(text, 'Column', TABLE_SIZE))
  const dataRows = rows.map((row) => row.map((text) => dataCell(text, TABLE_SIZE)))
  const options: TaggedTableOptions = {
    data: [headerRow, ...dataRows],
    structParent: parent,
    columnStyles: columnWidths(doc, head, rows),
    defaultStyle: { padding: CELL_PADDING, border: 0.5 },
  }
  doc.table(options)
  doc.x = doc.page.margins.left
  doc.moveDown(0.5)
}

// A table with a header cell at the start of each row, for facts such as the profile.
function factTable(doc: Doc, parent: Element, facts: Fact[]) {
  const data = facts.map((fact) => [
    headerCell(fact.key, 'Row', BODY_SIZE),
    dataCell(fact.value, BODY_SIZE),
  ])
  const options: TaggedTableOptions = {
    data,
    structParent: parent,
    columnStyles: [150, '*'],
    defaultStyle: { padding: 3, border: 0.5 },
  }
  doc.table(options)
  doc.x = doc.page.margins.left
  doc.moveDown(0.5)
}

function tableOrEmpty(doc: Doc, parent: Element, content: FactTable | null, empty: string) {
  if (content) table(doc, parent, content)
  else paragraph(doc, parent, empty)
}

function section(doc: Doc, root: Element, title: string, write: (element: Element) => void) {
  const element = doc.struct('Sect')
  root.add(element)
  heading(doc, element, 'H2', title)
  write(element)
  element.end()
}

function writeGroup(doc: Doc, element: Element, group: HandOverPack['group']) {
  paragraph(doc, element, group.label)
  paragraph(doc, element, `Decided by: ${group.basis}.`)
  if (group.flags.length > 0) paragraph(doc, element, `Flags: ${group.flags.join(', ')}.`)
  heading(doc, element, 'H3', 'Why this group')
  for (const sentence of group.explanation) paragraph(doc, element, sentence)
}

function writePlan(doc: Doc, element: Element, pack: HandOverPack) {
  heading(doc, element, 'H3', 'Aspirations')
  tableOrEmpty(doc, element, pack.aspirations, EMPTY_TEXT.aspirations)

  heading(doc, element, 'H3', 'Preparing for Adulthood goals')
  for (const area of pack.goalAreas) {
    heading(doc, element, 'H4', area.area)
    if (area.goals.length > 0) list(doc, element, area.goals)
    else paragraph(doc, element, EMPTY_TEXT.goals)
  }

  heading(doc, element, 'H3', 'Target outcomes')
  tableOrEmpty(doc, element, pack.targets, EMPTY_TEXT.targets)
  heading(doc, element, 'H3', 'Open actions')
  tableOrEmpty(doc, element, pack.actions, EMPTY_TEXT.actions)
  heading(doc, element, 'H3', 'Latest review')
  if (pack.latestReview) factTable(doc, element, pack.latestReview)
  else paragraph(doc, element, EMPTY_TEXT.review)
}

function writeSections(doc: Doc, root: Element, pack: HandOverPack) {
  heading(doc, root, 'H1', pack.title)
  paragraph(doc, root, `Prepared on ${pack.preparedOn}. Student record ${pack.studentId}.`)

  section(doc, root, 'About the student', (element) => factTable(doc, element, pack.profile))
  section(doc, root, 'Career SEND group', (element) => writeGroup(doc, element, pack.group))
  section(doc, root, 'Career plan', (element) => writePlan(doc, element, pack))
  section(doc, root, 'Careers activities', (element) =>
    tableOrEmpty(doc, element, pack.activities, EMPTY_TEXT.activities),
  )
  section(doc, root, 'Destinations', (element) =>
    tableOrEmpty(doc, element, pack.destinations, EMPTY_TEXT.destinations),
  )
  section(doc, root, 'Adjustments that work', (element) => {
    if (pack.adjustments.length > 0) list(doc, element, pack.adjustments)
    else paragraph(doc, element, EMPTY_TEXT.adjustments)
  })
}

/** Writes the pack as an A4 tagged PDF, with DejaVu Sans embedded, and returns its bytes. */
export function writeHandOverPdf(pack: HandOverPack, options: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    compress: options.compress ?? true,
    info: { Title: pack.title, Subject: 'Careers hand-over pack', Creator: 'send-careers' },
  })
  const chunks: Buffer[] = []
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  for (const [name, data] of loadFonts()) doc.registerFont(name, data)
  doc.font(FONT)

  const root = doc.struct('Document')
  doc.addStructure(root)
  writeSections(doc, root, pack)
  root.end()
  doc.end()
  return done
}

// Scripts DejaVu Sans has no glyphs for, or that pdfkit cannot lay out (right-to-left lines and
// joined letters), so text in them would print as boxes or in the wrong order in the PDF.
const SCRIPTS_THE_PDF_CANNOT_SHOW =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Ethiopic}]/u

/** Returns true when any text of the pack is in a script the PDF cannot show correctly. */
export function pdfCannotShowAll(facts: string[]): boolean {
  return facts.some((text) => SCRIPTS_THE_PDF_CANNOT_SHOW.test(text))
}
