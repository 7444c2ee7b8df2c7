import { FacadeError } from '../../src/core/domain/errors';
import type { ZaakVeld, ZaakZoekvraag } from '../../src/core/domain/zaak';
import { isRoot } from '../stuf/bevestiging.codec';
import { OPERATIONS, type Dialect, type DialectBinding, type OperationSpec } from '../stuf/operations';
import { stufBericht, type StufBericht } from '../stuf/stuf-bericht';
import { readStuurgegevens, type Stuurgegevens } from '../stuf/stuurgegevens';
import { NS } from '../xml/namespaces';
import { child, path, type XEl } from '../xml/xml-parser';
import { el, leaf, type XmlElement } from '../xml/xml-writer';
import type { ClientRelatieElement } from './client-relatie';
import { decodeScope, scopeElement, statusScope } from './scope';
import { readTekst, stripUndefined } from './zak-gerelateerden.mapper';

/**
 * Searching zaken on other criteria than identificatie: the general StUF-ZKN 3.10 zakLv01 of the BeantwoordVraag
 * service (zkn0310/vraagAntwoord/zkn0310_beantwoordVraag.wsdl, operation zakLv01, soapAction `…/zkn/0310/zakLv01`),
 * in both dialects. ZDS 1.2 restricted geefZaakdetails_ZakLv01 to `gelijk/identificatie`
 * (GeefZaakDetails-ZAK-vraagSelectie, zds0120_ent_zs-dms.xsd); ZDS 1.1 geefZaakdetails is the same ZKN:zakLv01
 * message, but real ZDS 1.1 systems route the general search on the zakLv01 soapAction, not on
 * geefZaakdetails_Lv01. A backend that expects another soapAction for it sets `zoekSoapAction` (backend-config.ts).
 */
export const ZOEK_ZAKEN: OperationSpec = {
  ...OPERATIONS.geefZaakdetails,
  zoekvraag: true,
  bindings: {
    'zds-1.1': { request: 'ZKN:zakLv01', response: ['ZKN:zakLa01'], soapAction: `${NS.ZKN}/zakLv01`, childPrefix: 'ZKN' },
    'zds-1.2': { request: 'ZKN:zakLv01', response: ['ZKN:zakLa01'], soapAction: `${NS.ZKN}/zakLv01`, childPrefix: 'ZKN' },
  },
};

/**
 * A page of a search (StUF 03.01 §6.1, §6.3.4): sortering 1 (ZAK-sortering: identificatie), so that a vervolgvraag
 * can name where the previous answer stopped: `na` is the identificatie of its last zaak, sent as the startobject
 * in `start` with indicatorVervolgvraag true. Absent `na`: the first page.
 */
export interface Vervolg {
  na?: string;
}

function zakLv01(op: OperationSpec, dialect: Dialect, gelijk: XmlElement, scope: XmlElement, maximumAantal?: number, vervolg?: Vervolg): StufBericht {
  if (maximumAantal !== undefined && !(Number.isInteger(maximumAantal) && maximumAantal >= 1)) {
    throw FacadeError.validation('maximumAantal moet een positief geheel getal zijn', [
      { name: 'maximumAantal', reason: 'positief geheel getal' },
    ]);
  }
  return stufBericht(op, dialect, [
    // ZAK-parametersVraagSynchroon: sortering and indicatorVervolgvraag are required; 0 = the zaaksysteem's own order
    el('ZKN:parameters', undefined, [
      leaf('StUF:sortering', vervolg ? '1' : '0'),
      leaf('StUF:indicatorVervolgvraag', String(vervolg?.na !== undefined)),
      leaf('StUF:maximumAantal', maximumAantal?.toString()),
    ]),
    gelijk,
    scope,
    vervolg?.na !== undefined
      ? el('ZKN:start', undefined, [el('ZKN:object', { 'StUF:entiteittype': 'ZAK' }, [leaf('ZKN:identificatie', vervolg.na)])])
      : undefined,
  ]);
}

