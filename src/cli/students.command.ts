import type { Command } from 'commander'
import { groupLabel } from '../domain/group-label.js'
import { CommandError, withServices } from './context.js'
import { parseFormat } from './options.js'
import { studentAsJson, type StudentView } from './student.output.js'

interface StudentsOptions {
  school?: string
  format: string
}

/** Registers `students` and returns it, so its subcommands can be added to it. */
export function registerStudentsCommand(program: Command): Command {
  return program
    .command('students')
    .description('list students with their Career SEND group')
    .option('--school <name>', 'only the students of this school')
    .option('--format <format>', 'output format: text or json', 'text')
    .action((options: StudentsOptions) => listStudents(options))
}

async function listStudents(options: StudentsOptions): Promise<void> {
  const format = parseFormat(options.format)

  await withServices('students', async ({ services, schools }) => {
    const chosen =
      options.school === undefined ? schools : schools.filter((s) => s.name === options.school)
    if (options.school !== undefined && chosen.length === 0) {
      throw new CommandError(`No school is called "${options.school}". Check the spelling.`)
    }
    const students = await services.students.listAllDetails({ schoolIds: chosen.map((s) => s.id) })

    if (format === 'json') {
      console.log(JSON.stringify(students.map(studentAsJson), null, 2))
      return
    }
    printStudents(students)
  })
}

function printStudents(students: StudentView[]): void {
  if (students.length === 0) {
    console.log(
      'No students yet. Import a register with: send-careers import FILE --school "School name"',
    )
    return
  }
  for (const view of students) {
    const json = studentAsJson(view)
    const flags = json.flags.length > 0 ? ` (${json.flags.join(', ')})` : ''
    const name = `${json.legalSurname}, ${json.legalForename}`
    console.log(
      `${(json.upn ?? json.uln ?? json.misId ?? '').padEnd(14)} ${name.padEnd(32)} ${groupLabel(json.group)}${flags}`,
    )
  }
  console.log(`\n${students.length} students`)
}
