// Staff passwords: at least 12 characters and not easy to guess. Length alone lets "aaaaaaaaaaaa" or
// "qwerty123456" through; zxcvbn-ts estimates how many guesses an attacker needs, from lists of leaked
// passwords, keyboard patterns, repeats, sequences, dates and the account's own login and name.
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { invalid } from '../errors.ts';
import { PASSWORD_MIN_LENGTH } from './staff-rules.ts';

/**
 * zxcvbn's score 3 ("safely unguessable": 10^8 guesses or more) holds against an online attack and a
 * slow offline one (scrypt): the login is rate-limited and only scrypt hashes are stored.
 */
export const PASSWORD_MIN_SCORE = 3;
/** Words anyone guessing an Azamat password would try first. */
const SITE_WORDS = ['azamat', 'akimat', 'admin', 'administrator', 'operator', 'consultant', 'kazakhstan', 'qazaqstan', 'astana', 'almaty'];

export interface PasswordPolicy {
  /** Throws a localised `invalid` error (staff.password_short / staff.password_weak) for a password staff may not use. */
  check(password: string, personal?: Array<string | null | undefined>): Promise<void>;
}

async function loadChecker(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory: Factory }, { adjacencyGraphs, dictionary }] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
  return new Factory({ dictionary, graphs: adjacencyGraphs });
}

export function createPasswordPolicy(): PasswordPolicy {
  // The dictionaries (about 2 MB of code) are imported at the first check, so a process that never sets a
  // password (the bot, the jobs) never parses them; the one checker then serves every later check.
  let checker: Promise<ZxcvbnFactory> | undefined;
  return {
    async check(password, personal = []) {
      if ([...password].length < PASSWORD_MIN_LENGTH) throw invalid('staff.password_short', { min: PASSWORD_MIN_LENGTH });
      checker ??= loadChecker();
      // A login "a.sapar" or a name "Айгерім Сапарова" is tried whole and word by word.
      const words = personal.flatMap((p) => (p ? [p, ...p.split(/[\s._@-]+/)] : [])).filter((w) => w.length >= 3);
      if ((await checker).check(password, [...SITE_WORDS, ...words]).score < PASSWORD_MIN_SCORE) throw invalid('staff.password_weak');
    },
  };
}