const gelijkOp = (identificatie: string, ...meer: (XmlElement | undefined)[]): XmlElement =>
  el('ZKN:gelijk', { 'StUF:entiteittype': 'ZAK' }, [leaf('ZKN:identificatie', identificatie), ...meer]);

/** geefZaakdetails of one zaak, with a scope of exactly `velden` (+ identificatie). */
export function buildGeefZaakdetailsLv01(dialect: Dialect, identificatie: string, velden: readonly ZaakVeld[]): StufBericht {
  return zakLv01(OPERATIONS.geefZaakdetails, dialect, gelijkOp(identificatie), scopeElement(velden));
}

/**
 * geefZaakstatus. ZDS 1.2 §4.1.1 asks only for the current status (gelijk.heeft.indicatieLaatsteStatus = J is
 * mandatory there); ZDS 1.1 may leave it out to get the whole status history.
 */
export function buildGeefZaakstatusLv01(dialect: Dialect, identificatie: string, alleenLaatste: boolean): StufBericht {
  if (dialect === 'zds-1.2' && !alleenLaatste) {
    throw new FacadeError('INTERNAL', 'ZDS 1.2 geefZaakstatus geeft alleen de laatste status');
  }
  const laatste = alleenLaatste
    ? el('ZKN:heeft', { 'StUF:entiteittype': 'ZAKSTT' }, [leaf('ZKN:indicatieLaatsteStatus', 'J')])
    : undefined;
  const scope = el('ZKN:scope', undefined, [
    el('ZKN:object', { 'StUF:entiteittype': 'ZAK' }, [el('ZKN:identificatie', { 'xsi:nil': 'true' }), statusScope()]),
  ]);
  return zakLv01(OPERATIONS.geefZaakstatus, dialect, gelijkOp(identificatie, laatste), scope);
}

/**
 * The `gelijk` of a search, in ZAK-vraagSelectie order. heeftBetrekkingOp selects on the generic OBJ
 * (OBJ-gerelateerdeVraagSelectie has no natuurlijkPersoon): identificatie = the BSN, typering NPS, without a
 * relation omschrijving, because a client is recognised with or without one (client-relatie.ts). The initiator
 * is a BTR selected on identificatie: a medewerker's, or the client's BSN when `clientRelatie` is heeftAlsInitiator.
 * ZAK-vraagSelectie has one heeftAlsInitiator and no "or", so both relations at once are two searches (the adapter).
 */
function zoekSelectie(v: ZaakZoekvraag, clientRelatie: ClientRelatieElement): XmlElement {
  const criteria = [v.identificatie, v.zaaktypeCode, v.clientBsn, v.initiatorMedewerker, v.gerelateerdeZaak];
  if (criteria.every((c) => c === undefined || c === '')) throw FacadeError.validation('een zoekvraag heeft minstens één criterium');
  const clientAlsInitiator = v.clientBsn !== undefined && clientRelatie === 'heeftAlsInitiator';
  if (clientAlsInitiator && v.initiatorMedewerker !== undefined) {
    throw FacadeError.validation('een zoekvraag op client als initiator kan niet ook op een initiërende medewerker zoeken');
  }
  const initiator = clientAlsInitiator ? v.clientBsn : v.initiatorMedewerker;
  const rel = (name: `ZKN:${string}`, entiteittype: string, gerelateerdeType: string, ...inhoud: (XmlElement | undefined)[]) =>
    el(name, { 'StUF:entiteittype': entiteittype }, [el('ZKN:gerelateerde', { 'StUF:entiteittype': gerelateerdeType }, inhoud)]);
  return el('ZKN:gelijk', { 'StUF:entiteittype': 'ZAK' }, [
    leaf('ZKN:identificatie', v.identificatie),
    v.zaaktypeCode !== undefined ? rel('ZKN:isVan', 'ZAKZKT', 'ZKT', leaf('ZKN:code', v.zaaktypeCode)) : undefined,
    v.clientBsn !== undefined && !clientAlsInitiator
      ? el('ZKN:heeftBetrekkingOp', { 'StUF:entiteittype': 'ZAKOBJ' }, [
          el('ZKN:gerelateerde', { 'StUF:entiteittype': 'OBJ' }, [leaf('ZKN:identificatie', v.clientBsn), leaf('ZKN:typering', 'NPS')]),
        ])
      : undefined,
    initiator !== undefined ? rel('ZKN:heeftAlsInitiator', 'ZAKBTRINI', 'BTR', leaf('ZKN:identificatie', initiator)) : undefined,
    v.gerelateerdeZaak !== undefined
      ? rel('ZKN:heeftBetrekkingOpAndere', 'ZAKZAKBTR', 'ZAK', leaf('ZKN:identificatie', v.gerelateerdeZaak))
      : undefined,
  ]);
}

