/** Asking a running aggregator over HTTP, for the commands that can also read a data directory. */

/**
 * A JSON request to the aggregator at `base`. An aggregator that does not answer is an error that
 * says so and points to `--data`; an error it answers with is its own message.
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
  const body = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `the aggregator answered ${response.status}`);
  return body;
}
