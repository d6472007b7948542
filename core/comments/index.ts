// Public comments (issue 17): residents' ideas on a civic-control report, left through the bot and shown on the
// report's public page once visible, moderated like discussion comments (flags hide one pending a moderator, who
// removes it with a note or restores it; the text is kept). Issue 18's initiatives are to use the same machinery.
import type { PersonalDataSection } from '../citizens/citizen-service.ts';
import type { DomainModule } from '../services.ts';
import { createCommentCitizenService, visibleComments } from './comment-citizen.ts';
import { createCommentModerationService } from './comment-moderation.ts';

export interface CommentOptions {
  /** flags from different citizens that hide a comment pending a moderator (config PUBLIC_COMMENT_FLAGS_TO_HIDE) */
  flagsToHide?: number;
  /** the bot's username (configured, else the running bot's), for the portal's t.me links */
  botUsername?: () => string | null;
}

declare module '../services.ts' {
  interface CapabilityServices {
    comments: {
      citizen: ReturnType<typeof createCommentCitizenService>;
      moderation: ReturnType<typeof createCommentModerationService>;
      /** what anyone may read: visible comments of a public report, masked */
      public: {
        list(reportId: number, page?: Parameters<typeof visibleComments>[2]): ReturnType<typeof visibleComments>;
        /** visible comments of a public civic initiative, masked (issue 18) */
        listInitiative(initiativeId: number, page?: Parameters<typeof visibleComments>[2]): ReturnType<typeof visibleComments>;
        /** t.me/<bot>?start=rp_<number>: the report's card in the bot; null while no username is known */
        botLink(number: string): string | null;
      };
    };
  }
  interface CapabilityOptions {
    comments?: CommentOptions;
  }
}

/**
 * What /mydata shows of public comments, and what /deletedata removes: the draft and the flags (with their weight)
 * go; the comments stay as part of the report's public record, without the author's name («Участник»).
 */
export const commentPersonalData: PersonalDataSection = {
  key: 'public_comments',
  async describe(tx, citizenId) {
    const count = await tx.publicComment.count({ where: { citizenId } });
    const flags = await tx.publicCommentFlag.count({ where: { citizenId } });
    const draft = await tx.publicCommentDraft.count({ where: { citizenId } });
    return count + flags + draft === 0 ? null : { count, flags, draft };
  },
  async erase(tx, citizenId) {
    await tx.publicCommentDraft.deleteMany({ where: { citizenId } });
    const flags = await tx.publicCommentFlag.findMany({ where: { citizenId }, select: { commentId: true } });
    if (flags.length > 0) await tx.publicComment.updateMany({ where: { id: { in: flags.map((f) => f.commentId) } }, data: { flagCount: { decrement: 1 } } });
    await tx.publicCommentFlag.deleteMany({ where: { citizenId } });
    await tx.publicComment.updateMany({ where: { citizenId }, data: { authorName: null } });
  },
};

export const commentsDomain: DomainModule<'comments'> = {
  name: 'comments',
  services: ({ prisma, i18n, now, options, publicChanges }) => ({
    comments: {
      citizen: createCommentCitizenService({ prisma, i18n, now, flagsToHide: options.comments?.flagsToHide, publicChanges }),
      moderation: createCommentModerationService({ prisma, i18n, now, publicChanges }),
      public: {
        list: (reportId, page) => visibleComments(prisma, reportId, page),
        listInitiative: (initiativeId, page) => visibleComments(prisma, { initiativeId }, page),
        botLink: (number) => {
          const username = options.comments?.botUsername?.();
          return username ? `https://t.me/${encodeURIComponent(username)}?start=rp_${encodeURIComponent(number)}` : null;
        },
      },
    },
  }),
  personalData: () => commentPersonalData,
};