/**
 * A search (all criteria must hold) with maximumAantal through ZOEK_ZAKEN, a client BSN on `clientRelatie`; a
 * search on identificatie alone is the read of that one zaak and stays geefZaakdetails (of which maximumAantal is
 * no part: there is one zaak).
 */
export function buildZoekZakenLv01(
  dialect: Dialect,
  vraag: ZaakZoekvraag,
  velden: readonly ZaakVeld[],
  maximumAantal?: number,
  clientRelatie: ClientRelatieElement = 'heeftBetrekkingOp',
): StufBericht {
  const alleenIdentificatie = vraag.identificatie !== undefined && Object.values(vraag).filter((c) => c !== undefined).length === 1;
  if (alleenIdentificatie) return buildGeefZaakdetailsLv01(dialect, vraag.identificatie!, velden);
  return zakLv01(ZOEK_ZAKEN, dialect, zoekSelectie(vraag, clientRelatie), scopeElement(velden), maximumAantal);
}

/** One page of a search in identificatie order (`Vervolg`), always through ZOEK_ZAKEN. */
export function buildZoekZakenPaginaLv01(dialect: Dialect, vraag: ZaakZoekvraag, velden: readonly ZaakVeld[], maximumAantal: number, na?: string): StufBericht {
  return zakLv01(ZOEK_ZAKEN, dialect, zoekSelectie(vraag, 'heeftBetrekkingOp'), scopeElement(velden), maximumAantal, { na });
}

// ---- provider side ------------------------------------------------------------------------------------

export interface ZaakVraag {
  dialect: Dialect;
  operation: 'geefZaakdetails' | 'geefZaakstatus';
  /** root and soapAction of question and answer */
  binding: DialectBinding;
  stuurgegevens: Stuurgegevens;
  criteria: ZaakZoekvraag;
  velden: ZaakVeld[];
  maximumAantal?: number;
  /** sortering 1 (identificatie order), and for a vervolgvraag the identificatie of the startobject */
  vervolg?: Vervolg;
  /** gelijk.heeft.indicatieLaatsteStatus = J: only the current status */
  alleenLaatsteStatus: boolean;
}

/**
 * Which operation and dialect a zakLv01 is. ZDS 1.2 roots name the operation; the ZDS 1.1 operations share
 * ZKN:zakLv01 and differ only in their soapAction (README of the ZDS 1.1 WSDLs). The general search (ZOEK_ZAKEN)
 * is ZKN:zakLv01 with the zakLv01 soapAction in both dialects: `dialect` is that of the endpoint it came in on
 * (ZDS 1.2 when not known).
 */
