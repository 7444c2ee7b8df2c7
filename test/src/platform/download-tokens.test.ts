import { describe, expect, it } from 'vitest';
import { DownloadTokens } from '../../../src/platform/downloads/download-tokens';

describe('download tokens', () => {
  const ctx = { requestId: 'r', gebruiker: 'mdw-1' };
  let nu = 1_000;
  const tokens = new DownloadTokens(30_000, () => nu);

  it('names the document once, for the caller who got it, and is 256 random bits in base64url', () => {
    const t = tokens.geefUit(ctx, 'DOC-1');
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.geefUit(ctx, 'DOC-1')).not.toBe(t);
    expect(tokens.wisselIn({ requestId: 'x', gebruiker: 'mdw-2' }, t)).toBeUndefined();
    expect(tokens.wisselIn({ requestId: 'x' }, t)).toBeUndefined();
    expect(tokens.wisselIn(ctx, t)).toBe('DOC-1');
    expect(tokens.wisselIn(ctx, t)).toBeUndefined();
  });

  it('expires after its time', () => {
    const t = tokens.geefUit(ctx, 'DOC-2');
    nu += 30_000;
    expect(tokens.wisselIn(ctx, t)).toBeUndefined();
  });
});
