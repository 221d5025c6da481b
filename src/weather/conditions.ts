/** Weather conditions the box can show, with the WMO codes Open-Meteo reports for each. */
export const CONDITIONS = {
  clear: { vi: 'Trời quang', en: 'Clear', codes: [0] },
  'partly-cloudy': { vi: 'Ít mây', en: 'Partly cloudy', codes: [1, 2] },
  cloudy: { vi: 'Nhiều mây', en: 'Cloudy', codes: [3] },
  fog: { vi: 'Sương mù', en: 'Fog', codes: [45, 48] },
  drizzle: { vi: 'Mưa phùn', en: 'Drizzle', codes: [51, 53, 55, 56, 57] },
  rain: { vi: 'Mưa', en: 'Rain', codes: [61, 63, 65, 66, 67] },
  showers: { vi: 'Mưa rào', en: 'Showers', codes: [80, 81, 82] },
  thunderstorm: { vi: 'Dông', en: 'Thunderstorm', codes: [95, 96, 99] },
  snow: { vi: 'Tuyết', en: 'Snow', codes: [71, 73, 75, 77, 85, 86] },
} as const

export type Condition = keyof typeof CONDITIONS

export const CONDITION_OPTIONS = (Object.keys(CONDITIONS) as Condition[]).map((value) => ({
  value,
  label: { vi: CONDITIONS[value].vi, en: CONDITIONS[value].en },
}))

/** The condition of a WMO weather interpretation code; unknown codes read as cloudy. */
export function conditionOfCode(code: number): Condition {
  for (const [condition, { codes }] of Object.entries(CONDITIONS)) {
    if ((codes as readonly number[]).includes(code)) return condition as Condition
  }
  return 'cloudy'
}

export function conditionLabel(condition: string | null | undefined): string {
  return CONDITIONS[(condition ?? 'cloudy') as Condition]?.vi ?? CONDITIONS.cloudy.vi
}
