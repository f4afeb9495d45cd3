import { createReadStream, existsSync, statSync, type ReadStream } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from 'commander'
import type { Services } from '../services.js'
import { CommandError, withServices } from './context.js'
import { printJsonPreview, printTextPreview, type PreviewPrinter } from './import.output.js'
import { parseFormat, resolveSchool, type ResolvedSchool } from './options.js'

interface ImportOptions {
  school?: string
  createSchool?: boolean
  partial?: boolean
  dryRun?: boolean
  strict?: boolean
  format: string
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('check a SEND register (CSV or XLSX) and import it into a school')
    .argument('<file>', 'the CSV or XLSX file exported from your MIS or census tool')
    .option('--school <name>', 'the school to import into (default: the only school)')
    .option('--create-school', 'create the --school named when it does not exist yet')
    .option(
      '--partial',
      'the file lists only some students: mark nobody as not in the latest import',
    )
    .option('--dry-run', 'check the file and print the preview without writing anything')
    .option('--strict', 'exit with status 1 when any row was rejected')
    .option('--format <format>', 'output format: text or json', 'text')
    .action((file: string, options: ImportOptions) => runImport(file, options))
}

async function runImport(file: string, options: ImportOptions): Promise<void> {
  // The format is checked before the file is opened, so a mistyped option fails at once.
  const print: PreviewPrinter =
    parseFormat(options.format) === 'json' ? printJsonPreview : printTextPreview
  const stream = openFile(file)

  const rejected = await withServices('import', async (context) => {
    const { config, services, actor } = context
    const school = await resolveSchool(context, options.school, {
      allowCreate: options.createSchool === true,
    })
    try {
      const run = { ...options, print, maxBytes: config.maxUploadBytes, actor }
      return await previewAndCommit(services, school, stream, run)
    } finally {
      // A school made for a dry run or a failed import would otherwise stay behind, empty.
      if (school.created) await services.students.deleteEmptySchool(school.id)
    }
  })

  if (options.strict && rejected > 0) process.exitCode = 1
}

async function previewAndCommit(
  services: Services,
  school: ResolvedSchool,
  stream: ReadStream,
  options: ImportOptions & { print: PreviewPrinter; maxBytes: number; actor: string },
): Promise<number> {
  const source = { fileName: basename(stream.path.toString()), stream }
  const preview = await services.imports.previewFile(school.id, source, source.fileName, {
    maxBytes: options.maxBytes,
    partial: options.partial === true,
  })

  // Committing removes the staged rows, so every row is printed before the commit.
  const finish = await options.print(preview, school, pageRows(services, preview.id))
  // A dry run removes its staged rows at once, so no copy of the file's data stays behind.
  if (options.dryRun) await services.imports.discardPreview(preview.id)
  else await services.imports.commit(preview.id, undefined, options.actor)
  finish(!options.dryRun)
  return preview.summary.rejected
}

/** Reads every staged row of a preview a page at a time, so a large file is never held whole. */
async function* pageRows(services: Services, previewId: string) {
  const limit = 1000
  let afterPosition: number | undefined
  for (;;) {
    const page = { offset: 0, limit, afterPosition }
    const rows = await services.imports.listPreviewRows(previewId, undefined, page)
    yield* rows
    if (rows.length < limit) return
    afterPosition = rows.at(-1)?.position
  }
}

function openFile(file: string) {
  if (!existsSync(file))
    throw new CommandError(`File "${file}" was not found. Check the path and try again.`)
  if (!statSync(file).isFile())
    throw new CommandError(`"${file}" is not a file. Give the path of a CSV or XLSX file.`)
  return createReadStream(file)
}
