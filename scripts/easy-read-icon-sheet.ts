// Draws every easy-read picture on one page in Chromium and saves a screenshot, so a person can
// check that each picture is recognisable. Usage: node --import tsx scripts/easy-read-icon-sheet.ts OUT.png
import { ICONS, iconSvg } from '../src/domain/easy-read/icons.js'
import { launchBrowser } from '../test/e2e/browser.js'

const outputPath = process.argv[2]
if (!outputPath) {
  console.error('Missing output path. Usage: easy-read-icon-sheet.ts OUT.png')
  process.exit(2)
}

const cells = Object.entries(ICONS).map(
  ([id, icon]) =>
    `<figure>${iconSvg(id)}${iconSvg(id).replace('class="app-easy-read-icon"', 'class="small"')}` +
    `<figcaption><b>${id}</b><br>${icon.label}</figcaption></figure>`,
)
const html = `<!doctype html><html lang="en"><head><title>Easy-read pictures</title><style>
body { font: 14px sans-serif; margin: 16px; color: #0b0c0c; display: grid;
  grid-template-columns: repeat(6, 170px); gap: 12px; }
figure { margin: 0; border: 1px solid #b1b4b6; padding: 8px; }
.app-easy-read-icon { width: 96px; height: 96px; }
.small { width: 48px; height: 48px; margin-left: 8px; color: #1d70b8; }
</style></head><body>${cells.join('')}</body></html>`

const browser = await launchBrowser()
try {
  await browser.page.setViewportSize({ width: 1100, height: 800 })
  await browser.page.setContent(html)
  await browser.page.screenshot({ path: outputPath, fullPage: true })
  console.log(`Saved ${Object.keys(ICONS).length} pictures to ${outputPath}`)
} finally {
  await browser.close()
}
