// The public portal (issue 17): what anyone may read without signing in. Each capability that owns the data owns
// its privacy rules (core/reports/report-public.ts); this module only gathers them under services.portal.
import { createReportPublic } from '../reports/report-public.ts';
import type { DomainModule } from '../services.ts';

export interface PortalOptions {
  /** the portal answers `/` (else the staff console does) */
  home?: boolean;
}

declare module '../services.ts' {
  interface CapabilityServices {
    portal: { reports: ReturnType<typeof createReportPublic>; home: boolean };
  }
  interface CapabilityOptions {
    portal?: PortalOptions;
  }
}

export const portalDomain: DomainModule<'portal'> = {
  name: 'portal',
  services: ({ prisma, options }) => ({ portal: { reports: createReportPublic({ prisma }), home: options.portal?.home ?? false } }),
};
