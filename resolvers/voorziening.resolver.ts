import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { voorzieningWeergave, type VoorzieningWeergave } from '../src/core/usecases/voorziening-weergave';
import { VerzoekAntwoordInput, VoorzieningAanvraagInput } from '../schema/inputs/voorziening.input';
import { Voorziening } from '../schema/types/voorziening.type';
import type { GraphqlContext } from './context';
import { IDEMPOTENCY_KEY } from './idempotency-key.arg';

/** Voorzieningen between regie and backoffice (seed 004); each answers with the voorziening as the zaaksysteem now holds it. */
@Resolver()
export class VoorzieningResolver {
  @Query(() => Voorziening, { description: 'A voorziening by its identificatie or any of its deelplannen, with its state and history' })
  async voorziening(@Arg('identificatie', () => String) identificatie: string, @Ctx() { uc }: GraphqlContext): Promise<VoorzieningWeergave> {
    return voorzieningWeergave(await uc.voorziening(identificatie));
  }

  @Query(() => [Voorziening], { description: "A gezinsplan's voorzieningen, each request (one product or an arrangement) once." })
  async voorzieningenVanGezinsplan(@Arg('gezinsplan', () => String) gezinsplan: string, @Ctx() { uc }: GraphqlContext): Promise<VoorzieningWeergave[]> {
    return (await uc.voorzieningenVanGezinsplan(gezinsplan)).map(voorzieningWeergave);
  }

  @Query(() => [Voorziening], { description: "A client's voorzieningen over all the gezinsplannen the client is in." })
  async voorzieningenVanClient(@Arg('bsn', () => String) bsn: string, @Ctx() { uc }: GraphqlContext): Promise<VoorzieningWeergave[]> {
    return (await uc.voorzieningenVanClient(bsn)).map(voorzieningWeergave);
  }

  @Mutation(() => Voorziening, { description: 'Requests one product or an arrangement at the backoffice: deelplan(nen), the request as zaakdocumenten (JSON and iWmo-301-shaped XML), overdragenZaak.' })
  async vraagVoorzieningAan(@Arg('invoer', () => VoorzieningAanvraagInput) invoer: VoorzieningAanvraagInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext): Promise<VoorzieningWeergave> {
    return voorzieningWeergave(await idempotent(key, { vraagVoorzieningAan: invoer }, () => uc.vraagVoorzieningAan(invoer)));
  }

  @Mutation(() => Voorziening, { description: "Answers a backoffice's verzoek om toewijzing (the signal's document) of a deelplan." })
  async beantwoordVerzoekOmToewijzing(
    @Arg('deelplan', () => String) deelplan: string,
    @Arg('verzoek', () => String) verzoek: string,
    @Arg('antwoord', () => VerzoekAntwoordInput) antwoord: VerzoekAntwoordInput,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined,
    @Ctx() { uc, idempotent }: GraphqlContext,
  ): Promise<VoorzieningWeergave> {
    return voorzieningWeergave(await idempotent(key, { beantwoordVerzoekOmToewijzing: { deelplan, verzoek, antwoord } }, () => uc.beantwoordVerzoekOmToewijzing(deelplan, verzoek, antwoord)));
  }
}
