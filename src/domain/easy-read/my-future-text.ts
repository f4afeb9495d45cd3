// The fixed words of the "My future" page: headings, introductions and labels.
// TODO: the page's words (issue 6, "My future" work).
export const MY_FUTURE_TEXT = {} as const
