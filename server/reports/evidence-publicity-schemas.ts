// Withholding one evidence file from public pages (issue 17), and the public photo route's input.
import { z } from 'zod';
import { HIDE_REASON_MAX } from '../../core/reports/report-rules.ts';
import { errorBody, positiveId, withErrors } from '../schemas.ts';

export const withholdParams = z.object({ id: positiveId, evidenceId: positiveId });
export const withholdBody = z.object({ reason: z.string().trim().min(1).max(HIDE_REASON_MAX).describe('for staff: why the file is not public') });
export const withheldBody = z.object({
  id: z.number(),
  withheldAt: z.string().nullable(),
  withheldReason: z.string().nullable(),
});
export const publicPhotoParams = z.object({ evidenceId: positiveId });
export const publicPhotoResponses = withErrors({ 200: z.unknown().describe('the image'), 502: errorBody, 503: errorBody });
