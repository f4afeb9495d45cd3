// The pictures drawn beside easy-read ideas: simple SVG drawings made for the product.
// TODO: draw every picture (issue 6, easy-read content work).

export interface Icon {
  /** What the picture shows, for the accessible name when a picture stands alone. */
  label: string
  /** The SVG elements inside a 48 by 48 view box, with no style attributes. */
  body: string
}

export const ICONS = {
  person: {
    label: 'A person',
    body: '<circle cx="24" cy="14" r="8"/><path d="M10 44c0-10 6-16 14-16s14 6 14 16z"/>',
  },
} as const satisfies Record<string, Icon>

export type IconId = keyof typeof ICONS

export function isIconId(name: string): name is IconId {
  return Object.hasOwn(ICONS, name)
}

/** Returns the SVG markup of a picture, hidden from screen readers since the text beside it says the same. */
export function iconSvg(name: string): string {
  const icon = isIconId(name) ? ICONS[name] : ICONS.person
  return `<svg class="app-easy-read-icon" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">${icon.body}</svg>`
}
