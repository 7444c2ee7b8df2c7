import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS, type Dialect } from '../../../soap-clients/stuf/operations';
import { ZOEK_ZAKEN } from '../../../soap-clients/zaak/zakLv01.mapper';
import { NS } from '../../../soap-clients/xml/namespaces';
import { methodsOf, nsOfPrefix, type WsdlMethod } from '../../support/wsdl-methods';
import { RZS, STUF_ZKN } from '../../support/shared';

/**
 * The operation table must say exactly what the official WSDLs say: input element (namespace + name),
 * soapAction and which portType (service) offers it. We let `soap` read the official WSDLs for this.
 */
const WSDLS: Record<Dialect | 'rzs' | `zkn/${Dialect}`, Record<string, string>> = {
  'zds-1.1': {
    beantwoordVraag: 'schemas/zds-1.1/zkn0310/zs-dms/zkn0310_beantwoordVraag_zs-dms.wsdl',
    ontvangAsynchroon: 'schemas/zds-1.1/zkn0310/zs-dms/zkn0310_ontvangAsynchroon_mutatie_zs-dms.wsdl',
    vrijeBerichten: 'schemas/zds-1.1/zkn0310/zs-dms/zkn0310_vrijeBerichten_zs-dms.wsdl',
  },
  'zds-1.2': {
    beantwoordVraag: 'schemas/zds-1.2/zds0120/berichten/zds0120_beantwoordVraag_zs-dms.wsdl',
    ontvangAsynchroon: 'schemas/zds-1.2/zds0120/berichten/zds0120_ontvangAsynchroon_mutatie_zs-dms.wsdl',
    vrijeBerichten: 'schemas/zds-1.2/zds0120/berichten/zds0120_vrijeBerichten_zs-dms.wsdl',
    // offered by the receiver of a hand-over, not by the zaaksysteem (ZDS 1.2 §4.13)
    overdragen: 'schemas/zds-1.2/zds0120/berichten/zds0120_ontvangAsynchroon_overdragen_zs-dms.wsdl',
  },
  rzs: { overdragen: 'schemas/rzs0310/rzsberichten/rzs0310_ontvangAsynchroon_rzsberichten.wsdl' },
  // the generic StUF-ZKN 3.10 vraag/antwoord WSDL that both ZDS releases ship: its zakLv01 carries our searches
  'zkn/zds-1.1': { beantwoordVraag: 'schemas/zds-1.1/zkn0310/vraagAntwoord/zkn0310_beantwoordVraag.wsdl' },
  'zkn/zds-1.2': { beantwoordVraag: 'schemas/zds-1.2/zkn0310/vraagAntwoord/zkn0310_beantwoordVraag.wsdl' },
};

const methods = new Map<string, Map<string, WsdlMethod>>();
beforeAll(async () => {
  for (const [set, files] of Object.entries(WSDLS)) {
    for (const [service, file] of Object.entries(files)) {
      const base = set === 'rzs' ? RZS : STUF_ZKN;
      methods.set(`${set}/${service}`, await methodsOf(path.join(base, file)));
    }
  }
}, 60_000);

describe.each(['zds-1.1', 'zds-1.2'] as const)('OPERATIONS in %s', (dialect) => {
  for (const op of Object.values(OPERATIONS)) {
    it(`${op.name} matches the official WSDL`, () => {
      const b = op.bindings[dialect];
      // overdragenZaak and the abonnementenbeheer's trigger are in the WSDLs of their receivers, not the zaaksysteem's
      const wsdl =
        op.name === 'overdragenZaak'
          ? methods.get(dialect === 'zds-1.2' ? 'zds-1.2/overdragen' : 'rzs/overdragen')!
          : op.name === 'initieerNotificeerOverZaak'
            ? methods.get('rzs/overdragen')!
            : methods.get(`${dialect}/${op.service}`)!;
      const byAction = [...wsdl.values()].find((m) => m.soapAction === b.soapAction);
      expect(byAction, `soapAction ${b.soapAction} in the ${dialect} WSDL`).toBeDefined();
      expect(byAction!.element).toBe(b.request.split(':')[1]);
      expect(byAction!.namespace).toBe(nsOfPrefix(b.request));
    });
  }
});

describe.each(['zds-1.1', 'zds-1.2'] as const)('ZOEK_ZAKEN (searches on other criteria than identificatie) in %s', (dialect) => {
  it('is the zakLv01 operation of the official StUF-ZKN 3.10 BeantwoordVraag WSDL the dialect ships', () => {
    const b = ZOEK_ZAKEN.bindings[dialect];
    const m = [...methods.get(`zkn/${dialect}/beantwoordVraag`)!.values()].find((x) => x.soapAction === b.soapAction);
    expect(m, `soapAction ${b.soapAction}`).toBeDefined();
    expect(m!.element).toBe('zakLv01');
    expect(m!.namespace).toBe(NS.ZKN);
    expect(b.soapAction).toBe('http://www.egem.nl/StUF/sector/zkn/0310/zakLv01');
    expect([b.request, b.response]).toEqual(['ZKN:zakLv01', ['ZKN:zakLa01']]);
  });
});
