// The consultants' queue of questions and the knowledge base.
import type { Screen } from '../types.ts';
import { ConsultationQueue } from './consultations.tsx';
import { FaqEditor } from './faq.tsx';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 20;

export const screens: Screen[] = [
  { path: 'questions', titleKey: 'nav.questions', roles: ['consultant'], component: ConsultationQueue },
  { path: 'questions/:id', titleKey: 'nav.questions', roles: ['consultant'], component: ConsultationQueue, nav: false },
  { path: 'faq', titleKey: 'nav.faq', roles: ['consultant'], component: FaqEditor },
];
