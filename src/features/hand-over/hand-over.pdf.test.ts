import assert from 'node:assert/strict'
import { describe, it } from 'node:test'

import PDFDocument from 'pdfkit'

import { columnWidths, loadFonts } from './hand-over.pdf.js'

const HEAD = ['Intent', 'Destination', 'Start', 'End', 'Provider', 'Last checked']

function a4Document() {
  const doc = new PDFDocument({ size: 'A4', margin: 50 })
  for (const [name, data] of loadFonts()) doc.registerFont(name, data)
  return doc
}

describe('PDF table columns', () => {
  it('keep a date whole beside a long word', () => {
    const doc = a4Document()
    const longWord = 'NorthbrookSupportedEmploymentPartnershipTrustLimitedOfTheNorthWest'
    const rows = [['Actual', 'Apprenticeship', '28 September 2026', 'Ongoing', longWord, 'None']]

    const widths = columnWidths(doc, HEAD, rows)

    const dateWidth = doc.font('DejaVuSans').fontSize(8).widthOfString('28 September 2026')
    assert.ok((widths[2] ?? 0) > dateWidth, `Start is ${widths[2]}, date needs ${dateWidth}`)
    const available = doc.page.width - 100
    assert.ok(widths.reduce((total, width) => total + width, 0) <= available + 0.001)
  })

  it('share spare width when all fits', () => {
    const doc = a4Document()
    const rows = [['Actual', 'Apprenticeship', '1 Sep 2026', 'Ongoing', 'Westfield', 'None']]

    const widths = columnWidths(doc, HEAD, rows)

    const total = widths.reduce((sum, width) => sum + width, 0)
    assert.ok(Math.abs(total - (doc.page.width - 100)) < 0.001)
  })
})
