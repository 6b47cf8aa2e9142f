/**
 * Asking the world: a question in, an answer with the events it rests on out. The offline planner
 * always can answer; a language model, when one is configured, answers first with the same tools,
 * and whenever it is absent, slow, wrong-shaped or states numbers its tools did not give, the
 * planner answers instead and the response says why.
 */
import type { SearchService } from '../search/service.ts';
import type { EventStore, StoredEvent } from '../store/store.ts';
import type { World } from '../world/world.ts';
import { type ChatMessage, ChatModel, type ChatModelConfig, ModelError } from './chat-model.ts';
import { callTool, toolDefinitions } from './model-tools.ts';
import { sayNumber } from './numbers.ts';
import { answerOffline, type Understood } from './planner.ts';
import type { DayRange } from './time.ts';
import { HistoryTools, ToolError } from './tools.ts';
import { type Vocabulary, vocabularyOf } from './vocabulary.ts';

export const MAX_QUESTION_CHARS = 500;
/** Cited events sent whole with an answer; the rest go by id. */
const EVENTS_SHOWN = 20;

export interface AskResponse {
  question: string;
  answer: string;
  /** Ids of every event the answer rests on. */
  citations: number[];
  /** The first cited events, whole, to show beside the answer. */
  events: StoredEvent[];
  answered_by: 'planner' | 'model';
  /** What the planner understood the question to ask. */
  understood?: Understood;
  /** The tools the model called, in order. */
  tool_calls?: { name: string; arguments: string; error?: string }[];
  /** Set when the answer is less than what was asked for, e.g. the model failed and the planner answered. */
  warning?: string;
  today: number;
  took_ms: number;
}

export interface AgentOptions {
  store: EventStore;
  /** The world whose history the store holds: its towns, numbers and happenings. */
  world: World;
  search?: SearchService;
  /** The world's current day. */
  today: () => number | Promise<number>;
  model?: ChatModelConfig;
}

export type AskMode = 'auto' | 'offline';

export class Agent {
  readonly tools: HistoryTools;
  private readonly model: ChatModel | undefined;
  private actorCache: { at: number; names: string[] } | undefined;
  private refreshingActors: Promise<void> | undefined;

  constructor(private readonly options: AgentOptions) {
    this.tools = new HistoryTools(options.store, vocabularyOf(options.world), options.search);
    this.model = options.model ? new ChatModel(options.model) : undefined;
  }

  async ask(question: string, mode: AskMode = 'auto'): Promise<AskResponse> {
    const started = performance.now();
    const today = await this.options.today();
    const history = await this.tools.historyDays();
    let warning: string | undefined;
    if (this.model && mode === 'auto' && history) {
      try {
        const answer = await this.askModel(this.model, question, today, history);
        return {
          question,
          ...answer,
          events: await this.shown(answer.citations),
          answered_by: 'model',
          today,
          took_ms: since(started),
        };
      } catch (error) {
        if (!(error instanceof ModelError)) throw error;
        warning = `the language model could not answer (${error.message}); the offline planner did`;
      }
    }
    const actors = await this.actorNames();
    const answer = await answerOffline(question, {
      tools: this.tools,
      vocab: this.tools.vocab,
      today,
      history,
      actors,
    });
    return {
      question,
      ...answer,
      events: await this.shown(answer.citations),
      answered_by: 'planner',
      ...(warning ? { warning } : {}),
      today,
      took_ms: since(started),
    };
  }

  private async shown(citations: readonly number[]): Promise<StoredEvent[]> {
    return this.options.store.byIds(citations.slice(0, EVENTS_SHOWN));
  }

  /**
   * Everyone a question may name: the world's people at once, and whoever else the history names
   * (the store's actor counts, read again at most every ten seconds).
   */
  private async actorNames(): Promise<string[]> {
    const now = Date.now();
    if (!this.actorCache) {
      const people = this.options.world.towns.flatMap((t) => t.people.map((p) => p.name));
      this.actorCache = { at: 0, names: [...new Set(people)] };
    }
    if (now - this.actorCache.at > 10_000 && !this.refreshingActors) {
      this.actorCache.at = now;
      this.refreshingActors = this.tools
        .actors()
        .then((found) => {
          const cache = this.actorCache as { at: number; names: string[] };
          cache.names = [...new Set([...cache.names, ...found.map((a) => a.actor)])];
        })
        .catch(() => undefined)
        .finally(() => {
          this.refreshingActors = undefined;
        });
      // The first time, the history's names are worth the wait: a small history answers at once.
      if (this.actorCache.names.length === 0) await this.refreshingActors;
    }
    return this.actorCache.names;
  }

