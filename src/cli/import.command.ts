import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import { validateRegister } from '../features/import/validate-file.js'
import { CommandError, withServices } from './context.js'
import { printPreview, previewAsJson } from './import.output.js'
import { parseFormat, resolveSchool } from './options.js'

interface ImportOptions {
  school?: string
  dryRun?: boolean
  strict?: boolean
  format: string
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('check a SEND register (CSV or XLSX) and import it into a school')
    .argument('<file>', 'the CSV or XLSX file exported from your MIS or census tool')
    .option('--school <name>', 'the school to import into; created when no school has this name')
    .option('--dry-run', 'check the file and print the preview without writing anything')
    .option('--strict', 'exit with status 1 when any row was rejected')
    .option('--format <format>', 'output format: text or json', 'text')
    .action((file: string, options: ImportOptions) => runImport(file, options))
}

async function runImport(file: string, options: ImportOptions): Promise<void> {
  const format = parseFormat(options.format)

  const rejected = await withServices(async ({ config, services }) => {
    const school = await resolveSchool(services, options.school)
    const validated = await validateRegister(
      { fileName: basename(file), stream: openFile(file) },
      { maxBytes: config.maxUploadBytes },
    )
    const preview = await services.imports.preview(school.id, validated, basename(file))
    const committed = options.dryRun ? false : (await services.imports.commit(preview.id), true)

    if (format === 'json') {
      console.log(JSON.stringify(previewAsJson(preview, school, committed), null, 2))
    } else {
      printPreview(preview, school, committed)
    }
    return preview.summary.rejected
  })

  if (options.strict && rejected > 0) process.exitCode = 1
}

function openFile(file: string) {
  if (!existsSync(file))
    throw new CommandError(`File "${file}" was not found. Check the path and try again.`)
  if (!statSync(file).isFile())
    throw new CommandError(`"${file}" is not a file. Give the path of a CSV or XLSX file.`)
  return createReadStream(file)
}
