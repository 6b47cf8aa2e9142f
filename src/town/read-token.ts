/** What a client of the aggregator says when a read is refused (401): what is needed, and how to give it. */
export function readTokenHelp(server: string, given: boolean): string {
  const base = new URL(server).origin;
  return given
    ? `the aggregator at ${base} refuses the read token given: pass the one it was started with as --read-token <token> or CHRONICLE_READ_TOKEN`
    : `the aggregator at ${base} needs a read token: pass it with --read-token <token> or set CHRONICLE_READ_TOKEN`;
}
