// The monthly calculation index (АЕК / МРП) per financial year, in tenge. Order 407 item 9 compares a project's
// contract sum with 500 MCI "of the republican budget law for the financial year". Admins edit the rows (a mid-year
// amendment of the law, a new year); the seed only fills years nobody has edited.
export interface MciSeed {
  year: number;
  tenge: number;
  source: string;
}

export const mciRates: MciSeed[] = [
  // Each row: the law's name as its source; the figure is the MCI that law set for its first year.
  { year: 2023, tenge: 3450, source: 'Law of RK «On the republican budget for 2023–2025 years»' },
  { year: 2024, tenge: 3692, source: 'Law of RK «On the republican budget for 2024–2026 years»' },
  // 2025's 3 932 is also the base the 2026 press reports compare with.
  { year: 2025, tenge: 3932, source: 'Law of RK «On the republican budget for 2025–2027 years»' },
  // Law of RK «On the republican budget for 2026–2028», signed 8 Dec 2025 (Akorda); figure as reported by the press
  // the same day (lada.kz: «МРП 4 325 тенге (рост с 3 932 тенге в 2025 году)»). Not yet checked against the law
  // text on adilet.zan.kz, hence "to verify" in the source an admin sees.
  { year: 2026, tenge: 4325, source: 'Law of RK «On the republican budget for 2026–2028 years» (press report of 8 Dec 2025; to verify)' },
];
