// Reads the upload form. @fastify/multipart buffers the parts onto the body before the CSRF
// check runs, so a file is bounded by the multipart fileSize limit set in buildApp.
import type { MultipartFile, MultipartValue } from '@fastify/multipart'

import type { FormErrors } from '../../web/form-errors.js'

export const uploadMessages = {
  file: 'Select a CSV or Excel file to import',
  emptyFile: 'The selected file is empty. Export the register again and upload it.',
  school: 'Select the school to import into',
}

export interface UploadForm {
  file: { name: string; content: Buffer } | null
  schoolId: number | null
  /** True when the file lists only some of the school's students. */
  partial: boolean
}

type Part = MultipartFile | MultipartValue | (MultipartFile | MultipartValue)[] | undefined

function textValue(part: Part): string {
  const single = Array.isArray(part) ? part[0] : part
  return single?.type === 'field' && typeof single.value === 'string' ? single.value.trim() : ''
}

async function fileValue(part: Part) {
  const single = Array.isArray(part) ? part[0] : part
  if (single?.type !== 'file' || !single.filename) return null
  return { name: single.filename, content: await single.toBuffer() }
}

/** Reads the upload form's fields from a multipart body. A body of another kind reads as empty. */
export async function readUploadForm(body: unknown): Promise<UploadForm> {
  const parts = (body && typeof body === 'object' ? body : {}) as Record<string, Part>
  const school = Number(textValue(parts.school))
  return {
    file: await fileValue(parts.file),
    schoolId: Number.isInteger(school) && school > 0 ? school : null,
    partial: textValue(parts.coverage) === 'some',
  }
}

/**
 * Checks the upload form, returning every problem at once. `messages` lets another import word
 * them for its own files; the register import uses `uploadMessages`.
 */
export function checkUploadForm(
  form: UploadForm,
  schoolCount: number,
  messages: typeof uploadMessages = uploadMessages,
): FormErrors {
  const errors: FormErrors = { list: [], byField: {} }
  const add = (field: string, text: string) => {
    errors.list.push({ href: `#${field}`, text })
    errors.byField[field] = { text }
  }

  if (schoolCount > 1 && form.schoolId === null) add('school', messages.school)
  if (!form.file) add('file', messages.file)
  else if (form.file.content.length === 0) add('file', messages.emptyFile)
  return errors
}