  private async askModel(model: ChatModel, question: string, today: number, history: DayRange) {
    const signal = AbortSignal.timeout(model.config.timeoutMs);
    const messages: ChatMessage[] = [
      { role: 'system', content: systemPrompt(this.tools.vocab, today, history) },
      { role: 'user', content: question },
    ];
    const definitions = toolDefinitions(this.tools.vocab);
    const calls: NonNullable<AskResponse['tool_calls']> = [];
    const citations = new Set<number>();
    const results: string[] = [];
    for (let round = 0; round < model.config.maxRounds; round++) {
      const reply = await model.complete(messages, definitions, signal);
      if (reply.toolCalls.length === 0) {
        const answer = reply.content?.trim();
        if (!answer) throw new ModelError('it sent an empty answer');
        const stray = ungrounded(answer, [
          question,
          String(today),
          `${history.from} ${history.to}`,
          ...results,
        ]);
        if (stray.length > 0)
          throw new ModelError(`it stated ${stray.slice(0, 3).join(', ')}, which no tool returned`);
        return { answer, citations: [...citations], tool_calls: calls };
      }
      messages.push({ role: 'assistant', content: reply.content, tool_calls: reply.toolCalls });
      for (const call of reply.toolCalls) {
        let content: string;
        try {
          let args: unknown;
          try {
            args = JSON.parse(call.function.arguments || '{}');
          } catch {
            throw new ToolError(`the arguments of ${call.function.name} are not JSON`);
          }
          const out = await callTool(this.tools, call.function.name, args, today);
          for (const id of out.citations) citations.add(id);
          content = JSON.stringify(out.result);
          results.push(content);
          calls.push({ name: call.function.name, arguments: call.function.arguments });
        } catch (error) {
          if (!(error instanceof ToolError)) throw error;
          // Tell the model what was wrong, so it can call again correctly.
          content = JSON.stringify({ error: error.message });
          calls.push({ name: call.function.name, arguments: call.function.arguments, error: error.message });
        }
        messages.push({ role: 'tool', tool_call_id: call.id, content });
      }
    }
    throw new ModelError(`it had not answered after ${model.config.maxRounds} rounds of tool calls`);
  }
}

const since = (started: number) => Math.round((performance.now() - started) * 10) / 10;

function systemPrompt(vocab: Vocabulary, today: number, history: DayRange): string {
  const towns = vocab.towns.map((t) => `${t.name} (${t.id}): ${t.description}`).join('; ');
  const metrics = vocab.metrics
    .map((m) => `${m.key} (${m.label}, ${m.unit}${m.sensor ? ', sensor' : ''})`)
    .join('; ');
  return [
    `You answer questions about the history of a world of ${sayNumber(vocab.towns.length)} towns, using only the tools given.`,
    `Today is day ${today}; the history holds days ${history.from} to ${history.to}. A week is 7 days; "last week" is the 7 days before today.`,
    `Towns: ${towns}.`,
    `Numbers the events carry: ${metrics}.`,
    `Happenings: ${vocab.happenings.map((h) => h.name).join(', ')}.`,
    'State exact numbers as the tools return them, and the days they cover. Answer in one to three sentences.',
    'If the history does not hold the answer, say so plainly.',
  ].join('\n');
}

/** Numbers in a text, as written ("1,234.5" → 1234.5) with their decimals. */
function numbersIn(text: string): { value: number; decimals: number }[] {
  return [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)].map((m) => {
    const s = m[0].replace(/,/g, '');
    return { value: Number(s), decimals: s.includes('.') ? (s.split('.')[1]?.length ?? 0) : 0 };
  });
}

/** The numbers an answer states that none of its sources holds, to the precision stated. */
export function ungrounded(answer: string, sources: readonly string[]): string[] {
  const known = sources.flatMap(numbersIn).map((n) => n.value);
  return numbersIn(answer)
    .filter(({ value, decimals }) => !known.some((k) => Math.abs(k - value) <= 0.5 * 10 ** -decimals + 1e-9))
    .map((n) => String(n.value));
}
