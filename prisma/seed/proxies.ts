// SROI financial proxies (issue 25, plan §3.5): tenge per unit, each with the law it comes from. Admins add
// others, always with a source; the seed only fills codes nobody has edited.
export interface ProxySeed {
  code: string;
  nameKk: string;
  nameRu: string;
  unitKk: string;
  unitRu: string;
  valueTenge: number;
  year: number;
  source: string;
}

const MIN_WAGE = 85_000;
const BUDGET_LAWS = 'Laws of RK «On the republican budget» for 2024–2026, 2025–2027 and 2026–2028 (minimum monthly wage 85 000 tenge)';

export const financialProxies: ProxySeed[] = [
  {
    code: 'min_wage_month',
    nameKk: 'Ең төменгі жалақы (бір ай)',
    nameRu: 'Минимальная заработная плата (месяц)',
    unitKk: 'адам·ай',
    unitRu: 'человеко-месяц',
    valueTenge: MIN_WAGE,
    year: 2026,
    source: BUDGET_LAWS,
  },
  {
    // a job held for a year, valued at the least it pays: 12 × the minimum wage
    code: 'employment_year',
    nameKk: 'Жұмысқа орналасу (бір жыл, ең төменгі жалақы × 12)',
    nameRu: 'Трудоустройство (год, минимальная зарплата × 12)',
    unitKk: 'адам',
    unitRu: 'человек',
    valueTenge: 12 * MIN_WAGE,
    year: 2026,
    source: `${BUDGET_LAWS}; 12 × 85 000`,
  },
  {
    code: 'subsistence_min_month_2025',
    nameKk: 'Ең төменгі күнкөріс деңгейі (бір ай, 2025)',
    nameRu: 'Величина прожиточного минимума (месяц, 2025)',
    unitKk: 'адам·ай',
    unitRu: 'человеко-месяц',
    valueTenge: 46_228,
    year: 2025,
    source: 'Law of RK «On the republican budget for 2025–2027 years»',
  },
  {
    code: 'subsistence_min_month',
    nameKk: 'Ең төменгі күнкөріс деңгейі (бір ай)',
    nameRu: 'Величина прожиточного минимума (месяц)',
    unitKk: 'адам·ай',
    unitRu: 'человеко-месяц',
    valueTenge: 50_851,
    year: 2026,
    source: 'Law of RK «On the republican budget for 2026–2028 years»',
  },
  {
    // 40-hour week of the Labour Code: 40 × 52 / 12 = 173.33 hours a month
    code: 'volunteer_hour',
    nameKk: 'Еріктінің бір сағаты (ең төменгі жалақы / 173,33 сағ)',
    nameRu: 'Час волонтёра (минимальная зарплата / 173,33 ч)',
    unitKk: 'сағат',
    unitRu: 'час',
    valueTenge: 490.38,
    year: 2026,
    source: `${BUDGET_LAWS}; Labour Code of RK art. 68 (40-hour week): 85 000 / (40 × 52 / 12)`,
  },
];
