/**
 * The `idempotencyKey` argument of every mutation (issue 12 §2; schema/README.md "Idempotency"); its semantics
 * live in src/platform/idempotency. Without a description of its own, so that the mutations print on one line.
 */
export const IDEMPOTENCY_KEY = { nullable: true } as const;
