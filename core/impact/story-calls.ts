// The impact-story-calls job: a call staff asked to send invites each beneficiary with Telegram once (a
// StoryInvitation row per call and beneficiary, an outbox message with the "tell" button, deduplicated),
// in batches, while the call is open. The message is rendered here in the citizen's language (outbox kind
// `impact.story_call`); the bot's conversation answers the button.
import type { i18n } from 'i18next';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { reachableWhere } from '../citizens/citizen-service.ts';
import { toLocale } from '../i18n/i18n.ts';
import { enqueueMessage } from '../outbox/outbox-repository.ts';
import { esc } from '../text.ts';
import { tellStory } from './impact-buttons.ts';

export const STORY_CALL_KIND = 'impact.story_call';

export async function processStoryCalls({ prisma, i18n, now, batchSize = 200 }: { prisma: PrismaClient; i18n: i18n; now: () => Date; batchSize?: number }) {
  const at = now();
  const calls = await prisma.storyCall.findMany({
    where: { sendRequestedAt: { not: null }, opensAt: { lte: at }, closesAt: { gt: at } },
    include: { project: { select: { nameKk: true, nameRu: true } } },
  });
  let invited = 0;
  for (const call of calls) {
    invited += await prisma.$transaction(async (tx) => {
      const due = await tx.projectBeneficiary.findMany({
        where: {
          projectId: call.projectId,
          citizen: reachableWhere,
          NOT: { id: { in: (await tx.storyInvitation.findMany({ where: { callId: call.id }, select: { beneficiaryId: true } })).map((i) => i.beneficiaryId) } },
        },
        include: { citizen: { select: { id: true, telegramId: true, locale: true } } },
        orderBy: { id: 'asc' },
        take: batchSize,
      });
      for (const b of due) {
        const c = b.citizen!;
        const locale = toLocale(c.locale);
        const t = i18n.getFixedT(locale);
        const project = esc(locale === 'kk' ? call.project.nameKk : call.project.nameRu);
        const prompt = (locale === 'kk' ? call.promptKk : call.promptRu).trim();
        const outboxId = await enqueueMessage(tx, {
          chatId: c.telegramId,
          citizenId: c.id,
          kind: STORY_CALL_KIND,
          text: [t('impact:call.text', { project }), ...(prompt ? [esc(prompt)] : [])].join('\n\n'),
          html: true,
          offers: [[tellStory.offer(t('impact:call.button'), { callId: call.id })]],
          dedupeKey: `impact:call:${call.id}:${b.id}`,
          // Due by the job's clock, not the machine's: a call opened on an injected date is sent on it.
          notBefore: at,
        });
        await tx.storyInvitation.create({ data: { callId: call.id, beneficiaryId: b.id, citizenId: c.id, outboxId: Number(outboxId), queuedAt: at } });
      }
      return due.length;
    });
  }
  return { invited };
}
