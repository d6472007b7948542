// Polls as one service object for the composition root: the builder and distribution (staff), the
// citizen's side (bot) and the results with their export.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { StaffPrincipal } from '../staff/scope.ts';
import type { Locale } from '../i18n/i18n.ts';
import { createPollBuilder } from './poll-builder.ts';
import { createPollCitizenService } from './poll-citizen.ts';
import { resultTables } from './poll-export.ts';
import { runPollWaves } from './poll-distribution.ts';
import { loadResults } from './poll-results.ts';

export function createPollServices({ prisma, i18n, now = () => new Date() }: { prisma: PrismaClient; i18n: i18n; now?: () => Date }) {
  return {
    builder: createPollBuilder({ prisma, i18n, now }),
    citizen: createPollCitizenService({ prisma, now }),
    /** The poll-waves job's run: closes due waves, carries on sending, reminds non-respondents once. */
    processWaves: () => runPollWaves({ prisma, i18n, now }),
    results: (staff: StaffPrincipal, pollId: number) => loadResults(prisma, staff, pollId),
    async exportTables(staff: StaffPrincipal, pollId: number, lang: Locale) {
      const results = await loadResults(prisma, staff, pollId);
      return {
        tables: resultTables(i18n, lang, results),
        fileName: `${i18n.getFixedT(lang)('polls:export.file')} — ${lang === 'kk' ? results.poll.titleKk : results.poll.titleRu}`,
      };
    },
  };
}
