// Helpers shared by the data protection routes: the permission of each page and the student id.
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'

import type { Permission } from '../accounts/permissions.js'
import type { StudentRow } from '../../db/tables.js'
import { NotFoundError } from '../../web/errors.js'
import type { StudentService } from '../students/student.service.js'
import type { DataProtectionService } from './data-protection.service.js'

export interface DataProtectionRouteServices {
  students: StudentService
  dataProtection: DataProtectionService
}

export const SUBJECT_ACCESS_ACCESS: Permission = 'students.export'
export const ERASURE_ACCESS: Permission = 'students.erase'
export const LEAVING_ACCESS: Permission = 'students.edit'

// Decimal digits only, as on the student page, so `0x10` in an address is a missing page.
const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/)
  .transform(Number)

export type IdRequest = FastifyRequest<{ Params: { id: string } }>

/** Reads the student id of the address, raising NotFoundError for anything but a whole number. */
export function studentIdOf(request: IdRequest): number {
  const parsed = idSchema.safeParse(request.params.id)
  if (!parsed.success) throw new NotFoundError('Student not found')
  return parsed.data
}

/** Returns the name to show for a stored student row. */
export function rowDisplayName(row: StudentRow): string {
  return `${row.preferred_forename ?? row.legal_forename} ${row.preferred_surname ?? row.legal_surname}`
}
