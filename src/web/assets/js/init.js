/* global document, window -- this file runs in the browser */
// Starts govuk-frontend's components (error summary focus, details, and so on) on every page.
import { initAll } from '/static/govuk-frontend.min.js'

initAll()

// The appTableScroll box always takes focus, and its hint shows only while the table overflows.
function markFittingTables() {
  for (const region of document.querySelectorAll('.app-table-scroll__region')) {
    const fits = region.scrollWidth <= region.clientWidth
    region.closest('.app-table-scroll')?.classList.toggle('app-table-scroll--fits', fits)
  }
}

markFittingTables()
window.addEventListener('resize', markFittingTables)

// A "Print this page" button stays hidden without script, because the page's text already asks
// the reader to use the browser's print command.
for (const button of document.querySelectorAll('[data-app-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
