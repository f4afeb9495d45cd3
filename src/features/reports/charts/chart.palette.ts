// Series colours and patterns. The colours are the UK Government Analysis Function categorical
// palette (published with its afcharts packages): each has at least 3:1 contrast with white, and
// each with the next one in order, which chart.palette.test.ts checks. For exactly two series
// the function's "duo" pair (dark blue and orange) is used, the two with the most contrast.

export const PALETTE = ['#12436D', '#28A197', '#801650', '#F46A25', '#3D3D3D', '#A285D1'] as const
export const DUO_PALETTE = ['#12436D', '#F46A25'] as const

/** The colour of text and rules in charts: the govuk-frontend text colour. */
export const TEXT_COLOUR = '#0b0c0c'

/** Returns the colours for a chart with this many series, in series order. */
export function seriesColours(seriesCount: number): readonly string[] {
  if (seriesCount === 2) return DUO_PALETTE
  return PALETTE.slice(0, seriesCount)
}

/**
 * The pattern of each series, in series order, so that each series is distinct without colour and
 * on a black-and-white print. Each is drawn in white over the series colour.
 */
export const PATTERN_NAMES = [
  'solid',
  'diagonal stripes',
  'dots',
  'cross-hatch',
  'horizontal stripes',
  'vertical stripes',
] as const

/** The white shapes drawn over an 8 by 8 tile of series colour, as SVG path data. */
const PATTERN_PATHS: Record<(typeof PATTERN_NAMES)[number], string> = {
  solid: '',
  'diagonal stripes': 'M-2,2 L2,-2 M0,8 L8,0 M6,10 L10,6',
  dots: 'M2,2 h2 v2 h-2 Z M6,6 h2 v2 h-2 Z',
  'cross-hatch': 'M0,0 L8,8 M0,8 L8,0',
  'horizontal stripes': 'M0,2 H8 M0,6 H8',
  'vertical stripes': 'M2,0 V8 M6,0 V8',
}

export const PATTERN_SIZE = 8

/** Returns the white overlay of a series' pattern and whether it is filled (dots) or stroked. */
export function patternOverlay(seriesIndex: number): { path: string; filled: boolean } {
  const name = PATTERN_NAMES[seriesIndex % PATTERN_NAMES.length] ?? 'solid'
  return { path: PATTERN_PATHS[name], filled: name === 'dots' }
}

function channelToLinear(channel: number): number {
  const value = channel / 255
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4
}

/** Computes the relative luminance of a #rrggbb colour, as WCAG 2.2 defines it. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`Invalid colour "${hex}": expected #rrggbb.`)

  const [red, green, blue] = match.slice(1).map((part) => channelToLinear(parseInt(part, 16)))
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!
}

/** Computes the WCAG 2.2 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort(
    (a, b) => b - a,
  )
  return (lighter! + 0.05) / (darker! + 0.05)
}
