/** The `idempotencyKey` argument of every mutation (issue 12 §2); its semantics live in src/platform/idempotency. */
export const IDEMPOTENCY_KEY = {
  nullable: true,
  description:
    'Makes the mutation run at most once: a repeat with the same key and arguments answers the first result (or its error); ' +
    'other arguments: IDEMPOTENCY_KEY_REUSED; the first still running: IDEMPOTENCY_IN_PROGRESS (retryable); never finished: OUTCOME_UNKNOWN. ' +
    'Per applicatie, 1 to 255 printable ASCII characters, kept idempotency.bewaarUren (default 24 hours). State: query opdracht.',
} as const;
