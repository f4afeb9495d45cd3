// Copies what the compiled server reads at run time besides JavaScript (templates, Sass, the
// built stylesheet, scripts and images) from src/ to dist/, at the same relative paths.
import { cpSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const source = 'src'
const target = 'dist'

let copied = 0
for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || entry.name.endsWith('.ts')) continue
  const from = join(entry.parentPath, entry.name)
  cpSync(from, join(target, relative(source, from)))
  copied += 1
}
console.log(`Copied ${copied} files from ${source}/ to ${target}/`)
