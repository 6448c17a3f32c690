import { useCallback, useSyncExternalStore } from 'react';

/** What a learner has done, kept in this browser (localStorage). */
export interface Progress {
  readonly visited: readonly string[];
  readonly done: readonly string[];
  /** Mastery question id -> the option chosen. */
  readonly answers: Readonly<Record<string, number>>;
}

const KEY = 'queue-lab:progress:v1';
const EMPTY: Progress = { visited: [], done: [], answers: {} };
const listeners = new Set<() => void>();
let cached: { raw: string | null; value: Progress } = { raw: null, value: EMPTY };

/** Parse what is stored; anything unreadable (another version, a hand edit) counts as no progress. */
function read(): Progress {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return EMPTY; // storage disabled: progress lives only in memory
  }
  if (raw === cached.raw) return cached.value;
  let value = EMPTY;
  try {
    const parsed = JSON.parse(raw ?? 'null') as Partial<Progress> | null;
    if (parsed !== null && Array.isArray(parsed.visited) && Array.isArray(parsed.done) && typeof parsed.answers === 'object') value = parsed as Progress;
  } catch {
    value = EMPTY;
  }
  cached = { raw, value };
  return value;
}

function write(change: (progress: Progress) => Progress): void {
  const next = change(read());
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    cached = { raw: cached.raw, value: next };
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

const add = (list: readonly string[], id: string): readonly string[] => (list.includes(id) ? list : [...list, id]);

export function useProgress() {
  const progress = useSyncExternalStore(subscribe, read, () => EMPTY);
  const visit = useCallback((id: string) => write((p) => ({ ...p, visited: add(p.visited, id) })), []);
  const setDone = useCallback((id: string, done: boolean) => write((p) => ({ ...p, done: done ? add(p.done, id) : p.done.filter((d) => d !== id) })), []);
  const answer = useCallback((id: string, option: number) => write((p) => ({ ...p, answers: { ...p.answers, [id]: option } })), []);
  return { progress, visit, setDone, answer };
}
