/**
 * The read token. An aggregator started with `--read-token T` refuses every read without it (401).
 * The viewer takes it from the address's fragment (`/#token=T`: a fragment is never sent to a
 * server), takes it out of the address bar at once so that it is not shared by copy and paste nor
 * kept in the history, keeps it in sessionStorage for the tab, and asks for it when a read is
 * refused. Without a read token on the server nothing is asked and nothing is sent.
 */
import { byId } from './dom.ts';

const KEY = 'chronicle.read-token';
/** Where sessionStorage is turned off, the token lives as long as the page. */
let inMemory: string | null = null;

function stored(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function remember(token: string): void {
  inMemory = token;
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Storage is turned off: this page keeps it in memory.
  }
}

/** The token to send, if the tab has one. */
export function readToken(): string | null {
  return stored() ?? inMemory;
}

/** Take `token=` out of the fragment (keeping anything else in it), and keep the token. */
export function takeTokenFromAddress(): void {
  const parts = location.hash.replace(/^#/, '').split('&').filter(Boolean);
  const given = parts.find((p) => p.startsWith('token='));
  if (given === undefined) return;
  const raw = given.slice('token='.length);
  let token: string;
  try {
    token = decodeURIComponent(raw);
  } catch {
    token = raw;
  }
  if (token) remember(token);
  const rest = parts.filter((p) => !p.startsWith('token='));
  history.replaceState(
    history.state,
    '',
    `${location.pathname}${location.search}${rest.length ? `#${rest.join('&')}` : ''}`,
  );
}

let asking = false;
let wired = false;

/** A read was refused (401): ask for the token, once however many requests were refused. */
export function askForToken(reason: string): void {
  if (asking) return;
  asking = true;
  const dialog = byId<HTMLDialogElement>('token-dialog');
  const input = byId<HTMLInputElement>('token-input');
  // The server's words, as text.
  byId('token-reason').textContent = readToken()
    ? `The read token this tab holds was refused. The aggregator says: ${reason}`
    : `This aggregator is read with a token. It says: ${reason}`;
  if (!wired) {
    wired = true;
    byId<HTMLFormElement>('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      remember(token);
      // Everything loads again, with the token. Where storage is off, it rides in the fragment.
      if (stored() !== token) location.hash = `token=${encodeURIComponent(token)}`;
      location.reload();
    });
    dialog.addEventListener('close', () => {
      asking = false;
    });
  }
  input.value = '';
  dialog.showModal();
  input.focus();
}

/** Thrown for a 401 after the prompt is shown. */
export class ReadRefused extends Error {
  readonly status = 401;
}

/**
 * For the page's first request: a refused read waits for the token (the prompt reloads the page
 * with it) instead of failing the page; any other failure is thrown on.
 */
export function untilTokenGiven(error: unknown): Promise<never> {
  if (error instanceof ReadRefused) return new Promise<never>(() => undefined);
  throw error;
}
