import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadStoreSections } from '../../../../src/app/config/store-sections';
import { FacadeError } from '../../../../src/core/domain/errors';

const dir = mkdtempSync(path.join(tmpdir(), 'store-sections-'));
const bestand = (inhoud: unknown) => {
  const p = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(p, JSON.stringify(inhoud));
  return p;
};

describe('loadStoreSections', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('without a file: SQLite and the spool directory under STUF_FACADE_DATA_DIR, and no key', () => {
    expect(loadStoreSections({ STUF_FACADE_DATA_DIR: '/srv/facade' })).toEqual({
      store: { soort: 'sqlite', pad: '/srv/facade/facade.sqlite' },
      protocol: {},
      journaal: { leaseMs: 10_000, hervatMs: 5_000, spoolPad: '/srv/facade/spool' },
    });
  });

  it('reads the journal settings, and refuses a lease too short to renew', () => {
    expect(loadStoreSections({ STUF_FACADE_CONFIG: bestand({ journaal: { leaseMs: 2000, spoolPad: '/gedeeld/spool' } }) }).journaal).toEqual({ leaseMs: 2000, hervatMs: 5000, spoolPad: '/gedeeld/spool' });
    expect(() => loadStoreSections({ STUF_FACADE_CONFIG: bestand({ journaal: { leaseMs: 10, onbekend: 1 } }) })).toThrow(/config\.journaal\.onbekend.*\n?.*config\.journaal\.leaseMs|config\.journaal\.leaseMs/s);
  });

  it('reads only the store, protocol and journal keys of STUF_FACADE_CONFIG', () => {
    const sleutel = Buffer.alloc(32, 1);
    const config = bestand({ mode: 'production', backends: { later: true }, store: { soort: 'postgres', url: 'postgres://db/facade' }, protocol: { sleutel: sleutel.toString('base64') } });
    expect(loadStoreSections({ STUF_FACADE_CONFIG: config })).toMatchObject({ store: { soort: 'postgres', url: 'postgres://db/facade' }, protocol: { sleutel } });
  });

  it('reports the problems of both sections at once, with their paths', () => {
    const err = (() => {
      try {
        loadStoreSections({ STUF_FACADE_CONFIG: bestand({ store: { soort: 'oracle' }, protocol: { sleutel: 'kort' } }) });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(FacadeError);
    expect((err as FacadeError).invalidParams?.map((p) => p.name)).toEqual(['config.store.soort', 'config.protocol.sleutel']);
  });
});
