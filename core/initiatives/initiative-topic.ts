// An initiative becomes a proposed topic for the state social order (Rules item 7: proposals of NGOs and citizens
// are an input of the topics): the console's "Make a topic" form is prefilled from it, and the topic created with
// `sourceInitiativeId` is linked both ways (the initiative's history gets a `topic` event).
import type { PrismaClient } from '../../generated/prisma/client.ts';
import { almatyYear } from '../calendar/local-time.ts';
import type { Actor } from '../audit/audit-log.ts';
import type { Tx } from '../db/tx.ts';
import { invalid } from '../errors.ts';
import { requireRole, type StaffPrincipal } from '../staff/scope.ts';
import { loadInScope } from '../staff/scoped-records.ts';
import { INITIATIVE, INITIATIVE_IMPLEMENTERS, workingInitiative } from './initiative-access.ts';
import { recordChange } from './initiative-events.ts';

/** The topic form's prefilled fields (Annex 1); staff complete the rest (state body, funding, target group …). */
export interface TopicDraft {
  sourceInitiativeId: number;
  regionId: number;
  areaId: number;
  year: number;
  titleKk: string;
  titleRu: string;
  justificationKk: string;
  justificationRu: string;
  informationSource: string;
}

export function createInitiativeTopic({ prisma, now }: { prisma: PrismaClient; now: () => Date }) {
  return {
    async topicDraft(p: StaffPrincipal, id: number): Promise<TopicDraft> {
      requireRole(p, INITIATIVE_IMPLEMENTERS);
      const ini = await loadInScope(prisma, p, INITIATIVE, id);
      if (!['published', 'in_progress', 'implemented'].includes(ini.status)) throw invalid('initiative.not_public');
      const why = ini.justification;
      return {
        sourceInitiativeId: id,
        regionId: ini.regionId,
        areaId: ini.areaId,
        year: almatyYear(now()),
        // The author wrote in one language; staff translate the other before publishing the topic.
        titleKk: ini.title,
        titleRu: ini.title,
        justificationKk: `Азаматтық бастама №${id}: ${ini.supportCount} қолдау. ${why}`,
        justificationRu: `Гражданская инициатива №${id}: поддержали ${ini.supportCount}. ${why}`,
        informationSource: `азаматтар мен ҮЕҰ ұсыныстары (Азамат, бастама №${id}) / предложения НПО и граждан (Азамат, инициатива №${id})`,
      };
    },
  };
}

/** Called by the discussions' create: checks the initiative (scope, public state) and records the link. */
export async function linkTopic(tx: Tx, actor: Actor, p: StaffPrincipal, initiativeId: number, topicId: number, at: Date): Promise<void> {
  await workingInitiative(tx, p, initiativeId, () => invalid('discussion.unknown_initiative'));
  await recordChange(tx, actor, { initiativeId, at, type: 'topic', action: 'initiative.topic', data: { topicId } });
}
