// The reference data API's shapes: regions with districts, areas, departments and categories, and what
// admins change in a department or a category.
import { z } from 'zod';
import { CATEGORY_DEADLINE_MAX } from '../../core/reports/report-rules.ts';
import { bodyId, kkRu, someChange } from '../schemas.ts';

const named = kkRu('name');
export const regionBody = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(['city', 'oblast']),
  ...named,
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  districts: z.array(z.object({ id: z.number(), code: z.string(), ...named })),
});
export const areaBody = z.object({ id: z.number(), slug: z.string(), ...named });
export const departmentBody = z.object({ id: z.number(), code: z.string(), ...named, active: z.boolean(), telegramChatId: z.string().nullable() });
export const departmentPatch = z.object({
  telegramChatId: z
    .string()
    .regex(/^-\d{1,16}$/, 'a group chat id, negative')
    .nullable()
    .describe('the staff group new reports are posted to (/chatid in the group tells it); null disconnects'),
});
export const categoryBody = z.object({
  id: z.number(),
  code: z.string(),
  ...named,
  ...kkRu('hint'),
  emoji: z.string(),
  group: z.string(),
  departmentId: z.number(),
  areaId: z.number().nullable(),
  deadlineDays: z.number(),
  active: z.boolean(),
});
export const categoryPatch = someChange(
  z.object({
    departmentId: bodyId.optional(),
    deadlineDays: z.number().int().min(1).max(CATEGORY_DEADLINE_MAX).optional(),
    active: z.boolean().optional(),
  }),
);

export type Region = z.output<typeof regionBody>;
export type Area = z.output<typeof areaBody>;
export type Department = z.output<typeof departmentBody>;
export type Category = z.output<typeof categoryBody>;
export type DepartmentPatch = z.input<typeof departmentPatch>;
export type CategoryPatch = z.input<typeof categoryPatch>;
