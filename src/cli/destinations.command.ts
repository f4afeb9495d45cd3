import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'

import type { Command } from 'commander'

import type { DestinationPreview } from '../features/destinations/import/destination-import.service.js'
import { issueText } from '../features/destinations/import/destination-import.view.js'
import { CommandError, withServices } from './context.js'
import { parseFormat, resolveSchool } from './options.js'
import type { OutputFormat } from './options.js'

interface DestinationImportOptions {
  school?: string
  commit?: boolean
  strict?: boolean
  format: string
}

/** Registers `destinations import`, which checks a destinations file and, with --commit, imports it. */
export function registerDestinationsCommand(program: Command): void {
  const destinations = program
    .command('destinations')
    .description('destinations of students: intended and actual spells')

  destinations
    .command('import')
    .description('check a destinations file (CSV or XLSX) and, with --commit, import it')
    .argument('<file>', 'the CSV or XLSX file with one destination a row')
    .option('--school <name>', 'the school the students belong to (default: the only school)')
    .option('--commit', 'write the accepted rows; without it, only the preview is printed')
    .option(
      '--strict',
      'exit with status 1 when any row was rejected; with --commit, a rejected row also stops the import, so nothing is written',
    )
    .option('--format <format>', 'output format: text or json', 'text')
    .action((file: string, options: DestinationImportOptions) => runImport(file, options))
}

async function runImport(file: string, options: DestinationImportOptions): Promise<void> {
  // The format is checked before the file is opened, so a mistyped option fails at once.
  const format = parseFormat(options.format)
  const stream = openFile(file)

  const rejected = await withServices('destinations import', async (context) => {
    const { config, services, actor } = context
    const school = await resolveSchool(context, options.school, { createOption: null })
    const source = { fileName: basename(file), stream }
    const preview = await services.destinationImports.previewFile(school.id, source, {
      maxBytes: config.maxUploadBytes,
      by: actor,
    })

    // A preview that is not committed is removed at once, so no copy of the file stays behind.
    // With --strict, a rejected row blocks the commit, so a file is imported whole or not at all.
    const blocked = options.strict === true && preview.summary.rejected > 0
    const committed = options.commit === true && !blocked
    if (committed) await services.destinationImports.commit(preview.id, undefined, actor)
    else await services.destinationImports.cancel(preview.id)
    print(format, preview, school.name, { committed, blocked: blocked && options.commit === true })
    return preview.summary.rejected
  })

  if (options.strict && rejected > 0) process.exitCode = 1
}

function print(
  format: OutputFormat,
  preview: DestinationPreview,
  school: string,
  { committed, blocked }: { committed: boolean; blocked: boolean },
) {
  if (format === 'json') {
    const rows = preview.rows.map((row) => ({
      line: row.line,
      upn: row.upn,
      status: row.status,
      spell: row.spell,
      errors: row.errors,
      warnings: row.warnings,
    }))
    const { summary } = preview
    console.log(
      JSON.stringify({ school, fileName: preview.fileName, summary, rows, committed }, null, 2),
    )
    return
  }

  const { summary } = preview
  console.log(`${preview.fileName} (${preview.format.toUpperCase()}) for ${school}`)
  console.log(
    `${summary.new} new, ${summary.unchanged} unchanged duplicates, ${summary.rejected} rejected. ${summary.warnings} with warnings.`,
  )
  for (const warning of summary.fileWarnings) console.log(`File: ${warning}`)
  if (summary.unknownColumns.length > 0) {
    console.log(`Columns not used: ${summary.unknownColumns.join(', ')}`)
  }
  const problems = preview.rows.flatMap((row) => [
    ...row.errors.map((issue) => `  Line ${row.line}: ${issueText(issue)}`),
    ...row.warnings.map((issue) => `  Line ${row.line}: warning: ${issueText(issue)}`),
  ])
  if (problems.length > 0) console.log(`\nProblems:\n${problems.join('\n')}`)
  console.log(`\n${outcomeText(summary, { committed, blocked })}`)
}

function outcomeText(
  summary: DestinationPreview['summary'],
  { committed, blocked }: { committed: boolean; blocked: boolean },
): string {
  if (committed)
    return `Imported ${summary.new} ${summary.new === 1 ? 'destination' : 'destinations'}.`
  if (blocked) {
    return `Nothing was written, because --strict stops the import when any row is rejected. Fix the rejected ${summary.rejected === 1 ? 'row' : 'rows'} in the file, or run again without --strict to import the other rows.`
  }
  return 'Nothing was written. Run again with --commit to import the new rows.'
}

function openFile(file: string) {
  if (!existsSync(file))
    throw new CommandError(`File "${file}" was not found. Check the path and try again.`)
  if (!statSync(file).isFile())
    throw new CommandError(`"${file}" is not a file. Give the path of a CSV or XLSX file.`)
  return createReadStream(file)
}
