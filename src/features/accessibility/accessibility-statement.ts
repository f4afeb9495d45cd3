// The content of the accessibility statement page, kept as data so that the statement and the
// tests that check it read the same list. Update it whenever the way the product is tested
// changes, and change PREPARED_ON with it.
import type { IsoDate } from '../../domain/types.js'

/** The date the statement was last prepared, shown on the page. */
export const PREPARED_ON: IsoDate = '2026-12-04'

export const STANDARD = 'Web Content Accessibility Guidelines (WCAG) version 2.2, level AA'

export interface TestingMethod {
  /** A short heading for the method. */
  title: string
  /** A plain-English description of what is checked and how. */
  description: string
}

export const TESTING_METHODS: readonly TestingMethod[] = [
  {
    title: 'Automated checks on every page',
    description:
      'A browser test lists every page the product serves and fails when one has no example. It opens each in Chromium and checks it with axe, an automated checker, against the WCAG 2.2 level A and AA rules. Any failure makes the tests fail.',
  },
  {
    title: 'Narrow screens and zoom',
    description:
      'The same test opens every page at 1280 CSS pixels wide, at 320 CSS pixels wide, and at 640 CSS pixels with two screen pixels to each, which is how a 1280 pixel window lays out at 200% zoom. It fails when a page scrolls sideways or a word splits across two lines. Wide tables scroll inside a box of their own, which the guidelines allow. A person has looked at the screenshots.',
  },
  {
    title: 'Keyboard only',
    description:
      'A browser test signs in with a password and a code, imports a register, finds and opens a student, adds to the plan, writes the My future page and records a destination with the keyboard alone, never the mouse. At each stop it checks that the focused element looks different from when it is not focused, and it checks the skip link.',
  },
  {
    title: 'Form errors',
    description:
      'Seven forms are sent empty, and their error pages are checked with axe and at the narrow and zoomed widths.',
  },
  {
    title: 'Printed easy-read view',
    description:
      'The My future page is printed to PDF on A4 in Chromium and turned into images, and a person has looked at them for large text, pictures and nothing cut off. The test checks the text of every sheet.',
  },
  {
    title: 'Easy-read words',
    description:
      'A test fails when any of the product’s easy-read sentences has more than 15 words, an abbreviation such as “EHCP”, or no picture beside it. Text staff type for the My future page, and plan text it shows, gets the same check for length and abbreviations. Plan text that fails is left off the page until staff change it.',
  },
]

/**
 * Parts of the product known not to meet the standard in full, or not yet tested. Add to it when
 * a test or a person finds something, and take an entry off only when it is fixed and tested.
 */
export const KNOWN_GAPS: readonly string[] = [
  'No one who uses a screen reader, switch access or voice control has tested the product yet.',
  'Charts in the reports are drawn as images. Each chart has a table beside it with the same figures, and a summary in words.',
  'The hand-over pack’s PDF is written as a tagged PDF, but it has not yet been checked with a PDF accessibility checker or a screen reader.',
  'The keyboard journeys run at full width only. At 320 pixels only the menu button is tried with the keyboard.',
  'The tests check that focus is visible, but not the contrast of the focus ring or whether something covers the focused element.',
  'Text spacing (guideline 1.4.12) has not been tested.',
  'Pages reached only by sending a form, such as an edit conflict or the recovery codes page, are checked with axe but not at narrow widths. Seven empty forms are the exception.',
  'The program checks easy-read sentences for length, abbreviations, pictures and hard words. One idea per sentence and active voice are checked by people when the words change.',
]
