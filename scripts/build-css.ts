// Compiles src/web/assets/scss/app.scss to src/web/assets/build/app.css (`npm run build:css`).
import { buildCss } from '../src/web/css.js'

const output = await buildCss()
console.log(`Wrote ${output}`)
