import { setTimeout as sleep } from 'node:timers/promises';
import { encodeOverdragenZaakDu01, type OntvangenOverdracht } from '../../../soap-clients/overdracht/overdragen-zaak.mapper';
import type { EndpointUrls } from '../../../soap-clients/provider/endpoints';
import type { Dialect } from '../../../soap-clients/stuf/operations';
import { RECEIVED_OPERATIONS } from '../../../soap-clients/stuf/received-operations';
import { stufTijdstip } from '../../../soap-clients/stuf/stuurgegevens';
import { verstuurEigenBericht, type Bestemming } from '../../../soap-clients/transport/eigen-bericht';
import { FacadeError } from '../../core/domain/errors';
import { fullDate } from '../../core/domain/stuf-date';
import type { Beschikking, VoorzieningSignaal } from '../../core/domain/voorziening';
import { beschikkingNaarJson, type AanvraagDocument } from '../../core/domain/voorziening-document';
import type { Statustype } from '../../core/domain/zaak';
import { VOORZIENING_RESULTAATTYPEN, VOORZIENING_STATUSTYPEN } from '../demo/demo-data';
import type { BackofficeConfig } from './backoffice-config';
import { beslis, weigering } from './beslisregels';
import { signaleer } from './signaal';
import { BACKOFFICE_CONTEXT, verbindAlsBackoffice, WMO_BACKOFFICE, type BackofficeVerbinding } from './verbinding';
import { leesAanvraag, voegJsonToe } from './voorziening-documenten';

/** The Wmo-consulent the backoffice sets its statuses as. */
const CONSULENT = { identificatie: 'WMO-0042', achternaam: 'Jansen' };
/** RZS melding: StUF Melding is at most 250 characters */
const MELDING_MAX = 250;

/** What the aanvraag says of itself is final: reading it again gives the same. Anything else may pass. */
const definitief = (e: unknown): boolean => e instanceof FacadeError && (e.code === 'BACKEND_PROTOCOL' || e.code === 'VALIDATION_FAILED' || e.code === 'NOT_FOUND');

/**
 * The Wmo backoffice double (issue 15 §5, seed 004), run beside the embedded zaaksysteem. For every overdragenZaak
 * addressed to WMO-BACKOFFICE it reads the aanvraag document, answers the regie with overdragenZaak_Du01 (RZS
 * §6.8.4: accepted, or refused with a melding), and after `vertragingMs` takes the zaak up ('In behandeling'),
 * decides by its rules, attaches the beschikking, sets 'Besloten' and the resultaat. After a grant it may signal a
 * herindicatie or a verzoek om toewijzing. Every write goes over SOAP under its own zender, so the
 * abonnementenbeheer notifies the regie of each as of any backoffice change.
 *
 * All of it runs after the SOAP handler has answered. A step that fails is logged (zaak identificatie and
 * cause, never a BSN) and tried again a few times; nothing of it reaches the zaaksysteem's own requests.
 */
export class Backoffice {
  private readonly v: BackofficeVerbinding;
  private readonly lopend = new Set<Promise<void>>();
  private readonly gepland = new Set<NodeJS.Timeout>();
  private gestopt = false;
  private regie: Bestemming | undefined;

  constructor(
    endpoints: Readonly<Record<Dialect, EndpointUrls>>,
    private readonly config: BackofficeConfig,
    private readonly log: (melding: string) => void = (m) => process.emitWarning(m),
  ) {
    this.v = verbindAlsBackoffice(endpoints);
    this.regie = config.regie;
  }

  /** Where the Du01 go from now on (npm start: the facade's inbound endpoint, once it listens). */
  antwoordAan(regie: Bestemming): void {
    this.regie = regie;
  }

  /** After the zaaksysteem recorded an overdracht (operations/overdracht.ts): the work is queued, never done in the handler. */
  opOverdracht(o: OntvangenOverdracht): void {
    if (o.verzoek.ontvanger === WMO_BACKOFFICE.applicatie) this.later(0, o.verzoek.identificatie, () => this.neemAan(o));
  }

  /** Waits for the work in progress; what was only planned (a decision, a signal) is dropped and logged. */
  async stop(): Promise<void> {
    this.gestopt = true;
    for (const t of this.gepland) clearTimeout(t);
    if (this.gepland.size > 0) this.log(`backoffice: ${this.gepland.size} geplande stap(pen) niet meer uitgevoerd`);
    this.gepland.clear();
    while (this.lopend.size > 0) await Promise.all([...this.lopend]);
    await this.v.close();
  }

  private later(ms: number, zaak: string, werk: () => Promise<void>): void {
    if (this.gestopt) return void this.log(`backoffice: zaak ${zaak}: gestopt, stap niet uitgevoerd`);
    const t = setTimeout(() => {
      this.gepland.delete(t);
      const p: Promise<void> = werk()
        .catch((e: unknown) => this.log(`backoffice: zaak ${zaak}: opgegeven: ${(e as Error).message}`))
        .finally(() => this.lopend.delete(p));
      this.lopend.add(p);
    }, ms);
    this.gepland.add(t);
  }

