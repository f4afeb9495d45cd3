import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import * as sass from 'sass'

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), 'assets')
const sourceDir = join(assetsDir, 'scss')
export const cssEntry = join(sourceDir, 'app.scss')
export const cssOutput = join(assetsDir, 'build', 'app.css')

/** Compiles app.scss to app.css. govuk-frontend is found through node_modules. */
export async function buildCss(): Promise<string> {
  const result = await sass.compileAsync(cssEntry, {
    style: 'compressed',
    loadPaths: [join(assetsDir, '..', '..', '..', 'node_modules')],
    // govuk-frontend 5 still uses Sass features that Dart Sass 1.x reports as deprecated.
    quietDeps: true,
    silenceDeprecations: ['import', 'global-builtin', 'slash-div', 'color-functions'],
  })
  await mkdir(dirname(cssOutput), { recursive: true })
  // The CSS goes to a temporary file that is then renamed over app.css, so that when several
  // processes start at once, none serves a file that another is halfway through writing.
  const partial = `${cssOutput}.${process.pid}.tmp`
  await writeFile(partial, result.css)
  await rename(partial, cssOutput)
  return cssOutput
}

async function modifiedAt(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs
  } catch {
    return null
  }
}

async function newestSourceTime(): Promise<number> {
  const names = await readdir(sourceDir)
  const times = await Promise.all(names.map((name) => modifiedAt(join(sourceDir, name))))
  return Math.max(...times.map((time) => time ?? 0))
}

// NOTE: only this project's scss files are compared, so after upgrading govuk-frontend run
// `npm run build:css` (or delete the build folder) to pick up its new styles.
/** Builds app.css when it is missing or older than any file in the scss folder. */
export async function ensureCss(): Promise<void> {
  const builtAt = await modifiedAt(cssOutput)
  if (builtAt !== null && builtAt >= (await newestSourceTime())) return
  await buildCss()
}
