/** Asking a running aggregator over HTTP, for the commands that can also read a data directory. */
import { readTokenHelp } from '../town/read-token.ts';

/**
 * A JSON request to the aggregator at `base`. An aggregator that does not answer is an error that
 * says so and points to `--data`; one that wants a read token says how to give it; any other error
 * it answers with is its own message.
 */
export async function requestAggregator<T>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string; timeoutMs: number; verb: string },
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (error) {
    throw new Error(
      `no aggregator answers at ${base} (${(error as Error).message}); start one, or ${init.verb} a data directory with --data`,
    );
  }
  if (response.status === 401) {
    await response.body?.cancel();
    throw new Error(readTokenHelp(base, Boolean(init.token)));
  }
  let body: T & { error?: string };
  try {
    body = (await response.json()) as T & { error?: string };
  } catch {
    throw new Error(`the aggregator at ${base} answered ${response.status} with something that is not JSON`);
  }
  if (!response.ok) throw new Error(body.error ?? `the aggregator answered ${response.status}`);
  return body;
}
