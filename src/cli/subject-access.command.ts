import { writeFile } from 'node:fs/promises'
import type { Command } from 'commander'
import type { Permission } from '../features/accounts/permissions.js'
import { escapeControlCharacters } from '../domain/text.js'
import { subjectAccessText } from '../features/data-protection/subject-access.view.js'
import { CommandError, withServices } from './context.js'
import { parseFormat } from './options.js'
import { findStudentByUpn, lookupScope } from './student-lookup.js'

export const SUBJECT_ACCESS_PERMISSION: Permission = 'students.export'

interface SubjectAccessOptions {
  school?: string
  format: string
  output?: string
}

export function registerSubjectAccessCommand(program: Command): void {
  program
    .command('subject-access')
    .description('export everything stored about one student, for a subject access request')
    .argument('<upn>', "the student's unique pupil number")
    .option('--school <name>', 'the school whose student this is, when several have the UPN')
    .option(
      '--format <format>',
      'output format: text (readable) or json (every stored field)',
      'text',
    )
    .option('--output <file>', 'write the export to this new file, readable by you only')
    .action((upn: string, options: SubjectAccessOptions) => exportStudent(upn, options))
}

async function exportStudent(upn: string, options: SubjectAccessOptions): Promise<void> {
  const format = parseFormat(options.format)

  await withServices('subject-access', async (context) => {
    const { services, actor } = context
    const scope = lookupScope(context, options.school)
    const student = await findStudentByUpn(services, scope, upn)
    const record = await services.dataProtection.exportStudent(scope, student.id, actor, format)
    if (!record) throw new CommandError(`No student has UPN ${student.upn ?? upn}.`)

    const text =
      format === 'json' ? `${JSON.stringify(record, null, 2)}\n` : subjectAccessText(record)
    if (options.output === undefined) {
      // Escaped so that stored control characters cannot drive the terminal. The file written
      // with --output keeps the text as stored.
      process.stdout.write(escapeControlCharacters(text))
      return
    }
    await writeNewFile(options.output, text)
    console.error(`Wrote the subject access export to ${options.output}.`)
  })
}

// The file contains a child's whole record, so it is created for its owner only and never
// replaces a file that is already there.
async function writeNewFile(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new CommandError(
        `${path} already exists. Give a new file name, or delete the old file first.`,
      )
    }
    throw error
  }
}
