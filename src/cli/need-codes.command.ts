import type { Command } from 'commander'
import { AREAS_OF_NEED, areaName, isAreaOfNeed } from '../domain/needs.js'
import { isCensusNeedCode } from '../features/need-codes/need-code.service.js'
import { CommandError, NOT_PERMITTED, withServices } from './context.js'
import { resolveSchool } from './options.js'

interface MapOptions {
  area: string
  school?: string
  allSchools?: boolean
  description?: string
}

const AREA_IDS = AREAS_OF_NEED.map((area) => area.id).join(', ')

export function registerNeedCodesCommand(program: Command): void {
  const needCodes = program
    .command('need-codes')
    .description('map local or new need codes to an area of need, so their students get a group')

  needCodes
    .command('map')
    .description('map a need code that is not in the census list to an area of need')
    .argument('<code>', 'the code as it appears in your register, such as DS')
    .requiredOption('--area <area>', `the area of need: ${AREA_IDS}`)
    .option('--school <name>', 'the school whose code this is (default: the only school)')
    .option('--all-schools', 'map the code for every school')
    .option('--description <text>', 'what the code means, shown beside it')
    .action((code: string, options: MapOptions) => mapCode(code, options))

  needCodes
    .command('list')
    .description("list a school's mapped need codes")
    .option('--school <name>', 'the school (default: the only school)')
    .action((options: { school?: string }) => listCodes(options))
}

async function mapCode(rawCode: string, options: MapOptions): Promise<void> {
  const code = rawCode.trim().toUpperCase()
  if (!/^[A-Z0-9_-]{1,20}$/.test(code)) {
    throw new CommandError(
      `Need code "${rawCode}" is not valid. Use 1 to 20 letters, digits, - or _.`,
    )
  }
  if (isCensusNeedCode(code)) {
    throw new CommandError(`${code} is a census need code, and its area is fixed by the census.`)
  }
  if (!isAreaOfNeed(options.area)) {
    throw new CommandError(
      `--area "${options.area}" is not an area of need. Use one of: ${AREA_IDS}.`,
    )
  }
  if (options.allSchools && options.school)
    throw new CommandError('Give --school or --all-schools, not both.')
  const area = options.area

  await withServices('need-codes map', async (context) => {
    const { services, actor } = context
    if (options.allSchools && !context.operator) {
      throw new CommandError(
        '--all-schools changes schools beyond your own, so only the operator can use it. Give --school.',
        NOT_PERMITTED,
      )
    }
    const school = options.allSchools
      ? null
      : await resolveSchool(context, options.school, { createOption: null })
    const mapping = { code, area, description: options.description?.trim() || null }
    const regrouped = await services.needCodes.mapNeedCode(school?.id ?? null, mapping, actor)
    const where = school ? `for ${school.name}` : 'for every school'
    const changed = `${regrouped} ${regrouped === 1 ? 'student' : 'students'} changed group`
    console.log(`Mapped ${code} to ${areaName(area)} ${where}. ${changed}.`)
  })
}

async function listCodes(options: { school?: string }): Promise<void> {
  await withServices('need-codes list', async (context) => {
    const { services } = context
    const school = await resolveSchool(context, options.school, { createOption: null })
    const mappings = await services.needCodes.listMappings(school.id)
    if (mappings.length === 0) {
      console.log(`No need codes are mapped for ${school.name}.`)
      return
    }
    for (const mapping of mappings) {
      const description = mapping.description ? ` (${mapping.description})` : ''
      console.log(`${mapping.code.padEnd(8)} ${areaName(mapping.area)}${description}`)
    }
  })
}
