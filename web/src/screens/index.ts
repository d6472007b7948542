// Every screen of the console: each capability's set comes from its own web/src/screens/<name>/index.ts
// (`order`, `screens`), found by web/build.mjs when it bundles, so adding a set touches no list here. The
// menu shows, by the sets' order, the entries with nav !== false that the user's roles allow; the first
// allowed one is the start page. To add a screen: see web/README.md.
import screenSets from 'virtual:console-screens';
import type { Screen } from './types.ts';

export type { Screen } from './types.ts';

export const screens: Screen[] = [...screenSets].sort((a, b) => a.order - b.order).flatMap((set) => set.screens);
