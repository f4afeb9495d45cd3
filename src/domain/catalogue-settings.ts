/** Hours a week that paid employment needs by default. It is a setting because other rules use other
 * thresholds: the duty to participate for under-18s counts 20 hours with part-time study. */
export const PAID_EMPLOYMENT_MIN_HOURS = 16
