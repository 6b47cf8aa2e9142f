/**
 * Sentence embeddings: texts in, unit-length vectors out. The default runs the Universal Sentence
 * Encoder lite in-process (its weights ship in npm); an OpenAI-compatible `/v1/embeddings`
 * endpoint (Ollama, llama.cpp, OpenAI) is the option.
 */
import { OpenAiEmbedder } from './openai-embedder.ts';
import { UseLiteEmbedder } from './use-lite.ts';

export interface Embedder {
  /** Names the model: vectors of two models never share an index. */
  readonly id: string;
  /** Unit-length vectors, one per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}

export interface EmbedderConfig {
  /** Base URL of an OpenAI-compatible API (e.g. http://127.0.0.1:11434/v1); unset: the built-in model. */
  url?: string;
  model?: string;
  apiKey?: string;
  /** Threads for the built-in model, each with its own copy of it. */
  workers?: number;
  timeoutMs?: number;
}

/** The embedder configuration from the environment: what `serve`, `start`, `search` and `reindex` share. */
export function embedderConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EmbedderConfig {
  const workers = env.CHRONICLE_EMBED_WORKERS ? Number(env.CHRONICLE_EMBED_WORKERS) : undefined;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 16)) {
    throw new Error('CHRONICLE_EMBED_WORKERS must be a whole number from 1 to 16');
  }
  return {
    url: env.CHRONICLE_EMBEDDINGS_URL || undefined,
    model: env.CHRONICLE_EMBEDDINGS_MODEL || undefined,
    apiKey: env.CHRONICLE_EMBEDDINGS_KEY || undefined,
    workers,
  };
}

export function createEmbedder(config: EmbedderConfig = {}): Embedder {
  if (config.url) {
    if (!config.model)
      throw new Error('an embeddings URL needs a model name too (CHRONICLE_EMBEDDINGS_MODEL)');
    return new OpenAiEmbedder({
      url: config.url,
      model: config.model,
      apiKey: config.apiKey,
      timeoutMs: config.timeoutMs,
    });
  }
  return new UseLiteEmbedder(config.workers);
}
