// THE list of capabilities. Its order is the order of the personal-data sections (/mydata), of the demo,
// of the bot features' handlers and of the API routes; the main menu and the commands have their own
// `order`. To add a capability, see "How to add a capability" in README.md.
import type { Capability } from '../capability.ts';
import { analytics } from './analytics.ts';
import { citizens } from './citizens.ts';
import { comments } from './comments.ts';
import { consultations } from './consultations.ts';
import { discussions } from './discussions.ts';
import { evaluation } from './evaluation.ts';
import { impact } from './impact.ts';
import { initiatives } from './initiatives.ts';
import { monitoring } from './monitoring.ts';
import { open311 } from './open311.ts';
import { polls } from './polls.ts';
import { portal } from './portal.ts';
import { projects } from './projects.ts';
import { reference } from './reference.ts';
import { reports } from './reports.ts';
import { staff } from './staff.ts';
import { system } from './system.ts';
import { volunteering } from './volunteering.ts';

export const CAPABILITIES: readonly Capability[] = [
  citizens,
  staff,
  reference,
  reports,
  consultations,
  discussions,
  volunteering,
  projects,
  polls,
  evaluation,
  monitoring,
  impact,
  analytics,
  open311,
  portal,
  comments,
  initiatives,
  system,
];
