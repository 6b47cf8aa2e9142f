/** Sends a town's outbox to the aggregator in order, in batches, retrying with backoff. */
import type { Update } from '../world/types.ts';
import type { Outbox } from './outbox.ts';

export interface SenderOptions {
  server: string;
  token: string;
  log: (message: string) => void;
  batchSize?: number;
  timeoutMs?: number;
  maxBackoffMs?: number;
}

/**
 * Statuses that say this update itself is wrong, or can never be stored: sending it again cannot
 * help. A 409 says the aggregator already holds another update in its place (this town's seq with
 * another id, or this id with other content); it stays refused however often it is sent.
 */
const PERMANENT = new Set([400, 409, 413, 422]);

type Outcome = { ok: true } | { ok: false; permanent: boolean; reason: string };

export class Sender {
  private wake: (() => void) | undefined;
  private failures = 0;
  private readonly url: string;

  constructor(
    private readonly outbox: Outbox,
    private readonly options: SenderOptions,
  ) {
    this.url = new URL('/api/updates', options.server).toString();
  }

  /** Something new is in the outbox. */
  kick(): void {
    this.wake?.();
  }

  async run(signal: AbortSignal): Promise<void> {
    const fullSize = this.options.batchSize ?? 100;
    let batchSize = fullSize;
    // After a batch is refused for good, its updates go one at a time until the one refused is
    // found (and set aside) or all of them went through.
    let oneByOne = 0;
    while (!signal.aborted) {
      const batch = this.outbox.pending(batchSize);
      if (batch.length === 0) {
        await this.idle(signal, undefined);
        continue;
      }
      const outcome = await this.post(batch, signal);
      if (outcome.ok) {
        this.outbox.ack(batch);
        if (this.failures > 0) this.options.log(`delivered again after ${this.failures} failed attempts`);
        this.failures = 0;
        oneByOne = Math.max(0, oneByOne - batch.length);
        batchSize = oneByOne > 0 ? 1 : fullSize;
      } else if (outcome.permanent && batch.length > 1) {
        oneByOne = batch.length; // find the one update the aggregator refuses
        batchSize = 1;
      } else if (outcome.permanent) {
        oneByOne = 0;
        batchSize = fullSize;
        const [only] = batch as [Update];
        this.outbox.reject(only, outcome.reason);
        this.options.log(
          `update ${only.seq} refused by the aggregator and set aside: ${outcome.reason} (see outbox/rejected/)`,
        );
      } else {
        this.failures++;
        const delay = this.backoffMs();
        if (this.failures === 1 || this.failures % 10 === 0) {
          this.options.log(
            `cannot deliver (${outcome.reason}); ${this.outbox.size()} pending, retrying in ${Math.round(delay / 1000)} s`,
          );
        }
        await this.idle(signal, delay);
      }
    }
  }

  private backoffMs(): number {
    const cap = this.options.maxBackoffMs ?? 60_000;
    const base = Math.min(cap, 500 * 2 ** Math.min(this.failures - 1, 16));
    return base / 2 + (Math.random() * base) / 2;
  }

  private idle(signal: AbortSignal, ms: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      // A new update only wakes an idle sender, not one backing off after a failure.
      if (ms === undefined) this.wake = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }

  private async post(batch: Update[], signal: AbortSignal): Promise<Outcome> {
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.token}` },
        body: JSON.stringify(batch),
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs ?? 10_000)]),
      });
      if (response.ok) {
        await response.body?.cancel();
        return { ok: true };
      }
      const text = (await response.text()).slice(0, 500);
      return {
        ok: false,
        permanent: PERMANENT.has(response.status),
        reason: `HTTP ${response.status} ${text}`,
      };
    } catch (error) {
      return { ok: false, permanent: false, reason: (error as Error).message };
    }
  }
}
