// The monitoring API's answers as the console reads them.
import type { z } from 'zod';
import type { measureBody, overviewBody, roundDetailBody } from '../../../../server/monitoring/monitoring-schemas.ts';

export type Overview = z.output<typeof overviewBody>;
export type RoundDetail = z.output<typeof roundDetailBody>;
export type Measure = z.output<typeof measureBody>;
export const TOOL_NAMES = ['indicators', 'mystery_shopper', 'survey', 'document_review', 'social_media'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];
