// What every screen gets from the shell: the API client, the signed-in user, the public config and
// a way to tell the user something happened (a toast).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Api } from './api.ts';

export type Role = 'admin' | 'operator' | 'consultant' | 'project_manager' | 'moderator' | 'expert';

export interface User {
  id: number;
  login: string;
  fullName: string;
  roles: Role[];
  regionId: number | null;
  districtId: number | null;
  departmentId: number | null;
  locale: string;
  /** a generated password: the console asks for a new one before anything else */
  mustChangePassword?: boolean;
}

export interface PublicConfig {
  mapTileUrl: string;
  mapAttribution: string;
}

export interface Toast {
  kind: 'ok' | 'error';
  text: string;
}

export interface Named {
  id: number;
  nameKk: string;
  nameRu: string;
}
export interface Region extends Named {
  code: string;
  kind: 'city' | 'oblast';
  lat: number | null;
  lon: number | null;
  districts: (Named & { code: string })[];
}
export interface Department extends Named {
  code: string;
  active: boolean;
  telegramChatId: string | null;
}
export interface Category extends Named {
  code: string;
  hintKk: string;
  hintRu: string;
  emoji: string;
  group: string;
  departmentId: number;
  areaId: number | null;
  deadlineDays: number;
  active: boolean;
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
