/** Parsers for the command-line options the commands share; each rejects bad input with a clear message. */
import { InvalidArgumentError, Option } from 'commander';
import { SeedSchema } from '../files/world-file.ts';

export function parsePositiveNumber(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0 || n > max)
      throw new InvalidArgumentError(`${name} must be a number above 0 and at most ${max}.`);
    return n;
  };
}

export function parseCount(name: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`${name} must be a whole number.`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`${name} must be between ${min} and ${max}.`);
    return n;
  };
}

export function parseSeed(value: string): string {
  const parsed = SeedSchema.safeParse(value);
  if (!parsed.success) throw new InvalidArgumentError(parsed.error.issues[0]?.message ?? 'invalid seed');
  return parsed.data;
}

export function parseUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return url.toString();
  } catch {
    throw new InvalidArgumentError(`"${value}" is not an http(s) URL.`);
  }
}

export const dataOption = () => new Option('--data <dir>', 'data directory').default('./data');
export const speedOption = () =>
  new Option('--speed <factor>', 'how many times faster than real time (1: a day is 5 minutes)')
    .argParser(parsePositiveNumber('--speed', 10_000))
    .default(1);
export const seedOption = () => new Option('--seed <seed>', "the world's seed").argParser(parseSeed);

/**
 * `--read-token`, or CHRONICLE_READ_TOKEN: the aggregator's read token. The environment is the
 * better way to give it, where other users' `ps` does not show it.
 */
export const readTokenOption = (description = "the aggregator's read token, if it was started with one") =>
  new Option('--read-token <token>', description).env('CHRONICLE_READ_TOKEN');

/** `--token`, the old name of `--read-token` in ask and search: hidden, kept for scripts that use it. */
export const oldReadTokenOption = () => new Option('--token <token>').hideHelp();

/** `--towns-dir`, or CHRONICLE_TOWNS_DIR: a directory of a world builder's town folders. */
export const townsDirOption = () =>
  new Option('--towns-dir <dir>', 'more towns, one folder each (see examples/towns)').env(
    'CHRONICLE_TOWNS_DIR',
  );
