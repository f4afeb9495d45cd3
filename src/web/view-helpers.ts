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
  { href: '/students', text: 'Students' },
  { href: '/outcomes', text: 'Outcomes' },
  { href: '/import', text: 'Import' },
]

/** Builds the service navigation items, marking the section that contains the current path. */
export function navigationItems(currentPath: string) {
  return SECTIONS.map((section) => ({
    ...section,
    active: currentPath === section.href || currentPath.startsWith(`${section.href}/`),
  }))
}
