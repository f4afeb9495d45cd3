import type { ChartSpec } from './chart.types.js'

/** Builds a two-series percent chart with one withheld value and one pair without a value. */
export function aValidChartSpec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: 'leavers-by-group',
    title: 'Leavers by Career SEND group',
    categoryLabel: 'Career SEND group',
    valueLabel: 'Share of leavers',
    unit: 'percent',
    categories: ['Group 1', 'Group 2', 'Group 3'],
    series: [
      { key: 'y2024', label: '2024 leavers' },
      { key: 'y2025', label: '2025 leavers' },
    ],
    values: [
      { category: 'Group 1', series: 'y2024', value: 45.25 },
      { category: 'Group 1', series: 'y2025', value: 60 },
      { category: 'Group 2', series: 'y2024', value: null },
      { category: 'Group 2', series: 'y2025', value: 12 },
      { category: 'Group 3', series: 'y2024', value: 0 },
    ],
    note: 'Counts of 1 to 4 are not shown.',
    ...overrides,
  }
}

/** Builds a one-series count chart with every value shown. */
export function aCountChartSpec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: 'outcomes',
    title: 'Planned outcomes',
    categoryLabel: 'Outcome',
    valueLabel: 'Students',
    unit: 'count',
    categories: ['Paid employment', 'Supported internship', 'Further education'],
    series: [{ key: 'students', label: 'Students' }],
    values: [
      { category: 'Paid employment', series: 'students', value: 1204 },
      { category: 'Supported internship', series: 'students', value: 7 },
      { category: 'Further education', series: 'students', value: 30 },
    ],
    ...overrides,
  }
}

/** Builds the charts for the sample page of the browser test: long labels, many series, no data. */
export function sampleChartSpecs(): ChartSpec[] {
  const groups = [
    'Group 1: supported employment and independent living',
    'Group 2: supported internship or traineeship',
    'Group 3: further education with a study programme',
    'Group 4 <script>alert("x")</script>',
  ]
  const sixSeries = ['2020', '2021', '2022', '2023', '2024', '2025'].map((year) => ({
    key: year,
    label: `${year} leavers`,
  }))
  return [
    aValidChartSpec({
      categories: groups,
      values: [
        { category: groups[0]!, series: 'y2024', value: 45.25 },
        { category: groups[0]!, series: 'y2025', value: 100 },
        { category: groups[1]!, series: 'y2024', value: null },
        { category: groups[1]!, series: 'y2025', value: 12 },
        { category: groups[2]!, series: 'y2024', value: 0 },
        { category: groups[3]!, series: 'y2024', value: 8.5 },
        { category: groups[3]!, series: 'y2025', value: 33.3 },
      ],
    }),
    aCountChartSpec({
      values: [
        { category: 'Paid employment', series: 'students', value: 1204 },
        { category: 'Supported internship', series: 'students', value: null },
        { category: 'Further education', series: 'students', value: 30 },
      ],
      note: 'Counts of 1 to 4 are not shown.',
    }),
    aCountChartSpec({
      id: 'six-years',
      title: 'Leavers in paid employment by year',
      categories: ['Paid employment', 'Supported internship'],
      series: sixSeries,
      values: sixSeries.flatMap((series, index) => [
        { category: 'Paid employment', series: series.key, value: 10 + index * 3 },
        { category: 'Supported internship', series: series.key, value: 20 - index * 2 },
      ]),
    }),
    aStackedChartSpec(),
    aStackedChartSpec({
      id: 'outcome-shares',
      title: 'Share of each outcome by group',
      unit: 'percent',
      valueLabel: 'Share of students',
      values: aStackedChartSpec().values.map((entry) => ({
        ...entry,
        value: entry.value === null ? null : Math.min(100, entry.value * 2),
      })),
    }),
    aCountChartSpec({
      id: 'empty',
      title: 'Destinations not yet recorded',
      categories: [],
      values: [],
    }),
  ]
}

/** Builds a stacked count chart of outcomes by group, with one withheld and one missing value. */
export function aStackedChartSpec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  const series = [
    { key: 'paid', label: 'Paid employment' },
    { key: 'internship', label: 'Supported internship' },
    { key: 'college', label: 'Further education' },
  ]
  const counts: Record<string, (number | null)[]> = {
    'Group 1': [12, 9, 20],
    'Group 2': [6, null, 25],
    'Group 3': [30, 1, 2],
  }
  return {
    id: 'outcome-mix',
    title: 'Mix of planned outcomes by group',
    categoryLabel: 'Career SEND group',
    valueLabel: 'Students',
    unit: 'count',
    kind: 'stacked',
    categories: ['Group 1', 'Group 2', 'Group 3', 'Group 4'],
    series,
    values: Object.entries(counts).flatMap(([category, values]) =>
      series.map((entry, index) => ({ category, series: entry.key, value: values[index] ?? null })),
    ),
    ...overrides,
  }
}
