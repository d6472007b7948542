// One finding of `npm run doctor` (what a check found and, when wrong, the fix) and how an error reads in it;
// separate so both check families (doctor-checks.ts, doctor-telegram.ts) share it without an import cycle.

export interface Finding {
  check: string;
  /** true ✓, false ✗, null: not checked (say why) */
  ok: boolean | null;
  detail: string;
  fix?: string;
}

export interface DoctorOptions {
  now?: () => Date;
  /** how long to wait for the database or Telegram */
  timeoutMs?: number;
  /** below this much free space in DATA_DIR the disk check fails */
  minFreeBytes?: number;
}

export const errorText = (e: unknown) => {
  const err = e as { error_code?: number; description?: string; code?: string; message?: string };
  if (err.description) return `${err.error_code ?? ''} ${err.description}`.trim();
  return [err.code, err.message?.split('\n')[0]].filter(Boolean).join(' ') || String(e);
};
