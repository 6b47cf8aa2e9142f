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
  /** The world's last day: about 9,500 years at five minutes a day. */
  maxDay: 1_000_000,
  /** A town's last update number: an update every 30 s for 950 years. */
  maxSeq: 1_000_000_000,
  /** Event ids (the global sequence) stay exact JavaScript integers. */
  maxEventId: Number.MAX_SAFE_INTEGER,
} as const;
