// Starts govuk-frontend's components (error summary focus, details, and so on) on every page.
import { initAll } from '/static/govuk-frontend.min.js'

initAll()
