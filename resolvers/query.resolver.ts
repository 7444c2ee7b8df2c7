import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Deelplan, Gezinsplan, Levensdomeinplan, Zaak } from '../schema/types/zaak.type';
import { HeeftGezinsplanAntwoord, IndexStandView } from '../schema/types/zaakdetails.type';
import type { GraphqlContext } from './context';
import { zaakVelden } from './selectie-scope';
import { zaakView, type ZaakView } from './views/zaak.view';

const view = (soort: ZaakView['soort']) => (z: Parameters<typeof zaakView>[0] | null) => (z ? zaakView(z, soort) : null);

@Resolver()
export class QueryResolver {
  @Query(() => Zaak, {
    nullable: true,
    description: 'Any zaak by zaakidentificatie, whatever its zaaktype: typed as the plan it is, else OverigeZaak; null when there is none.',
  })
  async zaak(@Arg('identificatie', () => String) id: string, @Ctx() { uc }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView | null> {
    const gelezen = await uc.zaakMetSoort(id, zaakVelden(info));
    return gelezen && zaakView(gelezen.zaak, gelezen.soort ?? 'overig');
  }

  @Query(() => Gezinsplan, { nullable: true, description: 'A gezinsplan by zaakidentificatie; null when there is none.' })
  async gezinsplan(@Arg('identificatie', () => String) id: string, @Ctx() { uc }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView | null> {
    return view('gezinsplan')(await uc.gezinsplan(id, zaakVelden(info)));
  }

  @Query(() => Levensdomeinplan, { nullable: true })
  async levensdomeinplan(@Arg('identificatie', () => String) id: string, @Ctx() { uc }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView | null> {
    return view('levensdomeinplan')(await uc.levensdomeinplan(id, zaakVelden(info)));
  }

  @Query(() => Deelplan, { nullable: true, description: 'A deelplan: any zaak that is not a gezinsplan or levensdomeinplan.' })
  async deelplan(@Arg('identificatie', () => String) id: string, @Ctx() { uc }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView | null> {
    return view('deelplan')(await uc.deelplan(id, zaakVelden(info)));
  }

  @Query(() => [Gezinsplan], { description: 'The gezinsplannen in which this person is a client.' })
  async gezinsplannenVoorClient(@Arg('bsn', () => String) bsn: string, @Ctx() { uc }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView[]> {
    return (await uc.gezinsplannenVoorClient(bsn, zaakVelden(info))).map((z) => zaakView(z, 'gezinsplan'));
  }

  @Query(() => [HeeftGezinsplanAntwoord], {
    description: 'Per BSN (at most 1,000 per call) whether a gezinsplan exists: only open ones (default) or any.',
  })
  heeftGezinsplan(
    @Arg('bsns', () => [String]) bsns: string[],
    @Arg('alleenOpen', () => Boolean, { defaultValue: true }) alleenOpen: boolean,
    @Ctx() { uc }: GraphqlContext,
  ): Promise<HeeftGezinsplanAntwoord[]> {
    return uc.heeftGezinsplan(bsns, alleenOpen);
  }

  @Query(() => IndexStandView, {
    nullable: true,
    description: 'The dashboard index heeftGezinsplan answers from when fresh: state, last sync, size, age, lag; null when the facade keeps none. For whoever may ask heeftGezinsplan.',
  })
  gezinsplanIndex(@Ctx() { uc }: GraphqlContext): Promise<IndexStandView | null> {
    return uc.indexStand();
  }
}
