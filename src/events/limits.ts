/** What one request may carry. Anything larger is refused whole, with the limit it broke. */
export const LIMITS = {
  bodyBytes: 4 * 1024 * 1024,
  updatesPerBatch: 1000,
  eventsPerUpdate: 200,
  textChars: 2000,
  actorChars: 120,
  idChars: 200,
  dataKeys: 40,
  dataStringChars: 200,
  maxDay: 1_000_000,
} as const;
