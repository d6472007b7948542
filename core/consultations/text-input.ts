// Text typed by staff (answers, notes, articles, log summaries): trimmed, never empty, never longer
// than its field allows, refused with `<code>_empty` / `<code>_long` in the errors namespace.
import { invalid } from '../errors.ts';

export function requiredText(raw: string | null | undefined, max: number, code: string): string {
  const text = (raw ?? '').trim();
  if (!text) throw invalid(`${code}_empty`);
  if (text.length > max) throw invalid(`${code}_long`, { max });
  return text;
}

/** Like requiredText, but empty means "none". */
export function optionalText(raw: string | null | undefined, max: number, code: string): string | null {
  return (raw ?? '').trim() ? requiredText(raw, max, code) : null;
}
