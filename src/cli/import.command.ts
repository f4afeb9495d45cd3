import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import type { Services } from '../services.js'
import { CommandError, withServices } from './context.js'
import { printJsonPreview, printTextPreview, type PreviewPrinter } from './import.output.js'
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
  const stream = openFile(file)

  const rejected = await withServices(async ({ config, services }) => {
    const school = await resolveSchool(services, options.school)
    const source = { fileName: basename(file), stream }
    const preview = await services.imports.previewFile(school.id, source, source.fileName, {
      maxBytes: config.maxUploadBytes,
    })

    // Committing removes the staged rows, so every row is printed before the commit.
    const print: PreviewPrinter = format === 'json' ? printJsonPreview : printTextPreview
    const finish = await print(preview, school, pageRows(services, preview.id))
    if (!options.dryRun) await services.imports.commit(preview.id)
    finish(!options.dryRun)
    return preview.summary.rejected
  })

  if (options.strict && rejected > 0) process.exitCode = 1
}

/** Reads every staged row of a preview a page at a time, so a large file is never held whole. */
async function* pageRows(services: Services, previewId: string) {
  const limit = 1000
  for (let offset = 0; ; offset += limit) {
    const rows = await services.imports.listPreviewRows(previewId, undefined, { offset, limit })
    yield* rows
    if (rows.length < limit) return
  }
}

function openFile(file: string) {
  if (!existsSync(file))
    throw new CommandError(`File "${file}" was not found. Check the path and try again.`)
  if (!statSync(file).isFile())
    throw new CommandError(`"${file}" is not a file. Give the path of a CSV or XLSX file.`)
  return createReadStream(file)
}