  /** One step, tried `pogingen` times with doubling waits; a final fault (definitief) at once. */
  private async stap<T>(zaak: string, wat: string, f: () => Promise<T>): Promise<T> {
    for (let poging = 1; ; poging++) {
      try {
        return await f();
      } catch (e) {
        if (poging >= this.config.pogingen || this.gestopt || definitief(e)) throw e;
        this.log(`backoffice: zaak ${zaak}: ${wat} mislukt (poging ${poging}), opnieuw: ${(e as Error).message}`);
        await sleep(this.config.wachtMs * 2 ** (poging - 1));
      }
    }
  }

  /** The technical feedback (RZS §6.8.4), then the decision after the configured wait. */
  private async neemAan(o: OntvangenOverdracht): Promise<void> {
    const zaak = o.verzoek.identificatie;
    let aanvraag: AanvraagDocument | undefined;
    let melding: string | undefined;
    try {
      aanvraag = await this.stap(zaak, 'aanvraag lezen', () => leesAanvraag(this.v, zaak));
      melding = weigering(aanvraag, this.config);
    } catch (e) {
      if (!definitief(e)) throw e;
      melding = `aanvraag niet te verwerken: ${(e as Error).message}`;
    }
    await this.stap(zaak, 'antwoord op de overdracht', () => this.antwoord(o, melding));
    if (melding === undefined && aanvraag) {
      const a = aanvraag;
      this.later(this.config.vertragingMs, zaak, () => this.besluit(zaak, a));
    }
  }

  private async antwoord(o: OntvangenOverdracht, melding: string | undefined): Promise<void> {
    if (!this.regie) throw new Error('nog geen regie om het antwoord op de overdracht aan te sturen');
    const bericht = encodeOverdragenZaakDu01(o, melding === undefined, melding === undefined ? [] : [melding.slice(0, MELDING_MAX)]);
    await verstuurEigenBericht(this.regie, RECEIVED_OPERATIONS.bevestigOverdragenZaak.bindings[o.dialect].soapAction, bericht);
  }

  private status(zaak: string, statustype: Statustype): Promise<void> {
    return this.stap(zaak, `status ${statustype.omschrijving}`, () =>
      this.v.zaken.actualiseerZaakstatus(BACKOFFICE_CONTEXT, zaak, { statustype, datumStatusGezet: stufTijdstip(), gezetDoor: CONSULENT }),
    );
  }

  /** In behandeling, the beschikking, Besloten and the resultaat; then the configured signals after a grant. */
  private async besluit(zaak: string, aanvraag: AanvraagDocument): Promise<void> {
    await this.status(zaak, VOORZIENING_STATUSTYPEN.inBehandeling);
    const beschikking = beslis(zaak, aanvraag, this.config, fullDate(new Date().toISOString().slice(0, 10)));
    await this.stap(zaak, 'beschikking', () => voegJsonToe(this.v, zaak, 'beschikking', beschikkingNaarJson(beschikking)));
    await this.status(zaak, VOORZIENING_STATUSTYPEN.besloten);
    const toegekend = beschikking.besluiten.some((b) => b.besluit === 'toegekend');
    const resultaat = toegekend ? VOORZIENING_RESULTAATTYPEN.toegekend : VOORZIENING_RESULTAATTYPEN.afgewezen;
    await this.stap(zaak, 'resultaat', () => this.v.zaken.updateZaak(BACKOFFICE_CONTEXT, zaak, { resultaat: { omschrijving: resultaat } }));
    if (toegekend) this.planSignalen(zaak, aanvraag, beschikking);
  }

  /** The configured signals about the first granted product (seed 004 scenarios 6 and 7). */
  private planSignalen(zaak: string, aanvraag: AanvraagDocument, beschikking: Beschikking): void {
    const besluit = beschikking.besluiten.find((b) => b.besluit === 'toegekend')!;
    const p = aanvraag.producten.find((x) => x.index === besluit.product)!.aanvraag;
    const { herindicatieNaMs, verzoekNaMs } = this.config.signalen;
    const signaal = (s: VoorzieningSignaal) => () => this.stap(zaak, `signaal ${s.soort}`, () => signaleer(this.v, zaak, s)).then(() => undefined);
    if (herindicatieNaMs !== undefined) {
      const einddatum = besluit.einddatum ?? p.einddatum;
      this.later(herindicatieNaMs, zaak, signaal({ soort: 'herindicatie', product: p.product, ...(einddatum ? { einddatum } : {}), toelichting: 'De toewijzing loopt af: herindicatie nodig' }));
    }
    if (verzoekNaMs !== undefined) {
      // WJ758 1: verandering clientsituatie
      this.later(verzoekNaMs, zaak, signaal({ soort: 'verzoek-om-toewijzing', product: p.product, reden: '1', ...(p.omvang ? { omvang: p.omvang } : {}), toelichting: 'De aanbieder vraagt om meer ondersteuning' }));
    }
  }
}
