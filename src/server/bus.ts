/** The live bus: stored events fan out to every stream subscriber, in sequence order. */
import type { StoredEvent } from '../store/store.ts';

export type Listener = (events: readonly StoredEvent[]) => void;

export class LiveBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: readonly StoredEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) listener(events);
  }

  get size(): number {
    return this.listeners.size;
  }
}
