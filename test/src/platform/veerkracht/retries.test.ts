import net, { type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { stufPorts } from '../../../../src/app/app-ports';
import { parseBackendsConfig } from '../../../../soap-clients/config/backend-config';
import { RecordingTransport } from '../../../../soap-clients/transport/recording-transport';
import { createZdsBackends } from '../../../../soap-clients/zds-backends';
import { FacadeError, type ErrorCode } from '../../../../src/core/domain/errors';
import type { RequestContext } from '../../../../src/core/domain/request-context';
import { BreakerOpen } from '../../../../src/platform/veerkracht/circuit-breaker';
import { retriedPorts, wachttijd } from '../../../../src/platform/veerkracht/retries';
import type { RetryConfig } from '../../../../src/platform/veerkracht/veerkracht-config';
import { bestaandeZaak } from '../../core/usecases/fixtures';
import { FakeRegisters } from '../../core/usecases/fake-registers';

const BSN = '999990019';
const CONFIG: RetryConfig = { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 10 };

/** What the retry logs, one object per line. */
function logboek() {
  const regels: { obj: Record<string, unknown>; msg: string }[] = [];
  const log = { warn: (obj: object, msg: string) => regels.push({ obj: obj as Record<string, unknown>, msg }), info: () => undefined };
  return { regels, log };
}

const onbereikbaar = (netwerkcode = 'ECONNRESET') => new FacadeError('BACKEND_UNAVAILABLE', 'niet bereikbaar', { internal: netwerkcode, cause: Object.assign(new Error(netwerkcode), { code: netwerkcode }) });

/** The three ports of a fake zaaksysteem whose every method fails `keer` times with `fout()` before it does its work. */
function storend(fout: () => Error, keer = Infinity) {
  const fake = new FakeRegisters();
  fake.put(bestaandeZaak('GZP-00001', undefined, { clients: [{ bsn: BSN }] } as never));
  const pogingen = new Map<string, number>();
  const wrap = <T extends object>(port: T): T =>
    new Proxy(port, {
      get(target, prop, receiver) {
        const member = Reflect.get(target, prop, receiver) as unknown;
        if (typeof member !== 'function') return member;
        return async (...args: unknown[]) => {
          const n = (pogingen.get(String(prop)) ?? 0) + 1;
          pogingen.set(String(prop), n);
          if (n <= keer) throw fout();
          return member.apply(target, args);
        };
      },
    });
  const ports = { zaken: wrap(fake.zaken), documenten: wrap(fake.documenten), overdracht: wrap(fake.overdracht) };
  return { ports, pogingen };
}

const ctx = (over: Partial<RequestContext> = {}): RequestContext => ({ requestId: 'r', ...over });

describe('retries around the ports', () => {
  it('a read that meets a transient fault is tried again and answers; one log line per retry, without the BSN', async () => {
    const { ports, pogingen } = storend(() => onbereikbaar(), 2);
    const { regels, log } = logboek();
    const zaken = await retriedPorts(ports, CONFIG, log).zaken.zoekZaken(ctx(), { clientBsn: BSN }, [], 1);
    expect(zaken.map((z) => z.identificatie)).toEqual(['GZP-00001']);
    expect(pogingen.get('zoekZaken')).toBe(3);
    expect(regels.map((r) => [r.msg, r.obj.operatie, r.obj.backend, r.obj.poging, r.obj.code])).toEqual([
      ['opnieuw geprobeerd', 'zoekZaken', 'zaak', 2, 'BACKEND_UNAVAILABLE'],
      ['opnieuw geprobeerd', 'zoekZaken', 'zaak', 3, 'BACKEND_UNAVAILABLE'],
    ]);
    expect(JSON.stringify(regels)).not.toContain(BSN);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { ports, pogingen } = storend(() => new FacadeError('BACKEND_TIMEOUT', 'te laat'));
    const { log } = logboek();
    await expect(retriedPorts(ports, CONFIG, log).documenten.leesDocumentgegevens(ctx(), 'DOC-1')).rejects.toMatchObject({ code: 'BACKEND_TIMEOUT' });
    expect(pogingen.get('leesDocumentgegevens')).toBe(4);
  });

  it('stops at the request deadline: no retry whose wait would end past it', async () => {
    const { ports, pogingen } = storend(() => onbereikbaar());
    const { regels, log } = logboek();
    let klok = 0;
    const opts = { now: () => klok, random: () => 0.999 };
    // every attempt costs 450 ms of the 1,000 ms budget: after the second, the next wait no longer fits
    const deadline = { deadline: 1000 };
    const tellend = { ...ports, zaken: { ...ports.zaken, geefZaak: (...a: Parameters<typeof ports.zaken.geefZaak>) => ((klok += 450), ports.zaken.geefZaak(...a)) } };
    await expect(retriedPorts(tellend, { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 }, log, opts).zaken.geefZaak(ctx(deadline), 'GZP-00001', [])).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    expect(pogingen.get('geefZaak')).toBe(2);
    expect(regels).toHaveLength(1);
    // a deadline already too close for the first wait: one attempt only
    klok = 0;
    await expect(retriedPorts(ports, { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 1000 }, log, opts).zaken.geefStatussen(ctx({ deadline: 50 }), 'GZP-00001')).rejects.toThrow();
    expect(pogingen.get('geefStatussen')).toBe(1);
  });

  it('a caller who goes away during the wait is answered at once with the abort reason, and nothing more is sent', async () => {
    const { ports, pogingen } = storend(() => onbereikbaar());
    const ac = new AbortController();
    const weg = new FacadeError('CANCELLED', 'weg');
    const lezen = retriedPorts(ports, { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000 }, logboek().log, { random: () => 0.5 }).zaken.geefZaak(ctx({ signal: ac.signal }), 'GZP-00001', []);
    await new Promise((r) => setImmediate(r));
    ac.abort(weg);
    await expect(lezen).rejects.toBe(weg);
    expect(pogingen.get('geefZaak')).toBe(1);
  });

  it.each<[string, () => Error]>([
    ['not retryable (BACKEND_PROTOCOL)', () => new FacadeError('BACKEND_PROTOCOL', 'onleesbaar')],
    ['the caller\'s (NOT_FOUND)', () => FacadeError.notFound('weg')],
    ['the caller gone (CANCELLED, retryable in the table)', () => new FacadeError('CANCELLED', 'weg')],
    ['an open breaker (nothing was sent; knocking again is pointless)', () => new BreakerOpen('zaak')],
  ])('a read is not tried again after an error that is %s', async (_, fout) => {
    const { ports, pogingen } = storend(fout);
    await expect(retriedPorts(ports, CONFIG, logboek().log).zaken.geefZaak(ctx(), 'GZP-00001', [])).rejects.toThrow();
    expect(pogingen.get('geefZaak')).toBe(1);
  });

  it('no write is ever tried again, whatever the error, even one that proves it never arrived', async () => {
    const writes: [keyof ReturnType<typeof storend>['ports'], string, unknown[]][] = [
      ['zaken', 'creeerZaak', [{ identificatie: 'GZP-00002' }]],
      ['zaken', 'actualiseerZaakstatus', ['GZP-00001', {}]],
      ['zaken', 'updateZaak', ['GZP-00001', {}]],
      ['documenten', 'voegZaakdocumentToe', ['GZP-00001', {}]],
      ['documenten', 'maakZaakdocument', ['GZP-00001', {}]],
      ['documenten', 'checkout', ['DOC-1']],
      ['documenten', 'updateZaakdocument', ['DOC-1', 'c', {}]],
      ['documenten', 'cancelCheckout', ['DOC-1', 'c']],
      ['overdracht', 'overdragenZaak', [{}]],
    ];
    for (const code of ['BACKEND_UNAVAILABLE', 'BACKEND_TIMEOUT', 'BACKEND_FAULT'] as ErrorCode[]) {
      for (const fout of [() => new FacadeError(code, 'storing'), () => onbereikbaar('ECONNREFUSED')]) {
        const { ports, pogingen } = storend(fout);
        const retried = retriedPorts(ports, CONFIG, logboek().log) as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
        for (const [port, method, args] of writes) await expect(retried[port]![method]!(ctx(), ...args)).rejects.toThrow();
        expect(Object.fromEntries(pogingen)).toEqual(Object.fromEntries(writes.map(([, m]) => [m, 1])));
      }
    }
  });

  it('a reservation (genereer*Identificatie) is tried again only when the error proves it never reached the backend', async () => {
    for (const netwerkcode of ['ECONNREFUSED', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT']) {
      const { ports, pogingen } = storend(() => onbereikbaar(netwerkcode), 1);
      const retried = retriedPorts(ports, CONFIG, logboek().log);
      await expect(retried.zaken.genereerZaakIdentificatie(ctx())).resolves.toBeTypeOf('string');
      await expect(retried.documenten.genereerDocumentIdentificatie(ctx())).resolves.toBeTypeOf('string');
      expect(pogingen.get('genereerZaakIdentificatie')).toBe(2);
      expect(pogingen.get('genereerDocumentIdentificatie')).toBe(2);
    }
    // a reset, a timeout or a fault may follow a message the backend read, and handed out a number for
    for (const fout of [() => onbereikbaar('ECONNRESET'), () => new FacadeError('BACKEND_TIMEOUT', 't'), () => new FacadeError('BACKEND_FAULT', 'f'), () => new BreakerOpen('zaak')]) {
      const { ports, pogingen } = storend(fout, 1);
      await expect(retriedPorts(ports, CONFIG, logboek().log).zaken.genereerZaakIdentificatie(ctx())).rejects.toThrow();
      expect(pogingen.get('genereerZaakIdentificatie')).toBe(1);
    }
  });

  it('maxAttempts 1: no retries at all', async () => {
    const { ports, pogingen } = storend(() => onbereikbaar());
    await expect(retriedPorts(ports, { ...CONFIG, maxAttempts: 1 }, logboek().log).zaken.geefZaak(ctx(), 'GZP-00001', [])).rejects.toThrow();
    expect(pogingen.get('geefZaak')).toBe(1);
  });

  it('backs off exponentially up to maxDelayMs, with full jitter', () => {
    const c = { maxAttempts: 9, baseDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => wachttijd(c, n, () => 0.999))).toEqual([99, 199, 399, 799, 999]);
    expect(wachttijd(c, 3, () => 0)).toBe(0);
    expect(wachttijd(c, 3, () => 0.5)).toBe(200);
  });
});

describe('a reservation over real HTTP', () => {
  it('to a zaaksysteem that refuses the connection is tried again (the transport keeps the network error as cause)', async () => {
    const server = net.createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise((r) => server.close(r));
    const url = `http://127.0.0.1:${port}`;
    const backends = createZdsBackends(
      parseBackendsConfig({
        zaak: { dialect: 'zds-1.2', endpoints: { beantwoordVraag: `${url}/bv`, ontvangAsynchroon: `${url}/oa`, vrijeBerichten: `${url}/vb` }, zender: { applicatie: 'REGIE' }, ontvanger: { applicatie: 'ZSDMS' } },
      }),
    );
    const recording = new RecordingTransport(backends.zaak.transport, 'zds-1.2');
    const ports = stufPorts({ zaak: { ...backends.zaak, transport: recording }, document: backends.document, close: () => backends.close() });
    try {
      const { regels, log } = logboek();
      await expect(retriedPorts(ports, CONFIG, log).zaken.genereerZaakIdentificatie(ctx())).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      expect(recording.of('genereerZaakIdentificatie')).toHaveLength(CONFIG.maxAttempts);
      expect(regels).toHaveLength(CONFIG.maxAttempts - 1);
    } finally {
      await ports.close();
    }
  });
});
