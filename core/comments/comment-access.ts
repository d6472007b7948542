// Who moderates public comments: moderators (and admins), within their region and district, as a comment sits
// where its report does. A comment outside the moderator's scope answers 403, as its report's GET does.
import type { StaffRole } from '../../generated/prisma/enums.ts';
import { SCOPES } from '../staff/scope.ts';
import { scopedKind } from '../staff/scoped-records.ts';

export const COMMENT_MODERATORS: StaffRole[] = ['moderator'];

/** What telling a comment's author needs. */
export const COMMENT_AUTHOR = { citizen: { select: { id: true, telegramId: true, locale: true, consentAt: true } } } as const;
const REPORT_PLACE = { select: { id: true, number: true, regionId: true, districtId: true, status: true, hidden: true } } as const;
/** A comment on a civic initiative (issue 18) sits where the initiative does. */
const INITIATIVE_PLACE = { select: { id: true, title: true, regionId: true, districtId: true, status: true } } as const;

export const PUBLIC_COMMENT = scopedKind({
  notFound: 'public_comment.not_found',
  rule: SCOPES.place,
  load: (db, id) => db.publicComment.findUnique({ where: { id }, include: { ...COMMENT_AUTHOR, report: REPORT_PLACE, initiative: INITIATIVE_PLACE } }),
  place: (c) => ({ regionId: (c.report ?? c.initiative)?.regionId ?? null, districtId: (c.report ?? c.initiative)?.districtId ?? null }),
});
