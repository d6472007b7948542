import type { ComponentType } from 'preact';
import type { Role } from '../context.ts';

export interface ScreenProps {
  /** the :params of the screen's path */
  params: Record<string, string>;
  /** the query string: screens keep their filters there, so a link or a reload shows the same list */
  query: URLSearchParams;
}

export interface Screen {
  /** below /console/, e.g. "reports" or "reports/:id" */
  path: string;
  /** i18n key of the title (menu entry and page heading) */
  titleKey: string;
  /** who may open it (admins always may); empty: every signed-in user */
  roles: Role[];
  component: ComponentType<ScreenProps>;
  /** false: reachable by link only (detail pages) */
  nav?: boolean;
}
