// The lines of a beneficiary import (the NGO's own CSV list) read into people: each cell checked and
// normalised (beneficiary-csv.ts), each error kept with its line number. Nothing is written here;
// beneficiaries.ts matches the lines against the project's beneficiaries.
import type { Gender } from '../../generated/prisma/enums.ts';
import { almatyYear, localDate, localMidnight } from '../calendar/local-time.ts';
import { invalid } from '../errors.ts';
import { mapHeader, norm, parseBirthYear, parseCsv, parseDay, parseGender, parsePhone, parseSocialStatus } from './beneficiary-csv.ts';
import { MIN_BIRTH_YEAR } from '../citizens/profile.ts';
import { IMPORT_MAX_ROWS } from './project-rules.ts';

const NAME_MAX = 300;

export interface ImportLineError {
  line: number;
  code: string;
  params: Record<string, unknown>;
}

export interface ParsedLine {
  line: number;
  externalRef: string;
  fullName: string;
  phone: string | null;
  gender: Gender | null;
  birthYear: number | null;
  socialStatus: string | null;
  /** when the person began receiving the service (the file's date column); null: from the project's start */
  joinedAt: Date | null;
  /** the normalised name, to find a person whose phone was corrected */
  nameKey: string;
  /** the line carries the NGO's own id: it alone identifies the person */
  byId: boolean;
}

/** Reads the file into good lines and per-line errors; nothing is written here. */
export function readBeneficiaryCsv(text: string, now: Date): { lines: ParsedLine[]; errors: ImportLineError[] } {
  const { rows, lines } = parseCsv(text);
  if (rows.length < 2) throw invalid('project.csv_empty');
  if (rows.length - 1 > IMPORT_MAX_ROWS) throw invalid('project.csv_too_big', { max: IMPORT_MAX_ROWS });
  const { columns, missing } = mapHeader(rows[0]!);
  if (missing.length > 0) throw invalid('project.csv_header', { columns: missing.join(', ') });
  const maxYear = almatyYear(now);
  const good: ParsedLine[] = [];
  const errors: ImportLineError[] = [];
  const seen = new Map<string, number>();
  const cell = (r: string[], c: number | undefined) => (c === undefined ? '' : (r[c] ?? '').trim());
  rows.slice(1).forEach((r, i) => {
    const line = lines[i + 1]!;
    const fail = (code: string, params: Record<string, unknown> = {}) => errors.push({ line, code, params });
    const fullName = cell(r, columns.fullName).replace(/\s+/g, ' ');
    if (!fullName) return fail('project.name_missing');
    const rawGender = cell(r, columns.gender);
    const gender = parseGender(rawGender);
    if (gender === undefined) return fail('project.bad_gender', { value: rawGender });
    const rawYear = cell(r, columns.birthYear);
    const birthYear = parseBirthYear(rawYear);
    if (birthYear === undefined || (birthYear !== null && (birthYear < MIN_BIRTH_YEAR || birthYear > maxYear)))
      return fail('project.bad_birth_year', { value: rawYear, min: MIN_BIRTH_YEAR, max: maxYear });
    const rawStatus = cell(r, columns.socialStatus);
    const socialStatus = parseSocialStatus(rawStatus);
    if (socialStatus === undefined) return fail('project.bad_social_status', { value: rawStatus });
    const rawPhone = cell(r, columns.phone);
    const phone = parsePhone(rawPhone);
    if (phone === undefined) return fail('project.bad_phone', { value: rawPhone });
    const rawDay = cell(r, columns.joinedOn);
    const day = parseDay(rawDay);
    if (day === undefined || (day !== null && day > localDate(now))) return fail('project.bad_joined_on', { value: rawDay });
    const ref = cell(r, columns.ref);
    // Without the NGO's id the phone identifies a person, else the name: not the birth year, so that a
    // corrected year updates the row instead of adding the same person twice.
    const externalRef = (ref ? `id:${ref}` : phone ? `tel:${phone}` : `name:${norm(fullName)}`).slice(0, 200);
    const first = seen.get(externalRef);
    if (first !== undefined) return fail('project.duplicate_line', { line: first });
    seen.set(externalRef, line);
    good.push({
      line,
      externalRef,
      fullName: fullName.slice(0, NAME_MAX),
      phone,
      gender,
      birthYear,
      socialStatus,
      joinedAt: day ? localMidnight(day) : null,
      nameKey: norm(fullName),
      byId: !!ref,
    });
  });
  return { lines: good, errors };
}
