// Citizens: /start, language and consent, the main menu, /help and /cancel, /mydata, /deletedata and the profile.
import { createMenu } from '../../bot/citizens/main-menu.ts';
import { createOnboarding } from '../../bot/citizens/onboarding.ts';
import { createPrivacy } from '../../bot/citizens/privacy.ts';
import { citizensDomain } from '../../core/citizens/index.ts';
import type { Capability } from '../capability.ts';

export const citizens: Capability = {
  ...citizensDomain,
  locales: ['citizens'],
  // Onboarding first: until a citizen consents, it answers everything.
  bot: ({ i18n }) => [createOnboarding(i18n), createMenu(), createPrivacy()],
};
