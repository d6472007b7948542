// What public pages must forget at once: a report hidden (or shown again) by staff, an initiative whose public
// record changed (a comment hidden). Core services that change such
// a thing announce it here; the portal's page cache listens and drops that report's pages and the lists in this
// process (other processes catch up within a page's max-age). Created with the services, one per process.
export type PublicSubject = { kind: 'report'; number: string } | { kind: 'initiative'; id: number };

export interface PublicChanges {
  changed(subject: PublicSubject): void;
  /** returns the unsubscribe function */
  subscribe(listener: (subject: PublicSubject) => void): () => void;
}

export function createPublicChanges(): PublicChanges {
  const listeners = new Set<(subject: PublicSubject) => void>();
  return {
    changed(subject) {
      for (const listener of listeners) listener(subject);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
