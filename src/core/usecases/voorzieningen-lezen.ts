import { collectBytes, type ZaakDocument } from '../domain/document';
import { FacadeError } from '../domain/errors';
import { valueOf } from '../domain/no-value';
import { voorzieningenUit, type GelezenDeelplan, type SignaalStand, type VoorzieningStand } from '../domain/voorziening-stand';
import { VOORZIENING_DOCUMENTTYPEN as T, aanvraagUitJson, antwoordUitJson, beschikkingUitJson, signaalUitJson } from '../domain/voorziening-document';
import type { OverdrachtAntwoord } from '../domain/voorziening';
import type { ZaakVeld } from '../domain/zaak';
import type { Runtime } from './runtime';
import type { VoorzieningConfig } from './use-case-config';
import { checked } from './validation/input-check';
import { zaakIdentificatie } from './validation/plan-validatie';
import { documenten, documentInhoud } from './documenten';
import { gerelateerdePlannen, gezinsplannenVoorClient, plan, zaak } from './zaak-queries';

/**
 * The velden a voorziening's state is read from (issue 15 §4): statuses, closing and result, and the client, so that
 * the read of the person the voorziening is for is protocolled as every read of a zaak's clients is.
 */
const STAND_VELDEN: readonly ZaakVeld[] = ['zaaktype', 'statussen', 'einddatum', 'resultaat', 'clients'];

/** A document's JSON content is at most this large: these documents are a few kB; more is not one of ours. */
const MAX_JSON_BYTES = 1_048_576;

export function voorzieningConfig(rt: Runtime): VoorzieningConfig {
  if (!rt.config.voorzieningen) throw new FacadeError('NOT_FOUND', 'Deze gemeente vraagt geen voorzieningen aan via de facade');
  return rt.config.voorzieningen;
}

/** The iWmo writer, which createUseCases requires whenever voorzieningen are configured. */
export function iwmoVan(rt: Runtime): NonNullable<Runtime['iwmo']> {
  voorzieningConfig(rt);
  return rt.iwmo!;
}

/** The zaaktype codes a voorziening's deelplan can have: only those deelplannen are read for their documents. */
const voorzieningZaaktypen = (c: VoorzieningConfig): Set<string> => new Set([...Object.values(c.zaaktypen), c.arrangement.zaaktype].map((z) => z.code));

const isJson = (d: ZaakDocument): boolean => /json/i.test(valueOf(d.contentType) ?? valueOf(d.formaat) ?? '') || /\.json$/i.test(valueOf(d.bestandsnaam) ?? '');

async function jsonVan(rt: Runtime, d: ZaakDocument): Promise<string> {
  const { inhoud } = await documentInhoud(rt, d.identificatie);
  return (await collectBytes(inhoud.body, MAX_JSON_BYTES)).toString('utf8');
}

/** The JSON documents of one documenttype, oldest first, each with its parsed content. */
async function documentenVan<T>(rt: Runtime, docs: readonly ZaakDocument[], type: string, lees: (json: string) => T): Promise<{ document: string; inhoud: T }[]> {
  const gekozen = docs.filter((d) => valueOf(d.documenttype) === type && isJson(d));
  return Promise.all(gekozen.map(async (d) => ({ document: d.identificatie, inhoud: lees(await jsonVan(rt, d)) })));
}

/**
 * One deelplan as a voorziening's part, or undefined when it carries no aanvraag (a deelplan of another kind);
 * `overdrachtAntwoorden`: the overdracht answers already asked for a whole gezinsplan's deelplannen.
 * The latest beschikking counts (a backoffice may revise one); every signal is kept with the answer to it.
 */
