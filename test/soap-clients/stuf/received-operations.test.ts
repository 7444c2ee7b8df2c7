import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type Dialect } from '../../../soap-clients/stuf/operations';
import { RECEIVED_OPERATIONS, type ReceivedOperationName } from '../../../soap-clients/stuf/received-operations';
import { parseXml } from '../../../soap-clients/xml/xml-parser';
import { RZS, STUF_ZKN } from '../../support/shared';
import { localOf, methodsOf, nsOfPrefix, type WsdlMethod } from '../../support/wsdl-methods';

/**
 * The operations the facade receives must say exactly what the official WSDLs say, read with `soap` as for the
 * operations it calls (operations.test.ts): input element, soapAction, the OntvangAsynchroon port, Bv03 answer.
 */
const RZS_WSDL = path.join(RZS, 'schemas/rzs0310/rzsberichten/rzs0310_ontvangAsynchroon_rzsberichten.wsdl');
const ZDS12 = path.join(STUF_ZKN, 'schemas/zds-1.2/zds0120/berichten');
const WSDL: Record<ReceivedOperationName, Record<Dialect, string>> = {
  notificeerOverZaak: { 'zds-1.1': RZS_WSDL, 'zds-1.2': RZS_WSDL },
  bevestigOverdragenZaak: {
    'zds-1.1': RZS_WSDL,
    'zds-1.2': path.join(ZDS12, 'zds0120_ontvangAsynchroon_mutatie_zs-dms.wsdl'),
  },
};

const methods = new Map<string, Map<string, WsdlMethod>>();
const zds12Wsdls = readdirSync(ZDS12).filter((f) => f.endsWith('.wsdl')).map((f) => path.join(ZDS12, f));
beforeAll(async () => {
  for (const file of new Set([...Object.values(WSDL).flatMap((d) => Object.values(d)), ...zds12Wsdls])) {
    methods.set(file, await methodsOf(file));
  }
}, 60_000);

describe.each(['zds-1.1', 'zds-1.2'] as const)('RECEIVED_OPERATIONS in %s', (dialect) => {
  for (const op of Object.values(RECEIVED_OPERATIONS)) {
    it(`${op.name} matches the official WSDL`, () => {
      const b = op.bindings[dialect];
      const file = WSDL[op.name][dialect];
      expect(path.basename(file), 'an OntvangAsynchroon WSDL').toMatch(/_ontvangAsynchroon_/);
      const m = [...methods.get(file)!.values()].find((x) => x.soapAction === b.soapAction);
      expect(m, `soapAction ${b.soapAction} in ${path.basename(file)}`).toBeDefined();
      expect(m!.element).toBe(localOf(b.request));
      expect(m!.namespace).toBe(nsOfPrefix(b.request));
      expect(b.response.map((r) => [nsOfPrefix(r), localOf(r)])).toEqual([[m!.outputNamespace, m!.outputElement]]);
    });
  }
});

describe('RECEIVED_OPERATIONS', () => {
  it('ZDS 1.2 has no notificeerOverZaak message of its own, so the RZS 1.0 message is received in both dialects', () => {
    const zds12 = zds12Wsdls.flatMap((f) => [...methods.get(f)!.values()]);
    expect(zds12.length).toBeGreaterThan(20);
    expect(zds12.filter((m) => /notificeer/i.test(m.element) || /notificeer/i.test(m.soapAction))).toEqual([]);
  });

  it('is disjoint from the operations the facade calls (a provider can tell them apart by soapAction)', () => {
    for (const dialect of ['zds-1.1', 'zds-1.2'] as const) {
      const called = new Set(Object.values(OPERATIONS).map((o) => o.bindings[dialect].soapAction));
      for (const op of Object.values(RECEIVED_OPERATIONS)) expect(called.has(op.bindings[dialect].soapAction)).toBe(false);
    }
  });

  it.each([
    ['notificeerOverZaak_Di01.xml', 'notificeerOverZaak'],
    ['overdragenZaak_Du01.xml', 'bevestigOverdragenZaak'],
  ] as const)('the official RZS example %s has the ZDS 1.1 root and functie of %s', (file, name) => {
    const root = parseXml(readFileSync(path.join(RZS, 'examples', file), 'utf8'));
    const op = RECEIVED_OPERATIONS[name];
    const b = op.bindings['zds-1.1'];
    expect([root.uri, root.local]).toEqual([nsOfPrefix(b.request), localOf(b.request)]);
    const sg = root.children.find((c) => c.local === 'stuurgegevens');
    const text = (l: string) => sg?.children.find((c) => c.local === l)?.text.trim();
    expect([text('berichtcode'), text('functie')]).toEqual([op.berichtcode, op.functie]);
  });
});
