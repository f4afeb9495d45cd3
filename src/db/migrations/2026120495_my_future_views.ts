import type { AnyKysely } from '../dialect.js'
import { addIdColumn } from '../dialect.js'

// Adds `my_future_views`: what staff chose to show a student on the easy-read "My future" page.
// One row per student, written by staff. `about_me` and `likes` are easy-read text. `helpers` is a
// JSON array of `{ "name", "role" }`. `choices` is a JSON object from a part kind (`aspiration`,
// `goal`, `target`, `action`, `option`) to an object from a part id or outcome id to true (shown)
// or false (hidden); a part with no entry takes the page's default. `version` is raised by every
// save, and a save must name the version it read.

export async function up(db: AnyKysely): Promise<void> {
  await addIdColumn(db, db.schema.createTable('my_future_views'))
    .addColumn('school_id', 'integer', (column) => column.notNull().references('schools.id'))
    .addColumn('student_id', 'integer', (column) =>
      column.notNull().unique().references('students.id'),
    )
    .addColumn('version', 'integer', (column) => column.notNull().defaultTo(1))
    .addColumn('about_me', 'text', (column) => column.notNull())
    .addColumn('likes', 'text', (column) => column.notNull())
    .addColumn('helpers', 'text', (column) => column.notNull())
    .addColumn('choices', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('updated_by', 'text', (column) => column.notNull())
    .addColumn('updated_at', 'text', (column) => column.notNull())
    .execute()
}

export async function down(db: AnyKysely): Promise<void> {
  await db.schema.dropTable('my_future_views').execute()
}
