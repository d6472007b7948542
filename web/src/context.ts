// What every screen gets from the shell: the API client, the signed-in user, the public config and
// a way to tell the user something happened (a toast).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { StaffRole } from '../../generated/prisma/enums.ts';
import type { PublicConfig } from '../../server/plugins/console-schemas.ts';
import type { Category, Department, Region } from '../../server/reference/reference-schemas.ts';
import type { Principal } from '../../server/staff/auth-schemas.ts';
import type { Api } from './api.ts';

export type Role = StaffRole;
/** The signed-in staff member (GET /api/auth/me); a generated password makes the console ask for a new one first. */
export type User = Principal;
export interface Toast {
  kind: 'ok' | 'error';
  text: string;
}

/** Reference data every staff member may read, loaded once after sign-in. */
export interface Reference {
  regions: Region[];
  departments: Department[];
  categories: Category[];
  /** refetch after an admin changed something */
  reload(): Promise<void>;
}

export interface AppContextValue {
  api: Api;
  user: User;
  config: PublicConfig;
  ref: Reference;
  /** admins pass every role check, as in the API */
  hasRole(...roles: Role[]): boolean;
  notify(toast: Toast): void;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error('useApp outside the signed-in console');
  return v;
}

export const roleCheck =
  (user: User) =>
  (...roles: Role[]) =>
    user.roles.includes('admin') || roles.length === 0 || roles.some((r) => user.roles.includes(r));
