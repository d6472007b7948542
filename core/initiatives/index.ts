// Civic initiatives (issue 18; seed 002 L815–852, «Азаматтық бастамалар картасы»): residents and NGOs propose
// socially useful projects in the bot; moderators and project managers publish, return or reject them; residents
// support, follow and comment; an NGO, initiative group, the akimat, a social project or a business takes one on
// with partners, patrons and volunteers; progress updates reach followers; an implemented one is rated 1–5 with
// the national satisfaction question; the programme's result indicators are in core/analytics/initiative-indicators.ts.
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import type { DomainModule } from '../services.ts';
import { createInitiativeCitizen } from './initiative-citizen.ts';
import { createInitiativeDecisions } from './initiative-decisions.ts';
import { createInitiativeDrafts } from './initiative-drafts.ts';
import { createInitiativeImplementation } from './initiative-implementation.ts';
import { createInitiativePhotos } from './initiative-photos.ts';
import { createInitiativePublic } from './initiative-public.ts';
import { createInitiativeQueries } from './initiative-queries.ts';
import { createInitiativeTopic } from './initiative-topic.ts';

export interface InitiativeOptions {
  /** proposals one citizen may send a day (config INITIATIVES_PER_DAY) */
  perDay?: number;
  /** the bot's username, for `t.me/<bot>?start=in_<id>` links */
  botUsername?: () => string | null;
}

export interface InitiativeServices {
  /** the propose flow: draft answer by answer, then send (a returned one is sent again) */
  drafts: ReturnType<typeof createInitiativeDrafts>;
  /** support, follow, own list, rating and satisfaction */
  citizen: ReturnType<typeof createInitiativeCitizen>;
  /** publish / return / reject (moderators and project managers in scope) */
  decisions: ReturnType<typeof createInitiativeDecisions>;
  /** take on, partners, patrons, updates, photos, implemented, close (project managers in scope) */
  implementation: ReturnType<typeof createInitiativeImplementation>;
  /** update photos uploaded by staff (STORAGE_DIR), and reading them back for staff or the public */
  photos: ReturnType<typeof createInitiativePhotos>;
  /** staff reads: board, queue, detail, map */
  queries: ReturnType<typeof createInitiativeQueries>;
  /** what anyone may read: the three categories, one initiative, points */
  public: ReturnType<typeof createInitiativePublic> & {
    /** t.me/<bot>?start=in_<id>; null while no username is known */
    botLink(id: number): string | null;
  };
  /** the prefilled discussion topic (POST /api/discussions with sourceInitiativeId links it) */
  topic: ReturnType<typeof createInitiativeTopic>;
}

declare module '../services.ts' {
  interface CapabilityServices {
    initiatives: InitiativeServices;
  }
  interface CapabilityOptions {
    initiatives?: InitiativeOptions;
  }
}

/**
 * What /mydata shows of initiatives and what /deletedata removes: the draft, follows and supports (the counts
 * drop with them) and ratings go; proposals stay as part of the public record, without the author's name.
 */
export const initiativePersonalData: PersonalDataSection = {
  key: 'initiatives',
  async describe(tx, citizenId) {
    const [proposed, follows, ratings, draft] = await Promise.all([
      tx.initiative.count({ where: { citizenId } }),
      tx.initiativeFollower.count({ where: { citizenId } }),
      tx.initiativeRating.count({ where: { citizenId } }),
      tx.initiativeDraft.count({ where: { citizenId } }),
    ]);
    return proposed + follows + ratings + draft === 0 ? null : { proposed, follows, ratings, draft };
  },
  async erase(tx, citizenId) {
    await tx.initiativeDraft.deleteMany({ where: { citizenId } });
    const supported = await tx.initiativeFollower.findMany({ where: { citizenId, supported: true }, select: { initiativeId: true } });
    if (supported.length > 0)
      await tx.initiative.updateMany({ where: { id: { in: supported.map((s) => s.initiativeId) } }, data: { supportCount: { decrement: 1 } } });
    await tx.initiativeFollower.deleteMany({ where: { citizenId } });
    await tx.initiativeRating.deleteMany({ where: { citizenId } });
    await tx.initiative.updateMany({ where: { citizenId }, data: { showName: false } });
  },
};

export const initiativesDomain: DomainModule<'initiatives'> = {
  name: 'initiatives',
  services: ({ prisma, i18n, now, options, publicChanges }) => {
    const o = options.initiatives ?? {};
    // Every change an initiative's public pages show purges them here, in the service, not in each route.
    const changed = (id: number) => publicChanges.changed({ kind: 'initiative', id });
    const implementation = createInitiativeImplementation({ prisma, i18n, now, changed });
    return {
      initiatives: {
        drafts: createInitiativeDrafts({ prisma, i18n, now, perDay: o.perDay }),
        citizen: createInitiativeCitizen({ prisma, now, changed }),
        decisions: createInitiativeDecisions({ prisma, i18n, now, changed }),
        implementation,
        photos: createInitiativePhotos({ prisma, storageDir: options.storageDir, implementation }),
        queries: createInitiativeQueries({ prisma }),
        public: {
          ...createInitiativePublic({ prisma }),
          botLink: (id) => {
            const username = o.botUsername?.();
            return username ? `https://t.me/${encodeURIComponent(username)}?start=in_${id}` : null;
          },
        },
        topic: createInitiativeTopic({ prisma, now }),
      },
    };
  },
  personalData: () => initiativePersonalData,
};
