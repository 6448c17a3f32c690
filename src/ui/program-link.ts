import { CodeLinkError, decodeProgram, encodeProgram } from './code-link';

/** What a `?code=` link says: the learner's program, the event to show once it has run, and what was wrong with it. */
export interface ProgramLink {
  /** The program, decoded; null when the link has none or it could not be read. */
  readonly code: string | null;
  /** The event to show once the program has been recorded (`at`). */
  readonly at: number | null;
  /** What was wrong with the link, one sentence each. */
  readonly problems: readonly string[];
}

const NO_LINK: ProgramLink = { code: null, at: null, problems: [] };

/** Read a link's `code` and `at` (the `at` belongs to the program when there is a `code`). */
export function programLinkOf(search: string): ProgramLink {
  const params = new URLSearchParams(search);
  const raw = params.get('code');
  if (raw === null) return NO_LINK;
  const problems: string[] = [];
  let code: string | null = null;
  try {
    code = decodeProgram(raw);
  } catch (error) {
    if (!(error instanceof CodeLinkError)) throw error;
    problems.push(`This link's program (code=) could not be read: ${error.message}. The editor shows the lesson's program instead.`);
  }
  let at: number | null = null;
  const rawAt = params.get('at');
  if (rawAt !== null) {
    const value = Number(rawAt);
    if (rawAt.trim() !== '' && Number.isSafeInteger(value) && value >= 0) at = value;
    else problems.push(`Link parameter at: "${rawAt}" is not an event number (0 or more); the program will start at event 0.`);
  }
  return { code, at: code === null ? null : at, problems };
}

/** The link parameters of a recorded program shown at an event. */
export function programParams(encoded: string, at: number): Record<string, string> {
  return at > 0 ? { code: encoded, at: String(at) } : { code: encoded };
}

/** The address of this page showing a program (for "Copy link"). */
export function programUrl(text: string, at = 0): string {
  const query = new URLSearchParams(programParams(encodeProgram(text), at)).toString();
  return `${window.location.origin}${window.location.pathname}?${query}`;
}

/*
 * The link the page was opened with, read once (before the address bar is
 * rewritten), and while it is "pending": its program is in the editor and
 * nothing else has happened, so the address bar keeps `code=` for a reload.
 */
let opening: ProgramLink | null = null;
let pending: ProgramLink | null = null;
const listeners = new Set<() => void>();

export function openingProgramLink(): ProgramLink {
  if (opening === null) {
    opening = typeof window === 'undefined' ? NO_LINK : programLinkOf(window.location.search);
    pending = opening.code === null ? null : opening;
  }
  return opening;
}

/** The opening link while its program has not been run and the lab not changed; null after. */
export function pendingProgramLink(): ProgramLink | null {
  openingProgramLink();
  return pending;
}

export function dropPendingProgramLink(): void {
  if (pending === null) return;
  pending = null;
  for (const listener of listeners) listener();
}

export function subscribePendingProgramLink(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
