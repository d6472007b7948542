// Social-impact evaluation (issue 25, seed 000): results framework, before and after, stories of change,
// SROI and the balanced scorecard; the jobs that invite beneficiaries to tell their story and remind
// managers of manual indicators.
import { impactDomain } from '../../core/impact/index.ts';
import type { Capability } from '../capability.ts';

export const impact: Capability = {
  ...impactDomain,
  locales: ['impact', 'impact-bot', 'impact-public'],
  // the story-of-change conversation: the call's button and t.me/<bot>?start=story_<code>; stories under /mydata
  bot: async () => [(await import('../../bot/impact/story.ts')).createImpactStoryFeature()],
  routes: async ({ services }) => [
    (await import('../../server/impact/routes-framework.ts')).impactFrameworkRoutes(services),
    (await import('../../server/impact/routes-stories.ts')).impactStoryRoutes(services),
    (await import('../../server/impact/routes-sroi.ts')).impactSroiRoutes(services),
  ],
  // a project's impact screen (from the project's page), the balanced scorecard, the proxies (admins)
  console: true,
  jobs: async ({ services }) => [
    { name: 'impact-story-calls', schedule: '* * * * *', run: () => services.impact.processStoryCalls() },
    { name: 'impact-indicator-reminders', schedule: '0 9 * * *', run: () => services.impact.processIndicatorReminders() },
  ],
};
