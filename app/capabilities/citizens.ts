// Citizens: /start, language and consent, the main menu, /help and /cancel, /mydata, /deletedata and the profile.
import { citizensDomain } from '../../core/citizens/index.ts';
import type { Capability } from '../capability.ts';

export const citizens: Capability = {
  ...citizensDomain,
  locales: ['citizens'],
  // Onboarding first: until a citizen consents, it answers everything.
  bot: async ({ i18n }) => [
    (await import('../../bot/citizens/onboarding.ts')).createOnboarding(i18n),
    (await import('../../bot/citizens/main-menu.ts')).createMenu(),
    (await import('../../bot/citizens/privacy.ts')).createPrivacy(),
  ],
};
