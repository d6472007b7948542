// Monitoring of social projects (Rules ch. 3): the forms of a state body.
import type { Screen } from '../types.ts';
import { formScreens } from './forms/index.ts';

/** where this set sits in the console's menu (web/src/screens/index.ts) */
export const order = 55;

export const screens: Screen[] = [...formScreens];