function vraagSoort(root: XEl, soapAction?: string, dialect?: Dialect): Pick<ZaakVraag, 'dialect' | 'operation' | 'binding'> {
  const action = soapAction?.replace(/^"|"$/g, '');
  for (const operation of ['geefZaakdetails', 'geefZaakstatus'] as const) {
    const b = OPERATIONS[operation].bindings;
    if (isRoot(root, b['zds-1.2'].request)) return { dialect: 'zds-1.2', operation, binding: b['zds-1.2'] };
  }
  if (!isRoot(root, 'ZKN:zakLv01')) throw FacadeError.validation(`onverwacht vraagbericht {${root.uri}}${root.local}`);
  if (action === `${NS.ZKN}/zakLv01`) {
    const d = dialect ?? 'zds-1.2';
    return { dialect: d, operation: 'geefZaakdetails', binding: ZOEK_ZAKEN.bindings[d] };
  }
  const operation = action === OPERATIONS.geefZaakstatus.bindings['zds-1.1'].soapAction ? 'geefZaakstatus' : 'geefZaakdetails';
  return { dialect: 'zds-1.1', operation, binding: OPERATIONS[operation].bindings['zds-1.1'] };
}

const zkn = (e: XEl | undefined, ...locals: string[]): XEl | undefined =>
  path(e, ...locals.map((l): [string, string] => [NS.ZKN, l]));

/**
 * Provider side: a zakLv01 of either dialect. Selection criteria the domain does not search on (omschrijving,
 * datums, heeft.toelichting, ...) are ignored; heeftBetrekkingOp is read in the OBJ form we send and, liberally,
 * with a natuurlijkPersoon/inp.bsn.
 */
export function decodeZakLv01(root: XEl, soapAction?: string, dialect?: Dialect): ZaakVraag {
  const soort = vraagSoort(root, soapAction, dialect);
  const gelijk = zkn(root, 'gelijk');
  if (!gelijk) throw FacadeError.validation('de vraag heeft geen selectie (gelijk)');
  const obj = zkn(gelijk, 'heeftBetrekkingOp', 'gerelateerde');
  const ini = zkn(gelijk, 'heeftAlsInitiator', 'gerelateerde');
  const parameter = (naam: string) => readTekst(path(root, [NS.ZKN, 'parameters'], [NS.StUF, naam]))?.trim();
  const max = parameter('maximumAantal');
  if (max !== undefined && !/^[1-9]\d*$/.test(max)) throw FacadeError.validation(`ongeldig maximumAantal '${max}'`);
  const start = readTekst(zkn(root, 'start', 'object', 'identificatie'));
  // StUF 03.01 §6.3.4, tabel 6.6: a vervolgvraag without its startobject is StUF103
  if (parameter('indicatorVervolgvraag') === 'true' && start === undefined) throw FacadeError.validation('vervolgvraag zonder start (StUF103)');
  return stripUndefined({
    ...soort,
    stuurgegevens: readStuurgegevens(root),
    criteria: stripUndefined({
      identificatie: readTekst(zkn(gelijk, 'identificatie')),
      zaaktypeCode: readTekst(zkn(gelijk, 'isVan', 'gerelateerde', 'code')),
      clientBsn: readTekst(zkn(obj, 'identificatie')) ?? readTekst(child(zkn(obj, 'natuurlijkPersoon'), NS.BG, 'inp.bsn')),
      // BTR identificatie: a medewerker's identificatie or a person's BSN (the zaaksysteem matches either)
      initiatorMedewerker: readTekst(zkn(ini, 'identificatie')) ?? readTekst(zkn(ini, 'medewerker', 'identificatie')),
      gerelateerdeZaak: readTekst(zkn(gelijk, 'heeftBetrekkingOpAndere', 'gerelateerde', 'identificatie')),
    }),
    velden: decodeScope(zkn(root, 'scope')),
    maximumAantal: max === undefined ? undefined : Number(max),
    vervolg: parameter('sortering') === '1' ? stripUndefined({ na: parameter('indicatorVervolgvraag') === 'true' ? start : undefined }) : undefined,
    alleenLaatsteStatus: readTekst(zkn(gelijk, 'heeft', 'indicatieLaatsteStatus')) === 'J',
  });
}
