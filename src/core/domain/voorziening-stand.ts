import { valueOf } from './no-value';
import type { StufDate } from './stuf-date';
import type { Beschikking, OverdrachtAntwoord, OverdrachtStand, ProductAanvraag, ProductBesluit, VerzoekAntwoord, VoorzieningSignaal, VoorzieningStatus } from './voorziening';
import type { AanvraagDocument } from './voorziening-document';
import type { Status, Zaak } from './zaak';

/** One product of a voorziening as it stands: what was asked, and what the backoffice did with it. */
export interface ProductStand {
  /** its position in the request */
  index: number;
  /** the deelplan zaak that carries it */
  deelplan: string;
  aanvraag: ProductAanvraag;
  status: VoorzieningStatus;
  /** the technical feedback on its deelplan's overdracht */
  overdracht: { stand: OverdrachtStand; melding?: string };
  /** the beschikking's decision on it, once there is one */
  besluit?: ProductBesluit;
}

/** A request for one product or an arrangement, as one object whether it lives on one zaak or on several. */
export interface VoorzieningStand {
  /** the arrangement's shared reference, or the deelplan of a request on one zaak */
  identificatie: string;
  gezinsplan: string;
  client: { bsn: string };
  toelichting?: string;
  deelplannen: string[];
  status: VoorzieningStatus;
  /** geweigerd when any deelplan's overdracht was refused, verzonden while any awaits its answer */
  overdracht: OverdrachtStand;
  beschikking?: { beschikkingsnummer: string; beschikkingsdatum: StufDate };
  producten: ProductStand[];
  /** every deelplan's statuses, oldest first: the history the state was read from */
  historie: { deelplan: string; status: Status }[];
  signalen: SignaalStand[];
}

/** A backoffice's signal (herindicatie, verzoek om toewijzing) kept on a deelplan, with the regie's answer once given. */
export interface SignaalStand {
  deelplan: string;
  /** the signal's zaakdocument */
  document: string;
  signaal: VoorzieningSignaal;
  antwoord?: VerzoekAntwoord;
}

/** One deelplan of a voorziening as read: the zaak (statussen, einddatum), its aanvraag and its beschikking. */
export interface GelezenDeelplan {
  zaak: Zaak;
  aanvraag: AanvraagDocument;
  beschikking?: Beschikking;
  signalen: SignaalStand[];
  /** the backoffice's answer to the overdracht, when the facade has it */
  overdracht?: OverdrachtAntwoord;
}

const BEEINDIGD = /be[eë]indig/i;

/**
 * The functional state of one product (issue 15 §3): the beschikking decides toegekend or afgewezen; a granted
 * product whose zaak is closed or has a "beëindigd" status has ended. Before a beschikking, any status on the
 * deelplan means the backoffice took it up: the regie sets none (RZS §6.8: after the overdracht the zaak is the
 * backoffice's), so the first status is the backoffice's "in behandeling".
 */
function productStatus(d: GelezenDeelplan, besluit: ProductBesluit | undefined): VoorzieningStatus {
  const statussen = d.zaak.statussen ?? [];
  const beeindigd = valueOf(d.zaak.einddatum) !== undefined || statussen.some((s) => BEEINDIGD.test(s.statustype.omschrijving ?? ''));
  if (besluit?.besluit === 'afgewezen') return 'afgewezen';
  if (besluit?.besluit === 'toegekend') return beeindigd ? 'beeindigd' : 'toegekend';
  if (beeindigd) return 'beeindigd';
  return statussen.length > 0 ? 'in behandeling' : 'aangevraagd';
}

const VOLGORDE: readonly VoorzieningStatus[] = ['aangevraagd', 'in behandeling', 'toegekend', 'beeindigd', 'afgewezen'];

/** An arrangement is as far as its least advanced open product; once all are decided, granted if any was. */
function geheel(statussen: readonly VoorzieningStatus[]): VoorzieningStatus {
  const open = statussen.filter((s) => s === 'aangevraagd' || s === 'in behandeling');
  if (open.length > 0) return open.includes('aangevraagd') ? 'aangevraagd' : 'in behandeling';
  return VOLGORDE.slice(2).find((s) => statussen.includes(s)) ?? 'aangevraagd';
}

/**
 * The backoffice's answer decides; without one (not yet, or no longer in the facade's log) a status on the
 * deelplan shows the backoffice took the zaak up, which it does only after accepting it.
 */
function overdrachtVan(d: GelezenDeelplan): ProductStand['overdracht'] {
  if (d.overdracht) return d.overdracht.geaccepteerd ? { stand: 'geaccepteerd' } : { stand: 'geweigerd', ...(d.overdracht.melding ? { melding: d.overdracht.melding } : {}) };
  return { stand: (d.zaak.statussen ?? []).length > 0 ? 'geaccepteerd' : 'verzonden' };
}

const overdrachtGeheel = (standen: readonly OverdrachtStand[]): OverdrachtStand =>
  standen.includes('geweigerd') ? 'geweigerd' : standen.includes('verzonden') ? 'verzonden' : 'geaccepteerd';

const tijd = (s: Status): string => s.datumStatusGezet ?? '';

/** The deelplannen of one request (the same arrangement reference, or one zaak) as one voorziening. */
export function voorzieningStand(deelplannen: readonly GelezenDeelplan[]): VoorzieningStand {
  const eerste = deelplannen[0]!;
  const producten = deelplannen
    .flatMap((d) =>
      d.aanvraag.producten.map((p): ProductStand => {
        const besluit = d.beschikking?.besluiten.find((b) => b.product === p.index);
        return { index: p.index, deelplan: d.zaak.identificatie, aanvraag: p.aanvraag, status: productStatus(d, besluit), overdracht: overdrachtVan(d), ...(besluit ? { besluit } : {}) };
      }),
    )
    .sort((a, b) => a.index - b.index);
  const beschikking = deelplannen.find((d) => d.beschikking)?.beschikking;
  return {
    identificatie: eerste.aanvraag.arrangement ?? eerste.zaak.identificatie,
    gezinsplan: eerste.aanvraag.aanvraag.gezinsplan,
    client: eerste.aanvraag.aanvraag.client,
    ...(eerste.aanvraag.aanvraag.toelichting === undefined ? {} : { toelichting: eerste.aanvraag.aanvraag.toelichting }),
    deelplannen: deelplannen.map((d) => d.zaak.identificatie),
    status: geheel(producten.map((p) => p.status)),
    overdracht: overdrachtGeheel(producten.map((p) => p.overdracht.stand)),
    ...(beschikking ? { beschikking: { beschikkingsnummer: beschikking.beschikkingsnummer, beschikkingsdatum: beschikking.beschikkingsdatum } } : {}),
    producten,
    signalen: deelplannen.flatMap((d) => d.signalen),
    historie: deelplannen.flatMap((d) => (d.zaak.statussen ?? []).map((status) => ({ deelplan: d.zaak.identificatie, status }))).sort((a, b) => tijd(a.status).localeCompare(tijd(b.status))),
  };
}

/** Groups the deelplannen read into voorzieningen: by arrangement reference, else each on its own. */
export function voorzieningenUit(deelplannen: readonly GelezenDeelplan[]): VoorzieningStand[] {
  const groepen = new Map<string, GelezenDeelplan[]>();
  for (const d of deelplannen) {
    const sleutel = d.aanvraag.arrangement ?? d.zaak.identificatie;
    groepen.set(sleutel, [...(groepen.get(sleutel) ?? []), d]);
  }
  return [...groepen.values()].map(voorzieningStand);
}
