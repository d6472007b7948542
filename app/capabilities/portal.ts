// The public portal (issue 17): server-rendered pages of civic control for everyone, in kk and ru, under /kk/ and
// /ru/ (and `/` unless PORTAL_HOME=false), cached in memory.
import { portalDomain } from '../../core/portal/index.ts';
import type { Capability } from '../capability.ts';

export const portal: Capability = {
  ...portalDomain,
  locales: ['portal'],
  settings: ({ config }) => ({
    portal: {
      home: config.PORTAL_HOME,
      url: config.PORTAL_URL,
      body: { kk: config.PORTAL_BODY_KK, ru: config.PORTAL_BODY_RU },
      map: { tileUrl: config.MAP_TILE_URL, attribution: config.MAP_ATTRIBUTION },
      embedOrigins: config.PORTAL_EMBED_ORIGINS?.split(' ') ?? [],
    },
  }),
  routes: async ({ services, i18n }) => [(await import('../../server/portal/routes.tsx')).portalRoutes(services, i18n)],
};
