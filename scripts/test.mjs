// Runs every *.test.ts file under src/ and test/ with node's test runner. Node 20 does not expand
// globs for --test itself, so this script lists the files.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

function listTestFiles(folder) {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

const files = [...listTestFiles('src'), ...listTestFiles('test')].sort()
const filters = process.argv.slice(2)
const selected = filters.length
  ? files.filter((file) => filters.some((f) => file.includes(f)))
  : files

const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...selected], {
  stdio: 'inherit',
})
process.exit(result.status ?? 1)
