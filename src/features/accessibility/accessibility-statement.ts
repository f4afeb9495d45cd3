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

// TODO: confirm before release that the browser tests run each method below. The keyboard,
// reflow and print checks are not in this branch's tests yet.
export const TESTING_METHODS: readonly TestingMethod[] = [
  {
    title: 'Automated checks',
    description:
      'The browser tests open the pages in Chromium and check each page they open with axe, an automated checker, against the WCAG 2.2 level A and AA rules. Any failure makes the tests fail.',
  },
  {
    title: 'Keyboard only',
    description:
      'Browser tests go through signing in, importing a register, opening a student, changing a plan and recording a destination with the keyboard alone, never the mouse.',
  },
  {
    title: 'Narrow screens and zoom',
    description:
      'Pages are checked at 320 CSS pixels wide and at 200% zoom, so that nothing needs scrolling sideways and no content is lost. A person looks at the screenshots.',
  },
  {
    title: 'Printed easy-read view',
    description:
      'The easy-read view for students and families is printed to PDF in Chromium, turned into images, and checked by a person for large text, pictures and nothing cut off.',
  },
]

/**
 * Parts of the product known not to meet the standard in full, or not yet tested. The list is not
 * complete, and the page states that.
 */
// TODO: complete this list before release, once the keyboard, reflow and print checks have run
// on every page.
export const KNOWN_GAPS: readonly string[] = [
  'Charts in the reports are drawn as images. Each chart has a table beside it with the same figures, and a summary in words.',
  'The hand-over pack’s PDF is written as a tagged PDF, but it has not yet been checked with a PDF accessibility checker or a screen reader.',
  'No one who uses a screen reader, switch access or voice control has tested the product yet.',
]
