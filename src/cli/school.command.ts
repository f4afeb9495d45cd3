import type { Command } from 'commander'

import { CommandError, withServices } from './context.js'

interface SchoolOptions {
  organisation?: string
  kind: string
}

const KINDS = ['trust', 'local_authority'] as const

export function registerSchoolCommand(program: Command): void {
  program
    .command('school')
    .description('set up schools and the trusts or local authorities they belong to')
    .command('add')
    .description('add a school, or put an existing one in an organisation')
    .argument('<name>', 'the school name')
    .option('--organisation <name>', 'the trust or local authority it belongs to (created if new)')
    .option('--kind <kind>', `the kind of a new organisation: ${KINDS.join(' or ')}`, 'trust')
    .action((name: string, options: SchoolOptions) => addSchool(name, options))
}

async function addSchool(name: string, options: SchoolOptions): Promise<void> {
  const kind = KINDS.find((value) => value === options.kind)
  if (!kind) {
    throw new CommandError(`--kind "${options.kind}" is not valid. Use ${KINDS.join(' or ')}.`)
  }
  const trimmed = name.normalize('NFC').trim()
  if (!trimmed) throw new CommandError('The school name is empty. Give it in quotes.')

  await withServices('school add', async ({ services, actor }) => {
    const school = await services.students.findOrCreateSchool(trimmed)
    if (options.organisation === undefined) {
      console.log(`${school.name} is set up.`)
      return
    }
    const organisationName = options.organisation.trim()
    if (!organisationName) throw new CommandError('--organisation is empty. Give its name.')
    const organisation = await services.accounts.findOrCreateOrganisation(organisationName, kind)
    await services.accounts.addSchoolToOrganisation(school.id, organisation.id, actor)
    console.log(`${school.name} is set up, in ${organisation.name}.`)
  })
}
