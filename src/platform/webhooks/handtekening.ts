import { createHmac, randomBytes } from 'node:crypto';

/**
 * Standard Webhooks (standardwebhooks.com, spec "Signature scheme"): the secret is `whsec_` and base64 of 32
 * random bytes; each attempt sends `webhook-id` (the event id), `webhook-timestamp` (seconds) and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body" under the secret's bytes>`. The timestamp is
 * that of the attempt, so a receiver can refuse replays older than a few minutes (src/doors/rest/README.md).
 */
export const nieuwGeheim = (): string => `whsec_${randomBytes(32).toString('base64')}`;

export function ondertekend(geheim: string, id: string, body: string, nuMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nuMs / 1000));
  const sleutel = Buffer.from(geheim.replace(/^whsec_/, ''), 'base64');
  const handtekening = createHmac('sha256', sleutel).update(`${id}.${timestamp}.${body}`).digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${handtekening}` };
}
