/**
 * The built-in embedder: the Universal Sentence Encoder lite (512-d) on TensorFlow.js's WASM-SIMD
 * backend, one model per worker thread. TensorFlow.js runs a model on one thread, so the speed on
 * several cores is in the workers; they also keep embedding off the event loop that serves ingest.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Embedder } from './embedder.ts';
import type { EmbedReply, EmbedRequest } from './use-lite-worker.ts';
import { normalise } from './vectors.ts';

const USE_LITE_DIMENSIONS = 512;
/** Texts per message to a worker: big enough to batch, small enough to share between workers. */
const CHUNK = 32;

interface Pending {
  resolve(vectors: Float32Array): void;
  reject(error: Error): void;
}

/** Sources are TypeScript: each worker registers tsx before it loads its module. */
function spawn(): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const module = new URL('./use-lite-worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(module)}); })`;
  return new Worker(code, { eval: true });
}

class ModelThread {
  private readonly worker = spawn();
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  readonly ready: Promise<void>;
  busy = 0;

  constructor(onExit: (thread: ModelThread) => void) {
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
    this.ready.catch(() => {}); // the error reaches callers through embed()
    this.worker.on('message', (reply: EmbedReply | { ready: true }) => {
      if (!('id' in reply)) return;
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) pending?.reject(new Error(`embedding failed: ${reply.error}`));
      else pending?.resolve(reply.vectors);
    });
    this.worker.on('exit', (code) => {
      for (const p of this.pending.values())
        p.reject(new Error(`the embedding thread stopped (exit ${code})`));
      this.pending.clear();
      onExit(this);
    });
  }

  async embed(texts: string[]): Promise<Float32Array> {
    this.busy++;
    try {
      await this.ready;
      const id = this.nextId++;
      return await new Promise<Float32Array>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        this.worker.postMessage({ id, texts } satisfies EmbedRequest);
      });
    } finally {
      this.busy--;
    }
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export class UseLiteEmbedder implements Embedder {
  readonly id = 'use-lite-512';
  private threads: ModelThread[] = [];
  private readonly size: number;

  constructor(workers?: number) {
    this.size = workers ?? Math.max(1, Math.min(2, availableParallelism()));
  }

  /** The least busy thread; threads start on first use (each loads its own 28 MB model). */
  private thread(): ModelThread {
    if (this.threads.length < this.size) {
      const thread = new ModelThread((dead) => {
        this.threads = this.threads.filter((t) => t !== dead);
      });
      this.threads.push(thread);
      return thread;
    }
    return this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < texts.length; i += CHUNK) chunks.push(texts.slice(i, i + CHUNK));
    const flats = await Promise.all(chunks.map((chunk) => this.thread().embed(chunk)));
    const out: Float32Array[] = [];
    for (const flat of flats) {
      for (let i = 0; i < flat.length; i += USE_LITE_DIMENSIONS) {
        out.push(normalise(flat.slice(i, i + USE_LITE_DIMENSIONS)));
      }
    }
    return out;
  }

  async close(): Promise<void> {
    const threads = this.threads;
    this.threads = [];
    await Promise.all(threads.map((t) => t.terminate()));
  }
}
