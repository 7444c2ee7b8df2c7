import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root, type ClassType } from 'type-graphql';
import { Deelplan, Gezinsplan, Levensdomeinplan, OverigeZaak } from '../schema/types/zaak.type';
import { Document, Status } from '../schema/types/zaakdetails.type';
import type { GraphqlContext } from './context';
import { zaakVelden } from './selectie-scope';
import { documentView, statusView, zaakView, type ZaakView } from './views/zaak.view';

/**
 * Fields every zaak type resolves the same way. Statussen come with the zaak when selected (scope `heeft`),
 * so they cost no extra call; only a zaak read without them falls back to geefZaakstatus. Every list read with
 * a question of its own is nullable, so that its failure is an error on that field and the zaak stays.
 */
function zaakVeldenResolver<T extends ClassType>(type: T) {
  @Resolver(() => type)
  class ZaakVeldenResolver {
    @FieldResolver(() => [Status], { nullable: true })
    async statussen(@Root() zaak: ZaakView, @Ctx() { uc }: GraphqlContext): Promise<Status[]> {
      return (zaak.bron.statussen ?? (await uc.statussen(zaak.identificatie))).map(statusView);
    }

    @FieldResolver(() => String, { nullable: true })
    versie(@Root() zaak: ZaakView, @Ctx() { uc }: GraphqlContext): Promise<string> {
      return uc.versie(zaak.identificatie);
    }

    @FieldResolver(() => [Document], { nullable: true })
    async documenten(@Root() zaak: ZaakView, @Ctx() { uc }: GraphqlContext): Promise<Document[]> {
      return (await uc.documenten(zaak.identificatie)).map(documentView);
    }
  }
  return ZaakVeldenResolver;
}

export const GezinsplanVeldenResolver = zaakVeldenResolver(Gezinsplan);
export const LevensdomeinplanVeldenResolver = zaakVeldenResolver(Levensdomeinplan);
export const DeelplanVeldenResolver = zaakVeldenResolver(Deelplan);
export const OverigeZaakVeldenResolver = zaakVeldenResolver(OverigeZaak);

/** The plan of `soort` this zaak relates to (heeftBetrekkingOpAndere), checked against the zaaksysteem. */
async function gerelateerdPlan(zaak: ZaakView, soort: 'gezinsplan' | 'levensdomeinplan', { uc }: GraphqlContext, info: GraphQLResolveInfo): Promise<ZaakView | null> {
  const code = uc.config.zaaktypen[soort].code;
  const kandidaten = (zaak.bron.gerelateerdeZaken ?? []).filter((r) => r.zaaktype === undefined || r.zaaktype.code === code);
  for (const r of kandidaten) {
    const plan = await (soort === 'gezinsplan' ? uc.gezinsplan : uc.levensdomeinplan)(r.identificatie, zaakVelden(info));
    if (plan) return zaakView(plan, soort);
  }
  return null;
}

/** The deelplannen related to a gezinsplan or levensdomeinplan, with the scope of their selection. */
const deelplannenVan = async (plan: ZaakView, { uc }: GraphqlContext, info: GraphQLResolveInfo): Promise<ZaakView[]> =>
  (await uc.deelplannenVan(plan.identificatie, zaakVelden(info))).map((z) => zaakView(z, 'deelplan'));

@Resolver(() => Gezinsplan)
export class GezinsplanResolver {
  @FieldResolver(() => [Levensdomeinplan], { nullable: true })
  async levensdomeinplannen(@Root() gzp: ZaakView, @Ctx() { uc }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView[]> {
    return (await uc.levensdomeinplannenVan(gzp.identificatie, zaakVelden(info))).map((z) => zaakView(z, 'levensdomeinplan'));
  }

  @FieldResolver(() => [Deelplan], { nullable: true })
  deelplannen(@Root() gzp: ZaakView, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView[]> {
    return deelplannenVan(gzp, ctx, info);
  }
}

@Resolver(() => Levensdomeinplan)
export class LevensdomeinplanResolver {
  @FieldResolver(() => Gezinsplan, { nullable: true })
  gezinsplan(@Root() ldp: ZaakView, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView | null> {
    return gerelateerdPlan(ldp, 'gezinsplan', ctx, info);
  }

  @FieldResolver(() => [Deelplan], { nullable: true })
  deelplannen(@Root() ldp: ZaakView, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView[]> {
    return deelplannenVan(ldp, ctx, info);
  }
}

@Resolver(() => Deelplan)
export class DeelplanResolver {
  @FieldResolver(() => Gezinsplan, { nullable: true })
  gezinsplan(@Root() dp: ZaakView, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView | null> {
    return gerelateerdPlan(dp, 'gezinsplan', ctx, info);
  }

  @FieldResolver(() => Levensdomeinplan, { nullable: true })
  levensdomeinplan(@Root() dp: ZaakView, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView | null> {
    return gerelateerdPlan(dp, 'levensdomeinplan', ctx, info);
  }
}
