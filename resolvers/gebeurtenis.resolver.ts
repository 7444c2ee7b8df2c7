import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import { FacadeError } from '../src/core/domain/errors';
import { iwmoCode, productWeergave } from '../src/core/usecases/voorziening-weergave';
import type { Gebeurtenis, HerindicatieNodig, OverdrachtBevestigd, VerzoekOmToewijzing, ZaakGewijzigd } from '../src/platform/gebeurtenissen/gebeurtenis';
import type { AbonnementVraag } from '../src/platform/gebeurtenissen/gebeurtenis-abonnementen';
import { GebeurtenisStatus, HerindicatieNodigGebeurtenis, OverdrachtBevestigdGebeurtenis, VerzoekOmToewijzingGebeurtenis, ZaakGebeurtenis, ZaakGewijzigdGebeurtenis } from '../schema/types/gebeurtenis.type';
import type { GraphqlContext } from './context';

interface Filter {
  zaaktypen?: string[] | null;
  gezinsplan?: string | null;
  naId?: string | number | null;
}

/** An event id as a client passes it back: the decimal id of a logged event (ID arrives as a string or an int). */
function naId(v: Filter['naId']): number | undefined {
  if (v === undefined || v === null) return undefined;
  const s = String(v);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(s)) throw FacadeError.validation('naId is geen id van een gebeurtenis', [{ name: 'naId', reason: 'een id zoals de gebeurtenis het gaf' }]);
  return Number(s);
}

const volg =
  (soort: AbonnementVraag['soort']) =>
  ({ args, context }: { args: unknown; context: unknown }) => {
    const f = args as Filter;
    return (context as GraphqlContext).gebeurtenissen({
      soort,
      ...(f.zaaktypen ? { zaaktypen: f.zaaktypen } : {}),
      ...(f.gezinsplan != null ? { gezinsplan: f.gezinsplan } : {}),
      naId: naId(f.naId),
    });
  };

const ZAAKTYPEN = 'Only events of these zaaktype codes (of those the caller may see; another yields nothing)';
const GEZINSPLAN = 'Only events of zaken of this gezinsplan';
const NA_ID = 'Resume: every event after this id first, in order, then the live ones (schema/README.md, "Subscriptions")';
const tijdstip = (g: Gebeurtenis) => new Date(g.tijdstip).toISOString();

/** Issue 13 §3: what happens to zaken, as the event log tells it, for a caller who may read them (over graphql-ws). */
@Resolver()
export class GebeurtenisResolver {
  @Subscription(() => ZaakGewijzigdGebeurtenis, { subscribe: volg('zaak-gewijzigd'), description: 'A zaak the caller may read was created or changed' })
  zaakGewijzigd(
    @Root() g: Gebeurtenis<ZaakGewijzigd>,
    @Arg('zaaktypen', () => [String], { nullable: true, description: ZAAKTYPEN }) _zaaktypen?: string[],
    @Arg('gezinsplan', () => String, { nullable: true, description: GEZINSPLAN }) _gezinsplan?: string,
    @Arg('naId', () => ID, { nullable: true, description: NA_ID }) _naId?: string,
  ): ZaakGewijzigdGebeurtenis {
    const { zaak, zaaktype, gebeurtenis, status, gezinsplan } = g.inhoud;
    const soort = Object.entries(ZaakGebeurtenis).find(([, v]) => v === gebeurtenis)![1];
    const s: GebeurtenisStatus | undefined = status && { code: status.code, omschrijving: status.omschrijving, datumStatusGezet: status.datumStatusGezet };
    return { id: String(g.id), zaak, zaaktype, gebeurtenis: soort, status: s, gezinsplan, tijdstip: tijdstip(g) };
  }

  @Subscription(() => OverdrachtBevestigdGebeurtenis, { subscribe: volg('overdracht-bevestigd'), description: 'A backoffice answered the overdracht of a zaak the caller may read' })
  overdrachtBevestigd(
    @Root() g: Gebeurtenis<OverdrachtBevestigd>,
    @Arg('zaaktypen', () => [String], { nullable: true, description: ZAAKTYPEN }) _zaaktypen?: string[],
    @Arg('gezinsplan', () => String, { nullable: true, description: GEZINSPLAN }) _gezinsplan?: string,
    @Arg('naId', () => ID, { nullable: true, description: NA_ID }) _naId?: string,
  ): OverdrachtBevestigdGebeurtenis {
    const { zaak, zaaktype, gezinsplan, kenmerk, geaccepteerd, melding } = g.inhoud;
    return { id: String(g.id), zaak, zaaktype, gezinsplan, kenmerk, geaccepteerd, melding, tijdstip: tijdstip(g) };
  }

  @Subscription(() => HerindicatieNodigGebeurtenis, { subscribe: volg('herindicatie-nodig'), description: 'A backoffice signals that a voorziening the caller may read needs a herindicatie' })
  herindicatieNodig(
    @Root() g: Gebeurtenis<HerindicatieNodig>,
    @Arg('zaaktypen', () => [String], { nullable: true, description: ZAAKTYPEN }) _zaaktypen?: string[],
    @Arg('gezinsplan', () => String, { nullable: true, description: GEZINSPLAN }) _gezinsplan?: string,
    @Arg('naId', () => ID, { nullable: true, description: NA_ID }) _naId?: string,
  ): HerindicatieNodigGebeurtenis {
    const { zaak, zaaktype, gezinsplan, product, einddatum, document } = g.inhoud;
    return { id: String(g.id), zaak, zaaktype, gezinsplan, product: productWeergave(product), einddatum, document, tijdstip: tijdstip(g) };
  }

  @Subscription(() => VerzoekOmToewijzingGebeurtenis, { subscribe: volg('verzoek-om-toewijzing'), description: 'A backoffice asks for a toewijzing on a voorziening the caller may read' })
  verzoekOmToewijzing(
    @Root() g: Gebeurtenis<VerzoekOmToewijzing>,
    @Arg('zaaktypen', () => [String], { nullable: true, description: ZAAKTYPEN }) _zaaktypen?: string[],
    @Arg('gezinsplan', () => String, { nullable: true, description: GEZINSPLAN }) _gezinsplan?: string,
    @Arg('naId', () => ID, { nullable: true, description: NA_ID }) _naId?: string,
  ): VerzoekOmToewijzingGebeurtenis {
    const { zaak, zaaktype, gezinsplan, product, reden, document } = g.inhoud;
    return { id: String(g.id), zaak, zaaktype, gezinsplan, product: productWeergave(product), reden: iwmoCode('WJ758', reden), document, tijdstip: tijdstip(g) };
  }
}
