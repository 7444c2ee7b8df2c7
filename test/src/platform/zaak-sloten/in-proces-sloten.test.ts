import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { systemContext } from '../../../../src/core/domain/request-context';
import { inProcesSloten } from '../../../../src/platform/zaak-sloten/in-proces-sloten.adapter';

const ctx = systemContext('test');

/** Work that is released by hand, noting how many ran at once. */
function teller() {
  let bezig = 0;
  const t = { max: 0, werk: async () => {
    t.max = Math.max(t.max, ++bezig);
    await new Promise((r) => setImmediate(r));
    bezig--;
  } };
  return t;
}

describe('per-zaak locks in one process', () => {
  it('runs work on one zaak one at a time, in arrival order, and work on other zaken alongside', async () => {
    const sloten = inProcesSloten();
    const een = teller();
    const volgorde: number[] = [];
    await Promise.all([1, 2, 3, 4].map((i) => sloten.onder(ctx, 'Z1', async () => (await een.werk(), volgorde.push(i)))));
    expect(een.max).toBe(1);
    expect(volgorde).toEqual([1, 2, 3, 4]);
    const ander = teller();
    await Promise.all(['Z1', 'Z2', 'Z3'].map((z) => sloten.onder(ctx, z, ander.werk)));
    expect(ander.max).toBe(3);
  });

  it('releases the zaak when the work fails', async () => {
    const sloten = inProcesSloten();
    await expect(sloten.onder(ctx, 'Z1', () => Promise.reject(new FacadeError('CONFLICT', 'x')))).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(sloten.onder(ctx, 'Z1', async () => 'daarna')).resolves.toBe('daarna');
  });

  it('stops waiting when the request aborts, without running its work or breaking the queue', async () => {
    const sloten = inProcesSloten();
    let vrij!: () => void;
    const eerste = sloten.onder(ctx, 'Z1', () => new Promise<string>((r) => (vrij = () => r('eerste'))));
    const ac = new AbortController();
    let gedraaid = false;
    const wachtend = sloten.onder({ ...ctx, signal: ac.signal }, 'Z1', async () => void (gedraaid = true));
    const derde = sloten.onder(ctx, 'Z1', async () => 'derde');
    ac.abort(new FacadeError('CANCELLED', 'weg'));
    await expect(wachtend).rejects.toMatchObject({ code: 'CANCELLED' });
    vrij();
    await expect(eerste).resolves.toBe('eerste');
    await expect(derde).resolves.toBe('derde');
    expect(gedraaid).toBe(false);
  });
});
