import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_IDEMPOTENCY_CONFIG } from '../../../../src/platform/idempotency/idempotency-config';
import { IdempotencyService, type Aanvraag } from '../../../../src/platform/idempotency/idempotency.service';
import { postgresDatabases, sqliteDatabases, type TestDatabases } from '../../../support/store-databases';

const UUR = 3_600_000;
const uitkomst = (body: string) => ({ status: 201, headers: { location: '/x', 'content-type': 'application/json' }, body: Buffer.from(body) });

describe.each([
  ['SQLite', sqliteDatabases()],
  ['PostgreSQL', postgresDatabases('idempotency-service')],
] as [string, TestDatabases][])('IdempotencyService on %s', (_naam, databases) => {
  afterAll(() => databases.opruimen());

  async function service(config = DEFAULT_IDEMPOTENCY_CONFIG) {
    const klok = { nu: 1_000_000 };
    const store = await (await databases.nieuw()).open();
    return { klok, store, idem: await IdempotencyService.open(store, config, () => klok.nu) };
  }
  const a: Aanvraag = { applicatie: 'regie', sleutel: 'k-1', vingerafdruk: 'f-1' };

  it('claims a new key once, replays its outcome, refuses another fingerprint and a repeat while it runs', async () => {
    const { idem, store } = await service();
    try {
      expect(await idem.claim(a)).toEqual({ soort: 'nieuw' });
      await expect(idem.claim(a)).rejects.toMatchObject({ code: 'IDEMPOTENCY_IN_PROGRESS' });
      await expect(idem.claim({ ...a, vingerafdruk: 'f-2' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
      await idem.voltooi(a, uitkomst('{"a":1}'));
      const herhaling = await idem.claim(a);
      expect(herhaling).toMatchObject({ soort: 'herhaling', uitkomst: { status: 201, headers: { location: '/x', 'content-type': 'application/json' } } });
      expect(herhaling.soort === 'herhaling' && herhaling.uitkomst.body.toString()).toBe('{"a":1}');
      expect(await idem.opdracht(a)).toMatchObject({ toestand: 'klaar', status: 201 });
    } finally {
      await store.close();
    }
  });

  it('keeps the keys of two applicaties apart', async () => {
    const { idem, store } = await service();
    try {
      expect(await idem.claim(a)).toEqual({ soort: 'nieuw' });
      expect(await idem.claim({ ...a, applicatie: 'ander', vingerafdruk: 'f-other' })).toEqual({ soort: 'nieuw' });
      expect(await idem.opdracht({ applicatie: 'derde', sleutel: a.sleutel })).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('lets one of many concurrent claims of a key win', async () => {
    const { idem, store } = await service();
    try {
      const uitslagen = await Promise.allSettled(Array.from({ length: 10 }, () => idem.claim(a)));
      expect(uitslagen.filter((u) => u.status === 'fulfilled')).toHaveLength(1);
      expect(uitslagen.filter((u) => u.status === 'rejected').map((u) => (u as PromiseRejectedResult).reason.code)).toEqual(Array(9).fill('IDEMPOTENCY_IN_PROGRESS'));
    } finally {
      await store.close();
    }
  });

  it('answers OUTCOME_UNKNOWN for a claim past its lease, and keeps it through the sweep', async () => {
    const { idem, store, klok } = await service({ ...DEFAULT_IDEMPOTENCY_CONFIG, leaseMinuten: 5 });
    try {
      await idem.claim(a);
      klok.nu += 5 * 60_000;
      await expect(idem.claim(a)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN', retryable: false });
      expect(await idem.opdracht(a)).toMatchObject({ toestand: 'onbekend' });
      klok.nu += 48 * UUR;
      await idem.ruimOp();
      await expect(idem.claim(a)).rejects.toMatchObject({ code: 'OUTCOME_UNKNOWN' });
    } finally {
      await store.close();
    }
  });

  it('forgets an outcome after its retention: the key is new again, and the sweep removes it', async () => {
    const { idem, store, klok } = await service({ ...DEFAULT_IDEMPOTENCY_CONFIG, bewaarUren: 24 });
    try {
      await idem.claim(a);
      await idem.voltooi(a, uitkomst('{}'));
      klok.nu += 24 * UUR - 1;
      expect((await idem.claim(a)).soort).toBe('herhaling');
      expect(await idem.ruimOp()).toBe(0);
      klok.nu += 1;
      expect(await idem.ruimOp()).toBe(1);
      expect(await idem.opdracht(a)).toBeUndefined();
      expect(await idem.claim({ ...a, vingerafdruk: 'another request now' })).toEqual({ soort: 'nieuw' });
    } finally {
      await store.close();
    }
  });

  it('releases a claim whose request changed nothing, so a retry runs again', async () => {
    const { idem, store } = await service();
    try {
      await idem.claim(a);
      await idem.laatLos(a);
      expect(await idem.claim(a)).toEqual({ soort: 'nieuw' });
    } finally {
      await store.close();
    }
  });
});
