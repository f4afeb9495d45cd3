// Audit events store UTC timestamps, but the schools are in England, so dates people type and the
// times the page shows are in UK time (Europe/London, GMT or BST).

const UK_TIME_ZONE = 'Europe/London'

const ukParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

const ukDisplay = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hourCycle: 'h23',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})

/** Returns the milliseconds that UK clocks are ahead of UTC at this instant: 0 in winter, 1 hour in summer. */
function ukOffsetMs(instant: Date): number {
  const parts = ukParts.formatToParts(instant)
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value)
  const wallClockAsUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  )
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000
}

/**
 * Returns the UTC timestamp of midnight in the UK at the start of a `YYYY-MM-DD` date. UK clocks
 * change at 01:00 UTC, so the offset at UTC midnight is the offset at UK midnight too.
 */
export function startOfUkDay(date: string): string {
  const utcMidnight = new Date(`${date}T00:00:00.000Z`)
  return new Date(utcMidnight.getTime() - ukOffsetMs(utcMidnight)).toISOString()
}

/** Returns the `YYYY-MM-DD` date after this one. */
export function nextDate(date: string): string {
  const next = new Date(`${date}T00:00:00.000Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}

/** Formats a stored timestamp in UK time, such as "4 Dec 2026, 09:05". */
export function formatUkTime(timestamp: string): string {
  return ukDisplay.format(new Date(timestamp))
}
