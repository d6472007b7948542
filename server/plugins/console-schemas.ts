// The console page's public config: what it needs before sign-in (no staff data).
import { z } from 'zod';

export const configBody = z.object({ mapTileUrl: z.string(), mapAttribution: z.string() });

export type PublicConfig = z.output<typeof configBody>;
