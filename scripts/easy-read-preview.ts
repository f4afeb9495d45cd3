// Draws the easy-read pictures or outcomes on a page in Chromium and saves a screenshot, so a
// person can check that each picture is recognisable and fits the ideas beside it.
// Usage: node --import tsx scripts/easy-read-preview.ts pictures|outcomes OUT.png
import { EASY_READ_OUTCOMES, ICONS, iconSvg } from '../src/domain/easy-read/index.js'
import { launchBrowser } from '../test/e2e/browser.js'

const USAGE = 'Usage: easy-read-preview.ts pictures|outcomes OUT.png'

const PICTURES_STYLE = `
body { font: 14px sans-serif; margin: 16px; color: #0b0c0c; display: grid;
  grid-template-columns: repeat(6, 170px); gap: 12px; }
figure { margin: 0; border: 1px solid #b1b4b6; padding: 8px; }
.app-easy-read-icon { width: 96px; height: 96px; }
.small { width: 48px; height: 48px; margin-left: 8px; color: #1d70b8; }`

const OUTCOMES_STYLE = `
body { font: 19px sans-serif; margin: 16px; color: #0b0c0c; columns: 3; column-gap: 24px; }
section { break-inside: avoid; border: 1px solid #b1b4b6; padding: 8px; margin-bottom: 16px; }
h2 { display: flex; gap: 8px; align-items: center; margin: 0 0 8px; font-size: 22px; }
.idea { display: flex; gap: 12px; margin-bottom: 8px; }
.idea p { margin: 0 0 4px; }
.app-easy-read-icon { flex: none; width: 48px; height: 48px; }`

function picturesPage(): string {
  return Object.entries(ICONS)
    .map(
      ([id, icon]) =>
        `<figure>${iconSvg(id)}${iconSvg(id).replace('class="app-easy-read-icon"', 'class="small"')}` +
        `<figcaption><b>${id}</b><br>${icon.label}</figcaption></figure>`,
    )
    .join('')
}

function outcomesPage(): string {
  return EASY_READ_OUTCOMES.map((outcome) => {
    const ideas = outcome.ideas.map(
      (idea) =>
        `<div class="idea">${iconSvg(idea.icon)}<div>` +
        idea.sentences.map((sentence) => `<p>${sentence}</p>`).join('') +
        '</div></div>',
    )
    return `<section><h2>${iconSvg(outcome.icon)}${outcome.title}</h2>${ideas.join('')}</section>`
  }).join('')
}

const [mode, outputPath] = process.argv.slice(2)
if ((mode !== 'pictures' && mode !== 'outcomes') || !outputPath) {
  console.error(`Invalid arguments: ${process.argv.slice(2).join(' ')}. ${USAGE}`)
  process.exit(2)
}

const style = mode === 'pictures' ? PICTURES_STYLE : OUTCOMES_STYLE
const body = mode === 'pictures' ? picturesPage() : outcomesPage()
const html =
  `<!doctype html><html lang="en"><head><title>Easy-read ${mode}</title>` +
  `<style>${style}</style></head><body>${body}</body></html>`

const browser = await launchBrowser()
try {
  await browser.page.setViewportSize({ width: 1100, height: 800 })
  await browser.page.setContent(html)
  await browser.page.screenshot({ path: outputPath, fullPage: true })
  console.log(`Saved the easy-read ${mode} to ${outputPath}`)
} finally {
  await browser.close()
}
