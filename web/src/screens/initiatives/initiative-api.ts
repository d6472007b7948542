// What the initiative screens share: the API's shapes (server/initiatives' schemas), the codes the forms offer,
// and the stage colours of the portal's badges.
export type InitiativeStatus = 'proposed' | 'returned' | 'rejected' | 'published' | 'in_progress' | 'implemented' | 'closed';
export const STATUSES: InitiativeStatus[] = ['proposed', 'published', 'in_progress', 'implemented', 'returned', 'rejected', 'closed'];
export const HELP = ['volunteers', 'ngo_expertise', 'patron_money', 'patron_materials', 'akimat'] as const;
export const KINDS = ['ngo', 'initiative_group', 'akimat', 'social_project', 'business'] as const;
export const CONTRIBUTIONS = ['money', 'materials', 'services'] as const;
export const RETURN_REASONS = ['incomplete', 'out_of_scope', 'other'] as const;
export const REJECT_REASONS = ['not_initiative', 'out_of_scope', 'duplicate', 'inappropriate', 'other'] as const;
export const CLOSE_REASONS = ['no_implementer', 'not_feasible', 'duplicate', 'author_withdrew', 'other'] as const;

export type {
  InitiativeItem as InitiativeRow,
  InitiativeDetail as InitiativeFull,
  InitiativePoints,
} from '../../../../server/initiatives/initiatives-schemas.ts';

/** The stage colours of the portal's badges (white text over 6:1). */
export const STATUS_COLOUR: Record<string, string> = { proposed: '#5F6368', published: '#1F5FAD', in_progress: '#8A5A00', implemented: '#1B6E3A' };
