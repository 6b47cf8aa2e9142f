/** Prometheus metrics of the aggregator, served at GET /metrics. */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export class Telemetry {
  readonly registry = new Registry();
  readonly updates = new Counter({
    name: 'chronicle_updates_ingested_total',
    help: 'Updates stored, by town',
    labelNames: ['town'],
    registers: [this.registry],
  });
  readonly events = new Counter({
    name: 'chronicle_events_ingested_total',
    help: 'Events stored, by town',
    labelNames: ['town'],
    registers: [this.registry],
  });
  readonly duplicates = new Counter({
    name: 'chronicle_updates_duplicate_total',
    help: 'Updates received again and acknowledged without storing',
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'chronicle_requests_rejected_total',
    help: 'Ingest requests refused, by HTTP status',
    labelNames: ['status'],
    registers: [this.registry],
  });
  readonly streamClients = new Gauge({
    name: 'chronicle_stream_clients',
    help: 'Open live-stream connections',
    registers: [this.registry],
  });
  readonly streamDropped = new Counter({
    name: 'chronicle_stream_dropped_total',
    help: 'Stream clients cut off because they could not keep up',
    registers: [this.registry],
  });
  /** Read when the metrics are scraped: bytes the stream has for its clients and not yet written. */
  streamQueuedSource: (() => number) | undefined;
  readonly streamQueued = new Gauge({
    name: 'chronicle_stream_queued_bytes',
    help: 'Bytes of events waiting for their turn to be written to stream clients',
    registers: [this.registry],
    collect: () => {
      if (this.streamQueuedSource) this.streamQueued.set(this.streamQueuedSource());
    },
  });
  /** Read when the metrics are scraped. */
  searchLagSource: (() => Promise<number>) | undefined;
  readonly searchLag = new Gauge({
    name: 'chronicle_search_index_lag_events',
    help: 'Stored events the search index has not reached yet',
    registers: [this.registry],
    collect: async () => {
      if (this.searchLagSource) this.searchLag.set(await this.searchLagSource());
    },
  });
  readonly searchIndexed = new Counter({
    name: 'chronicle_search_indexed_events_total',
    help: 'Events added to the search index',
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'chronicle_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
