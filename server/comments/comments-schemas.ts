// Public comments for moderators: the queue, and hiding or restoring one (issue 17).
import { z } from 'zod';
import { PUBLIC_COMMENT_NOTE_MAX } from '../../core/comments/comment-rules.ts';
import { pageQuery, totalPageOf } from '../schemas.ts';

export const moderationQuery = z.object({
  state: z.enum(['pending', 'visible', 'removed', 'all']).default('pending').describe('pending: hidden by flags until a moderator decides'),
  ...pageQuery,
});
export const publicCommentBody = z.object({
  id: z.number(),
  reportId: z.number().nullable(),
  reportNumber: z.string().nullable(),
  initiativeId: z.number().nullable().describe('set instead of reportId for a comment on a civic initiative'),
  initiativeTitle: z.string().nullable(),
  authorName: z.string().nullable().describe('null: shown as «Участник» / «Қатысушы»'),
  text: z.string().describe('as written (the public page masks phones, e-mails and ИИН)'),
  language: z.string(),
  createdAt: z.string(),
  flagCount: z.number(),
  state: z.enum(['visible', 'pending', 'removed']),
  moderatedAt: z.string().nullable(),
  moderationNote: z.string().nullable(),
});
export const moderationBody = totalPageOf(publicCommentBody);
export const hideCommentBody = z.object({
  note: z.string().max(PUBLIC_COMMENT_NOTE_MAX).optional().describe('required (the service says so in the caller’s language): told to the author'),
});
export const restoreCommentBody = z.object({ note: z.string().trim().max(PUBLIC_COMMENT_NOTE_MAX).optional() }).optional();
export const moderatedBody = z.object({ id: z.number(), state: z.enum(['visible', 'pending', 'removed']) });

export type PublicCommentItem = z.output<typeof publicCommentBody>;
export type ModerationPage = z.output<typeof moderationBody>;
