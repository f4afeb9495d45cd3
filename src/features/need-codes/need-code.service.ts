import type { Kysely } from 'kysely'
import type { Tables } from '../../db/tables.js'
import { CENSUS_NEED_CODES } from '../../domain/census.js'
import type { AreaOfNeed } from '../../domain/types.js'
import {
  countStudentsByNeedCode,
  listNeedCodeMappings,
  saveNeedCodeMapping,
} from '../students/need-code.repository.js'
import type { NeedCodeMapping, NeedCodeUsage } from '../students/need-code.repository.js'
import { listSchools } from '../students/school.repository.js'
import { refreshSchoolGroups } from '../students/student.groups.js'
import { insertAuditEvent } from '../audit/audit.repository.js'
import type { Scope } from '../students/student.service.js'

export type { NeedCodeMapping }

/** A need code that is not a census code, as the caller's students use it. */
export interface LocalNeedCodeUse extends NeedCodeUsage {
  /** The area an admin mapped the code to, or null when none is mapped yet. */
  area: AreaOfNeed | null
}

/** True for a code of the census list (or BESD, its pre-2015 name for SEMH), whose area is fixed. */
export function isCensusNeedCode(code: string): boolean {
  const upper = code.trim().toUpperCase()
  return upper === 'BESD' || CENSUS_NEED_CODES.some((need) => need.code === upper)
}

export function createNeedCodeService(db: Kysely<Tables>, options: { now?: () => Date } = {}) {
  const now = () => (options.now ?? (() => new Date()))().toISOString()

  /** Lists the local need codes of the caller's schools with how many students have each. */
  async function listLocalNeedCodes(scope: Scope): Promise<LocalNeedCodeUse[]> {
    const usage = await countStudentsByNeedCode(db, scope.schoolIds)
    const local = usage.filter((use) => !isCensusNeedCode(use.code))
    const uses: LocalNeedCodeUse[] = []

    for (const schoolId of new Set(local.map((use) => use.schoolId))) {
      const mappings = await listNeedCodeMappings(db, schoolId)
      for (const use of local.filter((candidate) => candidate.schoolId === schoolId)) {
        const mapping = mappings.find((m) => m.code.toUpperCase() === use.code.toUpperCase())
        uses.push({ ...use, area: mapping?.area ?? null })
      }
    }
    return uses.sort((a, b) => a.schoolId - b.schoolId || a.code.localeCompare(b.code))
  }

  /** Maps a need code to an area for one school, or every school, and regroups their students. */
  function mapNeedCode(
    schoolId: number | null,
    mapping: NeedCodeMapping,
    by = 'system',
  ): Promise<number> {
    return db.transaction().execute(async (trx) => {
      await saveNeedCodeMapping(trx, schoolId, mapping, now())
      const details = { code: mapping.code, area: mapping.area }
      await insertAuditEvent(trx, {
        at: now(),
        actor: by,
        action: 'need_code.map',
        schoolId,
        studentId: null,
        details,
      })
      const affected = await listSchools(trx, schoolId === null ? 'all' : [schoolId])
      let changed = 0
      for (const school of affected) {
        changed += await refreshSchoolGroups(trx, school.id)
      }
      return changed
    })
  }

  return {
    listLocalNeedCodes,
    mapNeedCode,
    listMappings: (schoolId: number) => listNeedCodeMappings(db, schoolId),
  }
}

export type NeedCodeService = ReturnType<typeof createNeedCodeService>
