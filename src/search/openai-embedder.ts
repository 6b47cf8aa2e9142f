/**
 * Embeddings from any server that speaks OpenAI's `POST /v1/embeddings` (Ollama, llama.cpp's
 * server, vLLM, OpenAI). Answers are validated: a wrong-shaped reply is an error, never a vector.
 */
import { z } from 'zod';
import type { Embedder } from './embedder.ts';
import { normalise } from './vectors.ts';

const BATCH = 64;

const Reply = z.object({
  data: z
    .array(z.object({ index: z.number().int().min(0), embedding: z.array(z.number().finite()).min(1) }))
    .min(1),
});

export interface OpenAiEmbedderOptions {
  /** Base URL up to and including the version, e.g. http://127.0.0.1:11434/v1 */
  url: string;
  model: string;
  apiKey?: string;
  timeoutMs?: number;
}

export class OpenAiEmbedder implements Embedder {
  readonly id: string;
  private readonly endpoint: string;
  private dimensions: number | undefined;

  constructor(private readonly options: OpenAiEmbedderOptions) {
    this.endpoint = `${options.url.replace(/\/+$/, '')}/embeddings`;
    this.id = `openai:${options.model}`;
  }

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += BATCH)
      out.push(...(await this.request(texts.slice(i, i + BATCH))));
    return out;
  }

  private async request(input: string[]): Promise<Float32Array[]> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({ model: this.options.model, input }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message;
      throw new Error(`embeddings endpoint ${this.endpoint}: ${reason}`);
    }
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).slice(0, 200);
      throw new Error(`embeddings endpoint ${this.endpoint} answered ${response.status}: ${body}`);
    }
    let parsed: z.infer<typeof Reply>;
    try {
      parsed = Reply.parse(await response.json());
    } catch (error) {
      throw new Error(
        `embeddings endpoint ${this.endpoint} sent a reply that is not an embeddings list: ${(error as Error).message.slice(0, 200)}`,
      );
    }
    // Filled, not sparse: a hole would hide from indexOf below.
    const vectors: (Float32Array | undefined)[] = input.map(() => undefined);
    for (const item of parsed.data) {
      if (item.index >= input.length)
        throw new Error(`embeddings endpoint ${this.endpoint}: index ${item.index} out of range`);
      this.dimensions ??= item.embedding.length;
      if (item.embedding.length !== this.dimensions) {
        throw new Error(
          `embeddings endpoint ${this.endpoint}: vectors of ${item.embedding.length} dimensions, expected ${this.dimensions}`,
        );
      }
      vectors[item.index] = normalise(Float32Array.from(item.embedding));
    }
    const missing = vectors.indexOf(undefined);
    if (missing >= 0) {
      throw new Error(`embeddings endpoint ${this.endpoint}: no vector for input ${missing}`);
    }
    return vectors as Float32Array[];
  }

  async close(): Promise<void> {}
}
