import { describe, expect, it } from 'vitest';
import { FacadeError } from '../../../../src/core/domain/errors';
import { GEEN_ZAAK, Gereedheid } from '../../../../src/platform/beheer/gereedheid';

const stil = { warn: () => undefined };

function gereedheid(zaak: () => Promise<never>, store: () => Promise<unknown[]> = async () => [{ een: 1 }], cacheMs = 5_000) {
  let klok = 0;
  const gevraagd: string[] = [];
  const g = new Gereedheid(
    {
      store: { query: async () => store() as never },
      zaken: { geefZaak: async (_ctx, id) => (gevraagd.push(id), zaak()) },
      log: stil,
    },
    cacheMs,
    () => klok,
  );
  return { g, gevraagd, verstrijk: (ms: number) => (klok += ms) };
}

describe('readiness checks', () => {
  it('takes NOT_FOUND of a zaak that cannot exist as a zaaksysteem that answers', async () => {
    const { g, gevraagd } = gereedheid(() => Promise.reject(FacadeError.notFound('geen zaak')));
    expect(await g.stand()).toEqual({ status: 'ok', checks: { store: { status: 'ok' }, zaaksysteem: { status: 'ok' } } });
    expect(gevraagd).toEqual([GEEN_ZAAK]);
  });

  it('names the zaaksysteem when it is unreachable, answers a Fo or its breaker is open, and the store when it fails', async () => {
    for (const code of ['BACKEND_UNAVAILABLE', 'BACKEND_FAULT', 'BACKEND_TIMEOUT'] as const) {
      const { g } = gereedheid(() => Promise.reject(new FacadeError(code, 'weg')));
      expect((await g.stand()).checks).toEqual({ store: { status: 'ok' }, zaaksysteem: { status: 'fout' } });
    }
    const { g } = gereedheid(() => Promise.reject(FacadeError.notFound('x')), () => Promise.reject(new Error('database weg')));
    expect(await g.stand()).toMatchObject({ status: 'fout', checks: { store: { status: 'fout' }, zaaksysteem: { status: 'ok' } } });
  });

  it('asks again only after the cache period, and shares one check between probes meanwhile', async () => {
    let uitkomst: () => Promise<never> = () => Promise.reject(FacadeError.notFound('x'));
    const { g, gevraagd, verstrijk } = gereedheid(() => uitkomst(), undefined, 5_000);
    await Promise.all([g.stand(), g.stand()]);
    uitkomst = () => Promise.reject(new FacadeError('BACKEND_UNAVAILABLE', 'weg'));
    verstrijk(4_999);
    expect((await g.stand()).status).toBe('ok');
    expect(gevraagd).toHaveLength(1);
    verstrijk(1);
    expect((await g.stand()).checks.zaaksysteem.status).toBe('fout');
    expect(gevraagd).toHaveLength(2);
  });
});
