// Social-impact evaluation (issue 25, seed 000): results framework, before and after, stories of change,
// SROI and the balanced scorecard; the jobs that invite beneficiaries to tell their story and remind
// managers of manual indicators.
import { createImpactStoryFeature } from '../../bot/impact/story.ts';
import { impactDomain } from '../../core/impact/index.ts';
import { impactFrameworkRoutes } from '../../server/impact/routes-framework.ts';
import { impactSroiRoutes } from '../../server/impact/routes-sroi.ts';
import { impactStoryRoutes } from '../../server/impact/routes-stories.ts';
import type { Capability } from '../capability.ts';

export const impact: Capability = {
  ...impactDomain,
  locales: ['impact', 'impact-bot', 'impact-public'],
  // the story-of-change conversation: the call's button and t.me/<bot>?start=story_<code>; stories under /mydata
  bot: () => [createImpactStoryFeature()],
  routes: ({ services }) => [impactFrameworkRoutes(services), impactStoryRoutes(services), impactSroiRoutes(services)],
  // a project's impact screen (from the project's page), the balanced scorecard, the proxies (admins)
  console: true,
  jobs: ({ services }) => [
    { name: 'impact-story-calls', schedule: '* * * * *', run: () => services.impact.processStoryCalls() },
    { name: 'impact-indicator-reminders', schedule: '0 9 * * *', run: () => services.impact.processIndicatorReminders() },
  ],
};
