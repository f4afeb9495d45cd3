import type { AnyKysely } from '../dialect.js'

// Recomputes students.search_text and students.sort_name with accents folded, so that "Roisin"
// finds "Róisín" in rows written before the key changed. The columns do not change. The key rule
// is copied here, not imported, so this migration keeps the rule of its date if the code moves on.

const BATCH_SIZE = 500

interface KeySource {
  id: number
  legal_surname: string
  legal_forename: string
  preferred_surname: string | null
  preferred_forename: string | null
  upn: string | null
  uln: string | null
  mis_id: string | null
  former_upn: string | null
}

function foldedKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .normalize('NFC')
    .toLocaleLowerCase('en-GB')
}

function unfoldedKey(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('en-GB')
}

async function rewriteKeys(db: AnyKysely, toKey: (text: string) => string): Promise<void> {
  let afterId = 0
  for (;;) {
    const rows: KeySource[] = await db
      .selectFrom('students')
      .select([
        'id',
        'legal_surname',
        'legal_forename',
        'preferred_surname',
        'preferred_forename',
        'upn',
        'uln',
        'mis_id',
        'former_upn',
      ])
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(BATCH_SIZE)
      .execute()
    if (rows.length === 0) return

    for (const row of rows) {
      // The same values and U+0001 separators as toStudentRow writes.
      const values = [
        row.legal_surname,
        row.legal_forename,
        row.preferred_surname,
        row.preferred_forename,
        row.upn,
        row.uln,
        row.mis_id,
        row.former_upn,
      ]
      await db
        .updateTable('students')
        .set({
          sort_name: toKey(`${row.legal_surname}\u0001${row.legal_forename}`),
          search_text: toKey(values.filter(Boolean).join('\u0001')),
        })
        .where('id', '=', row.id)
        .execute()
    }
    afterId = Number(rows[rows.length - 1]?.id)
  }
}

export async function up(db: AnyKysely): Promise<void> {
  await rewriteKeys(db, foldedKey)
}

export async function down(db: AnyKysely): Promise<void> {
  await rewriteKeys(db, unfoldedKey)
}
