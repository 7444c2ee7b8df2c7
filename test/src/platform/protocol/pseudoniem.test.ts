import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigCheck } from '../../../../src/core/config/config-check';
import { parseProtocolConfig, protocolSleutel, pseudonimiseerder } from '../../../../src/platform/protocol/pseudoniem';
import { sqliteDatabases } from '../../../support/store-databases';

const BSN = '999990019';
const SLEUTEL = Buffer.alloc(32, 7);

describe('pseudonimiseerder', () => {
  it('is the HMAC-SHA-256 of the BSN under the key, in hex: the same for the same key, another for another', () => {
    const p = pseudonimiseerder(SLEUTEL)(BSN);
    expect(p).toBe(createHmac('sha256', SLEUTEL).update(BSN).digest('hex'));
    expect(p).toMatch(/^[0-9a-f]{64}$/);
    expect(pseudonimiseerder(Buffer.alloc(32, 7))(BSN)).toBe(p);
    expect(pseudonimiseerder(Buffer.alloc(32, 8))(BSN)).not.toBe(p);
    expect(pseudonimiseerder(SLEUTEL)('999990020')).not.toBe(p);
  });
});

describe('parseProtocolConfig', () => {
  const parse = (raw: unknown) => {
    const c = new ConfigCheck();
    return { config: parseProtocolConfig(c, raw, 'config.protocol'), problems: c.problems };
  };

  it('decodes a base64 key of at least 32 bytes', () => {
    expect(parse({ sleutel: SLEUTEL.toString('base64') })).toEqual({ config: { sleutel: SLEUTEL }, problems: [] });
    expect(parse(undefined)).toEqual({ config: {}, problems: [] });
  });

  it('refuses a short key, text that is not base64, and unknown keys, naming the path', () => {
    expect(parse({ sleutel: Buffer.alloc(31).toString('base64') }).problems).toEqual([{ name: 'config.protocol.sleutel', reason: expect.stringContaining('32 bytes') }]);
    expect(parse({ sleutel: `${SLEUTEL.toString('base64')}!` }).problems).toEqual([{ name: 'config.protocol.sleutel', reason: 'is geen base64' }]);
    expect(parse({ key: 'x' }).problems.map((p) => p.name)).toEqual(['config.protocol.key']);
  });
});

describe('protocolSleutel', () => {
  const databases = sqliteDatabases();
  afterAll(() => databases.opruimen());

  it('is the configured key when there is one', async () => {
    const store = await (await databases.nieuw()).open();
    expect(await protocolSleutel(store, { sleutel: SLEUTEL })).toBe(SLEUTEL);
    await store.close();
  });

  it('without one, generates a key once and keeps it in the store, so pseudonyms stay the same after a restart', async () => {
    const db = await databases.nieuw();
    const s1 = await db.open();
    const eerste = await protocolSleutel(s1, {});
    expect(eerste).toHaveLength(32);
    await s1.close();
    const s2 = await db.open();
    expect(await protocolSleutel(s2, {})).toEqual(eerste);
    await s2.close();
    const ander = await (await databases.nieuw()).open();
    expect(await protocolSleutel(ander, {})).not.toEqual(eerste);
    await ander.close();
  });
});
