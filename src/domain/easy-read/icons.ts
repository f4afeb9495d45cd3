// The pictures drawn beside easy-read ideas: simple SVG drawings made for the product.
// Each body is drawn on a 48 by 48 grid with plain shapes. Filled shapes take the colour from the
// svg element's fill="currentColor", and outlines use STROKE, so CSS `color` sets every picture.

export interface Icon {
  /** What the picture shows, for the accessible name when a picture stands alone. */
  label: string
  /** The SVG elements inside a 48 by 48 view box, with no style attributes. */
  body: string
}

/** Presentation attributes for an outline drawn in the text colour. */
const STROKE =
  'fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"'

/** A thicker outline, for lines that must read at small sizes (ticks, hands, handles). */
const THICK_STROKE =
  'fill="none" stroke="currentColor" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"'

export const ICONS = {
  person: {
    label: 'A person',
    body: '<circle cx="24" cy="14" r="8"/><path d="M10 44c0-10 6-16 14-16s14 6 14 16z"/>',
  },
  heart: {
    label: 'A heart',
    body: '<path d="M24 42C8 31 4 24 4 16A10 10 0 0 1 24 13 10 10 0 0 1 44 16c0 8-4 15-20 26z"/>',
  },
  star: {
    label: 'A star',
    body: '<polygon points="24 5 29 19.1 44 19.5 32.1 28.6 36.3 43 24 34.5 11.7 43 15.9 28.6 4 19.5 19 19.1"/>',
  },
  signpost: {
    label: 'A signpost pointing two ways',
    body:
      '<rect x="22" y="4" width="4" height="40" rx="1"/><path d="M8 8h26l6 6-6 6H8z"/>' +
      '<path d="M40 24H14l-6 6 6 6h26z"/><rect x="14" y="42" width="20" height="3" rx="1.5"/>',
  },
  steps: {
    label: 'Steps going up',
    body:
      '<path d="M4 44v-9h10v-9h10v-9h10V8h10v36z"/>' + `<path d="M6 24 20 10m-7 0h7v7" ${STROKE}/>`,
  },
  helpers: {
    label: 'Three people in a team',
    body:
      '<circle cx="8" cy="19" r="4.5"/><path d="M1 40c0-8 3-13 7-13s7 5 7 13z"/>' +
      '<circle cx="24" cy="14" r="6"/><path d="M16 44c0-11 3.5-17 8-17s8 6 8 17z"/>' +
      '<circle cx="40" cy="19" r="4.5"/><path d="M33 40c0-8 3-13 7-13s7 5 7 13z"/>',
  },
  calendar: {
    label: 'A calendar',
    body:
      `<rect x="6" y="10" width="36" height="32" rx="3" ${STROKE}/>` +
      '<path d="M6 13a3 3 0 0 1 3-3h30a3 3 0 0 1 3 3v6H6z"/>' +
      '<rect x="13" y="5" width="4" height="9" rx="2"/><rect x="31" y="5" width="4" height="9" rx="2"/>' +
      '<rect x="12" y="24" width="6" height="5"/><rect x="21" y="24" width="6" height="5"/>' +
      '<rect x="30" y="24" width="6" height="5"/><rect x="12" y="32" width="6" height="5"/>' +
      '<rect x="21" y="32" width="6" height="5"/>',
  },
  tick: {
    label: 'A tick',
    body: `<circle cx="24" cy="24" r="20" ${STROKE}/><path d="M14 25l7 7 13-15" ${THICK_STROKE}/>`,
  },
  clock: {
    label: 'A clock',
    body:
      `<circle cx="24" cy="24" r="20" ${STROKE}/><path d="M24 11v13l9 6" ${STROKE}/>` +
      '<circle cx="24" cy="24" r="2.5"/>',
  },
  house: {
    label: 'A house',
    body: '<path fill-rule="evenodd" d="M24 5 3 23h6v21h30V23h6zM20 44V31h8v13z"/>',
  },
  friends: {
    label: 'Two friends with a heart',
    body:
      '<circle cx="13" cy="21" r="5.5"/><path d="M4 45c0-9 4-14 9-14s9 5 9 14z"/>' +
      '<circle cx="35" cy="21" r="5.5"/><path d="M26 45c0-9 4-14 9-14s9 5 9 14z"/>' +
      '<path d="M24 15c-5-3.5-7-6-7-8.5a3.5 3.5 0 0 1 7-1 3.5 3.5 0 0 1 7 1c0 2.5-2 5-7 8.5z"/>',
  },
  health: {
    label: 'A first aid cross',
    body:
      `<rect x="5" y="5" width="38" height="38" rx="8" ${STROKE}/>` +
      '<path d="M20 12h8v8h8v8h-8v8h-8v-8h-8v-8h8z"/>',
  },
  work: {
    label: 'A work bag',
    body:
      `<path d="M17 12V9a3 3 0 0 1 3-3h8a3 3 0 0 1 3 3v3" ${STROKE}/>` +
      `<rect x="4" y="12" width="40" height="29" rx="4" ${STROKE}/><path d="M4 25h40" ${STROKE}/>` +
      '<rect x="20" y="21" width="8" height="8" rx="1"/>',
  },
  college: {
    label: 'A college building with columns',
    body:
      '<path d="M24 4 4 14v4h40v-4z"/><rect x="8" y="20" width="4" height="18"/>' +
      '<rect x="17" y="20" width="4" height="18"/><rect x="27" y="20" width="4" height="18"/>' +
      '<rect x="36" y="20" width="4" height="18"/><rect x="4" y="40" width="40" height="4"/>',
  },
  book: {
    label: 'An open book',
    body:
      `<path d="M24 12C18 8 10 7 4 8v30c6-1 14 0 20 4 6-4 14-5 20-4V8c-6-1-14 0-20 4z" ${STROKE}/>` +
      `<path d="M24 12v30M9 16c4 0 8 1 10 2M9 23c4 0 8 1 10 2M29 18c2-1 6-2 10-2M29 25c2-1 6-2 10-2" ${STROKE}/>`,
  },
  money: {
    label: 'A bank note and coins',
    body:
      `<rect x="3" y="5" width="30" height="18" rx="2" ${STROKE}/><circle cx="18" cy="14" r="4.5" ${STROKE}/>` +
      '<rect x="24" y="28" width="21" height="5" rx="2.5"/><rect x="24" y="34.5" width="21" height="5" rx="2.5"/>' +
      '<rect x="24" y="41" width="21" height="5" rx="2.5"/><circle cx="11" cy="37" r="8"/>',
  },
  coach: {
    label: 'A helper with a hand on a young person’s shoulder',
    body:
      '<circle cx="15" cy="10" r="6"/><path d="M5 44c0-14 4-22 10-22s10 8 10 22z"/>' +
      `<path d="M22 28l11 5" ${THICK_STROKE}/>` +
      '<circle cx="36" cy="24" r="4.5"/><path d="M28 44c0-7 3.5-12 8-12s8 5 8 12z"/>',
  },
  shop: {
    label: 'A shop with an awning',
    body:
      '<path d="M7 4h34l5 13a5.75 5.75 0 0 1-11.5 0 5.75 5.75 0 0 1-11.5 0 5.75 5.75 0 0 1-11.5 0 5.75 5.75 0 0 1-11.5 0z"/>' +
      `<path d="M6 24v20h36V24" ${STROKE}/><rect x="11" y="29" width="9" height="15"/>` +
      `<rect x="25" y="29" width="12" height="9" ${STROKE}/>`,
  },
  hands: {
    label: 'An open hand',
    body:
      '<rect x="13" y="22" width="22" height="22" rx="7"/>' +
      `<path d="M16 24V10M22 24V6M28 24V7M33.5 26V12M15 34l-7-9" ${THICK_STROKE}/>`,
  },
  calm: {
    label: 'A calm face with closed eyes',
    body:
      `<circle cx="24" cy="24" r="20" ${STROKE}/>` +
      `<path d="M13 20q4 3 8 0M27 20q4 3 8 0M16 30q8 6 16 0" ${STROKE}/>`,
  },
  tools: {
    label: 'A hammer and a screwdriver',
    body:
      `<path d="M10 40 30 20" ${THICK_STROKE}/><polygon points="41.2 21.5 35.5 27.2 22.8 14.5 28.5 8.8"/>` +
      `<path d="M38 40l-8-8" fill="none" stroke="currentColor" stroke-width="8" stroke-linecap="round"/>` +
      `<path d="M30 32 12 14" ${STROKE}/>`,
  },
  school: {
    label: 'A school building with a flag',
    body:
      '<path fill-rule="evenodd" d="M4 24h14v-8l6-6 6 6v8h14v20H4zM8 28h6v5H8zM34 28h6v5h-6zM20 34h8v10h-8zM22 18h4v4h-4z"/>' +
      `<path d="M24 10V2" ${STROKE}/><path d="M25 2h8l-2 2.5 2 2.5h-8z"/>`,
  },
  question: {
    label: 'A question mark',
    body:
      `<circle cx="24" cy="24" r="20" ${STROKE}/>` +
      `<path d="M18 18a6 6 0 1 1 9 5c-2 1.3-3 2.5-3 5v1" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round"/>` +
      '<circle cx="24" cy="35" r="2.5"/>',
  },
  phone: {
    label: 'A mobile phone',
    body:
      `<rect x="13" y="3" width="22" height="42" rx="4" ${STROKE}/>` +
      '<rect x="17" y="9" width="14" height="25" rx="1"/><circle cx="24" cy="39.5" r="2"/>',
  },
  paper: {
    label: 'A sheet of paper with writing',
    body:
      `<path d="M10 4h20l10 10v30H10z" ${STROKE}/><path d="M30 4v10h10" ${STROKE}/>` +
      `<path d="M16 22h18M16 29h18M16 36h12" ${STROKE}/>`,
  },
  chat: {
    label: 'Two speech bubbles',
    body:
      '<path d="M4 8a4 4 0 0 1 4-4h22a4 4 0 0 1 4 4v14a4 4 0 0 1-4 4H16l-7 6v-6H8a4 4 0 0 1-4-4z"/>' +
      `<path d="M37 18h3a4 4 0 0 1 4 4v14a4 4 0 0 1-4 4h-2v6l-7-6H21a4 4 0 0 1-4-4v-6" ${STROKE}/>`,
  },
  map: {
    label: 'A folded map with a pin',
    body:
      `<path d="M4 12l12-5 16 5 12-5v31l-12 5-16-5-12 5z" ${STROKE}/><path d="M16 7v31M32 12v31" ${STROKE}/>` +
      '<path fill-rule="evenodd" d="M24 34c-5-6-7-9.5-7-12.5a7 7 0 0 1 14 0c0 3-2 6.5-7 12.5zM21.5 21.5a2.5 2.5 0 1 0 5 0 2.5 2.5 0 1 0-5 0z"/>',
  },
  badge: {
    label: 'A work pass on a neck strap',
    body:
      `<path d="M14 2l10 12 10-12" ${STROKE}/><rect x="10" y="14" width="28" height="30" rx="3" ${STROKE}/>` +
      '<circle cx="24" cy="24" r="4.5"/><path d="M16 39c0-5 3.5-8 8-8s8 3 8 8z"/>',
  },
  lightbulb: {
    label: 'A light bulb, for a new idea',
    body:
      '<path d="M24 4a13 13 0 0 0-8 23.3c2 1.7 3 3.7 3 5.7h10c0-2 1-4 3-5.7A13 13 0 0 0 24 4z"/>' +
      '<rect x="19" y="35" width="10" height="3" rx="1.5"/><rect x="20" y="40" width="8" height="4" rx="2"/>',
  },
  laptop: {
    label: 'A laptop computer',
    body:
      `<rect x="8" y="8" width="32" height="23" rx="2" ${STROKE}/><rect x="13" y="13" width="22" height="13"/>` +
      '<path d="M3 35h42l-3 6H6z"/>',
  },
  giving: {
    label: 'A hand holding a heart',
    body:
      '<path d="M24 26c-7-5-10-8.5-10-12.5a5 5 0 0 1 10-1.5 5 5 0 0 1 10 1.5c0 4-3 7.5-10 12.5z"/>' +
      '<rect x="2" y="32" width="7" height="13" rx="1"/>' +
      '<path d="M11 34l7-3h10a2.5 2.5 0 0 1 0 5h-8 9l10-6a2.5 2.5 0 0 1 3 4l-12 10H11z"/>',
  },
  leaf: {
    label: 'A leaf',
    body:
      `<path d="M8 40C8 18 22 8 42 6c0 22-12 34-34 34z" ${STROKE}/>` +
      `<path d="M8 40 32 16M18 30h9M24 24v-7" ${STROKE}/>`,
  },
  key: {
    label: 'A door key',
    body:
      `<circle cx="13" cy="24" r="8" fill="none" stroke="currentColor" stroke-width="4"/>` +
      `<path d="M21 24h23M36 24v7M42 24v6" fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round"/>`,
  },
  graduate: {
    label: 'A graduation cap',
    body:
      '<polygon points="24 8 46 18 24 28 2 18"/><path d="M12 23v9c0 4 6 7 12 7s12-3 12-7v-9l-12 5.5z"/>' +
      `<path d="M42 20v12" ${STROKE}/><circle cx="42" cy="34" r="2.5"/>`,
  },
  hardhat: {
    label: 'A safety helmet',
    body:
      '<path fill-rule="evenodd" d="M5 32a16 16 0 0 1 32 0zM17 17h3v15h-3zM22 17h3v15h-3z"/>' +
      '<path d="M3 32h43v2a4 4 0 0 1-4 4H3z"/>',
  },
  bus: {
    label: 'A bus',
    body:
      '<path fill-rule="evenodd" d="M11 5h26a5 5 0 0 1 5 5v28H6V10a5 5 0 0 1 5-5zM10 11h28v13H10zM10 31a2 2 0 1 0 4 0 2 2 0 1 0-4 0zM34 31a2 2 0 1 0 4 0 2 2 0 1 0-4 0z"/>' +
      '<rect x="9" y="37" width="8" height="8" rx="2"/><rect x="31" y="37" width="8" height="8" rx="2"/>',
  },
} as const satisfies Record<string, Icon>

export type IconId = keyof typeof ICONS

export function isIconId(name: string): name is IconId {
  return Object.hasOwn(ICONS, name)
}

/** Returns the SVG markup of a picture, hidden from screen readers since the text beside it says the same. */
export function iconSvg(name: string): string {
  const icon = isIconId(name) ? ICONS[name] : ICONS.person
  return `<svg class="app-easy-read-icon" viewBox="0 0 48 48" width="48" height="48" fill="currentColor" aria-hidden="true" focusable="false">${icon.body}</svg>`
}
