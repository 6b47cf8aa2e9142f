/**
 * Ingest: store a batch of normalised updates and tell the live bus. The HTTP route and the
 * in-process simulator both come through here.
 */
import type { IncomingUpdate } from '../events/schema.ts';
import type { AppendResult, EventStore } from '../store/store.ts';
import { worldTimeOf } from '../world/clock.ts';
import type { LiveBus } from './bus.ts';
import type { Telemetry } from './telemetry.ts';

export class Ingest {
  constructor(
    private readonly store: EventStore,
    private readonly bus: LiveBus,
    /** The world's time now, in days: stamps updates that carry no world time of their own. */
    private readonly worldNow: () => number,
    private readonly telemetry?: Telemetry,
  ) {}

  async accept(updates: IncomingUpdate[]): Promise<AppendResult> {
    for (const update of updates) {
      if (update.day === 0) Object.assign(update, worldTimeOf(this.worldNow()));
    }
    const result = await this.store.append(updates);
    this.bus.publish(result.events);
    if (this.telemetry) {
      this.telemetry.duplicates.inc(result.duplicates);
      for (const e of result.events) this.telemetry.events.inc({ town: e.town });
      const seen = new Set<string>();
      for (const e of result.events) {
        if (!seen.has(e.update_id)) this.telemetry.updates.inc({ town: e.town });
        seen.add(e.update_id);
      }
    }
    return result;
  }
}
