// A project's published stories of change (MSC, seed 000) under its page: the text staff published with the
// teller's consent, the month it was told, and the name only when they chose to be named. Nothing else about the
// teller (no voice, no ids) reaches the portal: core's public feed gives only this.
import type { Services } from '../../../core/services.ts';
import type { PortalLang } from '../portal-schemas.ts';
import type { PortalText } from '../render.tsx';

type PublicStory = Awaited<ReturnType<Services['impact']['storyReview']['publicFeed']>>[number];

/** "2026-05" → "05.2026", the portal's date order. */
const monthOf = (month: string) => `${month.slice(5, 7)}.${month.slice(0, 4)}`;

export function ProjectStories({ t, stories }: { lang: PortalLang; t: PortalText; stories: PublicStory[] }) {
  if (stories.length === 0) return null;
  return (
    <section class="stories" data-testid="project-stories">
      <h2>{t('impact-public:stories.title')}</h2>
      <p>{t('impact-public:stories.intro')}</p>
      {stories.map((s, i) => (
        <blockquote class="story" key={i}>
          <p class="text">{s.text}</p>
          <footer>
            {s.publicName
              ? t('impact-public:stories.named', { name: s.publicName, month: monthOf(s.month) })
              : t('impact-public:stories.anonymous', { month: monthOf(s.month) })}
          </footer>
        </blockquote>
      ))}
    </section>
  );
}
