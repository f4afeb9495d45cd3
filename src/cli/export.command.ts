import { createWriteStream } from 'node:fs'
import { chmod, rm, writeFile } from 'node:fs/promises'

import type { Command } from 'commander'

import {
  EXPORT_FORMATS,
  EXPORT_KINDS,
  isExportFormat,
  isExportKind,
} from '../features/exports/export.kinds.js'
import type { ExportFormat, ExportKind } from '../features/exports/export.kinds.js'
import { CommandError, withServices } from './context.js'
import { lookupScope } from './student-lookup.js'

interface ExportOptions {
  format: string
  school?: string
  output?: string
}

/** Registers `export KIND`, which writes one of the exports of the web page as CSV or XLSX. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('export records as CSV or XLSX, and record the export in the audit trail')
    .argument('<kind>', `what to export: ${EXPORT_KINDS.join(', ')}`)
    .option('--format <format>', `file format: ${EXPORT_FORMATS.join(' or ')}`, 'csv')
    .option('--school <name>', 'export only this school (default: every school you may export)')
    .option('--output <file>', 'the file to write (default: standard output, for CSV only)')
    .action((kind: string, options: ExportOptions) => runExport(kind, options))
}

function parseRequest(kind: string, options: ExportOptions) {
  if (!isExportKind(kind)) {
    throw new CommandError(`"${kind}" is not an export. Use one of: ${EXPORT_KINDS.join(', ')}.`)
  }
  if (!isExportFormat(options.format)) {
    throw new CommandError(`--format "${options.format}" is not valid. Use --format csv or xlsx.`)
  }
  if (options.format === 'xlsx' && !options.output) {
    throw new CommandError(
      'An XLSX file cannot be written to standard output. Name the file with --output FILE.xlsx.',
    )
  }
  return { kind, format: options.format }
}

async function runExport(rawKind: string, options: ExportOptions): Promise<void> {
  const { kind, format }: { kind: ExportKind; format: ExportFormat } = parseRequest(
    rawKind,
    options,
  )

  await withServices('export', async (context) => {
    const scope = lookupScope(context, options.school)
    const { services, actor } = context
    const output = options.output
    if (!output) {
      const summary = await services.exports.write(
        scope,
        { kind, format, end: false },
        actor,
        process.stdout,
      )
      console.error(`Exported ${summary.rows} rows.`)
      return
    }

    // Owner-only permissions, because the file contains personal data about children. chmod
    // covers a file that existed already, whose permissions `mode` would not change.
    await writeFile(output, '', { mode: 0o600 })
    await chmod(output, 0o600)
    const file = createWriteStream(output)
    try {
      const summary = await services.exports.write(scope, { kind, format }, actor, file)
      console.log(`Exported ${summary.rows} rows to ${output}.`)
    } catch (error) {
      await rm(output, { force: true })
      throw error
    }
  })
}
