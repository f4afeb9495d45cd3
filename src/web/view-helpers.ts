// Functions the templates call, registered as Nunjucks globals.

export interface Option {
  value: string | number
  text: string
}

/** Builds govukSelect items: an optional blank "any" item first, and the current value selected. */
export function selectItems(anyText: string | null, options: Option[], current: unknown) {
  const items = options.map((option) => ({
    value: option.value,
    text: option.text,
    selected: current !== undefined && String(option.value) === String(current),
  }))
  return anyText ? [{ value: '', text: anyText }, ...items] : items
}

/** Builds govukRadios items with the current value checked. */
export function radioItems(options: Option[], current: unknown) {
  return options.map((option) => ({
    value: option.value,
    text: option.text,
    checked: current !== undefined && String(option.value) === String(current),
  }))
}

const SECTIONS = [
  { href: '/students', text: 'Students', permission: 'students.view' },
  { href: '/work-lists', text: 'Work lists', permission: 'students.view' },
  { href: '/activities', text: 'Activities', permission: 'students.view' },
  { href: '/reports', text: 'Reports', permission: 'reports.view' },
  { href: '/outcomes', text: 'Outcomes', permission: 'catalogue.view' },
  { href: '/import', text: 'Import', permission: 'imports.run' },
  { href: '/exports', text: 'Exports', permission: 'reports.export' },
  { href: '/admin/users', text: 'Users', permission: 'users.manage' },
  { href: '/admin/audit', text: 'Audit trail', permission: 'audit.search' },
]

/**
 * Builds the service navigation items the user may open, marking the section that contains the
 * current path. Signed out, there are none.
 */
export function navigationItems(currentPath: string, permissions: readonly string[] = []) {
  return SECTIONS.filter((section) => permissions.includes(section.permission)).map(
    ({ href, text }) => ({
      href,
      text,
      active: currentPath === href || currentPath.startsWith(`${href}/`),
    }),
  )
}
