/* global document, window -- this file runs in the browser */
// Starts govuk-frontend's components (error summary focus, details, and so on) on every page.
import { initAll } from '/static/govuk-frontend.min.js'

initAll()

// A table wrapper that scrolls sideways must take keyboard focus, so keyboard users can scroll it
// (WCAG 2.1.1). It becomes a named region, named after its table's caption, only while it scrolls.
function markScrollableTables() {
  for (const wrapper of document.querySelectorAll('.app-table-wrapper')) {
    const scrolls = wrapper.scrollWidth > wrapper.clientWidth
    if (scrolls && !wrapper.hasAttribute('tabindex')) {
      const caption = wrapper.querySelector('caption')?.textContent?.trim() || 'Table'
      wrapper.setAttribute('tabindex', '0')
      wrapper.setAttribute('role', 'region')
      wrapper.setAttribute('aria-label', `${caption}, scrolls sideways`)
      wrapper.dataset.scrollMarked = 'true'
    } else if (!scrolls && wrapper.dataset.scrollMarked) {
      wrapper.removeAttribute('tabindex')
      wrapper.removeAttribute('role')
      wrapper.removeAttribute('aria-label')
      delete wrapper.dataset.scrollMarked
    }
  }
}

// The appTableScroll box always takes focus, and its hint shows only while the table overflows.
function markFittingTables() {
  for (const region of document.querySelectorAll('.app-table-scroll__region')) {
    const fits = region.scrollWidth <= region.clientWidth
    region.closest('.app-table-scroll')?.classList.toggle('app-table-scroll--fits', fits)
  }
}

markScrollableTables()
markFittingTables()
window.addEventListener('resize', markScrollableTables)
window.addEventListener('resize', markFittingTables)

// A "Print this page" button stays hidden without script, because the page's text already asks
// the reader to use the browser's print command.
for (const button of document.querySelectorAll('[data-app-print]')) {
  button.hidden = false
  button.addEventListener('click', () => window.print())
}