export async function leesDeelplan(rt: Runtime, identificatie: string, overdrachtAntwoorden?: ReadonlyMap<string, OverdrachtAntwoord>): Promise<GelezenDeelplan | undefined> {
  const [z, docs] = await Promise.all([zaak(rt, identificatie, STAND_VELDEN), documenten(rt, identificatie)]);
  const [aanvraag] = await documentenVan(rt, docs, T.aanvraag, aanvraagUitJson);
  if (!aanvraag) return undefined;
  const [beschikkingen, signalen, antwoorden, overdrachten] = await Promise.all([
    documentenVan(rt, docs, T.beschikking, beschikkingUitJson),
    documentenVan(rt, docs, T.signaal, signaalUitJson),
    documentenVan(rt, docs, T.antwoord, antwoordUitJson),
    overdrachtAntwoorden ?? rt.overdrachtAntwoorden?.laatste([identificatie]),
  ]);
  const beschikking = beschikkingen.at(-1)?.inhoud;
  const overdracht = overdrachten?.get(identificatie);
  return {
    zaak: z,
    aanvraag: aanvraag.inhoud,
    ...(beschikking ? { beschikking } : {}),
    ...(overdracht ? { overdracht } : {}),
    signalen: signalen.map((s): SignaalStand => {
      const antwoord = antwoorden.findLast((a) => a.inhoud.verzoek === s.document)?.inhoud.antwoord;
      return { deelplan: identificatie, document: s.document, signaal: s.inhoud, ...(antwoord ? { antwoord } : {}) };
    }),
  };
}

/**
 * A gezinsplan's deelplannen of a voorziening zaaktype as read, with one question for all their overdracht
 * answers; `bekend`, one of them already read, is not read again.
 */
async function deelplannenVan(rt: Runtime, gezinsplan: string, bekend?: GelezenDeelplan): Promise<GelezenDeelplan[]> {
  const typen = voorzieningZaaktypen(voorzieningConfig(rt));
  const ids = (await gerelateerdePlannen(rt, gezinsplan, 'deelplan', ['zaaktype'])).filter((z) => typen.has(z.zaaktype?.code ?? '')).map((z) => z.identificatie);
  const antwoorden = (await rt.overdrachtAntwoorden?.laatste(ids)) ?? new Map<string, OverdrachtAntwoord>();
  const gelezen = await Promise.all(ids.map((id) => (id === bekend?.zaak.identificatie ? bekend : leesDeelplan(rt, id, antwoorden))));
  return gelezen.filter((d): d is GelezenDeelplan => d !== undefined);
}

/** The voorzieningen of a gezinsplan: its deelplannen of a voorziening zaaktype, grouped per request. */
export async function voorzieningenVanGezinsplan(rt: Runtime, gezinsplan: string): Promise<VoorzieningStand[]> {
  checked('Ongeldig gezinsplan', (c) => zaakIdentificatie(c, 'gezinsplan', gezinsplan));
  voorzieningConfig(rt);
  if (!(await plan(rt, 'gezinsplan', gezinsplan, []))) throw FacadeError.notFound('Geen gezinsplan met deze identificatie');
  return voorzieningenUit(await deelplannenVan(rt, gezinsplan));
}

/** A client's voorzieningen, over every gezinsplan the client is in; the BSN travels in the body only. */
export async function voorzieningenVanClient(rt: Runtime, bsn: string): Promise<VoorzieningStand[]> {
  voorzieningConfig(rt);
  const plannen = await gezinsplannenVoorClient(rt, bsn, []);
  const perPlan = await Promise.all(plannen.map((p) => voorzieningenVanGezinsplan(rt, p.identificatie)));
  return perPlan.flat().filter((v) => v.client.bsn === bsn);
}

/** The voorziening a deelplan is part of (its whole arrangement), read after a change. */
export async function voorzieningVan(rt: Runtime, deelplan: string): Promise<VoorzieningStand> {
  const d = await leesDeelplan(rt, deelplan);
  if (!d) throw FacadeError.notFound('Geen voorziening met dit deelplan');
  if (d.aanvraag.arrangement === undefined) return voorzieningenUit([d])[0]!;
  // the arrangement's other zaken are known only by their aanvraag documents: the gezinsplan's deelplannen tell
  const v = voorzieningenUit(await deelplannenVan(rt, d.aanvraag.aanvraag.gezinsplan, d)).find((x) => x.deelplannen.includes(deelplan));
  if (!v) throw FacadeError.notFound('Geen voorziening met dit deelplan');
  return v;
}

/** A voorziening by the identificatie the APIs show: checked first, and not found unless it is one. */
export function voorziening(rt: Runtime, identificatie: string): Promise<VoorzieningStand> {
  checked('Ongeldige voorziening', (c) => zaakIdentificatie(c, 'identificatie', identificatie));
  voorzieningConfig(rt);
  return voorzieningVan(rt, identificatie);
}
