/**
 * A language model behind any server that speaks OpenAI's `POST /v1/chat/completions` with tool
 * calling (Ollama, llama.cpp's server, vLLM, OpenAI). Replies are validated: a wrong-shaped reply
 * is an error the agent answers around, never an answer.
 */
import { z } from 'zod';

export interface ChatModelConfig {
  /** Base URL up to and including the version, e.g. http://127.0.0.1:11434/v1 */
  url: string;
  model: string;
  apiKey?: string;
  /** For the whole question, every round with the model included. */
  timeoutMs: number;
  /** Rounds of tool calls before the model must have answered. */
  maxRounds: number;
}

/** The model configuration from the environment; undefined when no model is configured. */
export function chatModelConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ChatModelConfig | undefined {
  const url = env.CHRONICLE_LLM_URL;
  if (!url) return undefined;
  const model = env.CHRONICLE_LLM_MODEL;
  if (!model) throw new Error('CHRONICLE_LLM_URL needs a model name too (CHRONICLE_LLM_MODEL)');
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
  } catch {
    throw new Error(`CHRONICLE_LLM_URL "${url}" is not an http(s) URL`);
  }
  const timeoutMs = env.CHRONICLE_LLM_TIMEOUT_MS ? Number(env.CHRONICLE_LLM_TIMEOUT_MS) : 20_000;
  if (!(Number.isInteger(timeoutMs) && timeoutMs >= 100 && timeoutMs <= 600_000))
    throw new Error('CHRONICLE_LLM_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000');
  return { url, model, apiKey: env.CHRONICLE_LLM_KEY || undefined, timeoutMs, maxRounds: 6 };
}

const ToolCallSchema = z.object({
  id: z.string().min(1),
  type: z.literal('function').optional(),
  function: z.object({ name: z.string(), arguments: z.string() }),
});

const ReplySchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          role: z.literal('assistant').optional(),
          content: z.string().nullish(),
          tool_calls: z.array(ToolCallSchema).nullish(),
        }),
      }),
    )
    .min(1),
});

export type ToolCall = z.infer<typeof ToolCallSchema>;

export type ChatMessage =
  | { role: 'system' | 'user'; content: string }
  | { role: 'assistant'; content: string | null; tool_calls?: ToolCall[] }
  | { role: 'tool'; tool_call_id: string; content: string };

/** The model failed: unreachable, too slow, or it answered in a shape that is not a chat reply. */
export class ModelError extends Error {}

export class ChatModel {
  private readonly endpoint: string;

  constructor(readonly config: ChatModelConfig) {
    this.endpoint = `${config.url.replace(/\/+$/, '')}/chat/completions`;
  }

  get name(): string {
    return this.config.model;
  }

  async complete(
    messages: readonly ChatMessage[],
    tools: readonly unknown[],
    signal: AbortSignal,
  ): Promise<{ content: string | null; toolCalls: ToolCall[] }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          model: this.config.model,
          messages,
          // Servers refuse `tool_choice` without tools; a plain completion sends neither.
          ...(tools.length > 0 ? { tools, tool_choice: 'auto' } : {}),
          temperature: 0,
        }),
        signal,
      });
    } catch (error) {
      const name = (error as Error).name;
      const reason =
        name === 'TimeoutError' || name === 'AbortError' ? 'timed out' : (error as Error).message;
      throw new ModelError(`${this.endpoint}: ${reason}`);
    }
    if (!response.ok) {
      const body = (await response.text().catch(() => '')).slice(0, 200);
      throw new ModelError(`${this.endpoint} answered ${response.status}: ${body}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        throw new ModelError(`${this.endpoint}: timed out`);
      throw new ModelError(`${this.endpoint} sent a reply that is not JSON`);
    }
    const parsed = ReplySchema.safeParse(body);
    if (!parsed.success)
      throw new ModelError(
        `${this.endpoint} sent a reply that is not a chat completion: ${z.prettifyError(parsed.error).slice(0, 200)}`,
      );
    const message = (parsed.data.choices[0] as z.infer<typeof ReplySchema>['choices'][number]).message;
    return { content: message.content ?? null, toolCalls: message.tool_calls ?? [] };
  }
}
