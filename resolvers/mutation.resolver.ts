import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, Info, Mutation, Resolver } from 'type-graphql';
import type { Zaak as ZaakDomein } from '../src/core/domain/zaak';
import { planSoort } from '../src/core/usecases/plan-soort';
import { DeelplanInput, DocumentInput, GezinsplanInput, LevensdomeinplanInput, PlanWijzigingInput, SluitZaakInput, StatusInput } from '../schema/inputs/plan.input';
import { Deelplan, Gezinsplan, Levensdomeinplan, Zaak } from '../schema/types/zaak.type';
import { Document } from '../schema/types/zaakdetails.type';
import type { GraphqlContext } from './context';
import { documentInvoer, metDocumenten } from './document-invoer';
import { IDEMPOTENCY_KEY } from './idempotency-key.arg';
import { zaakVelden } from './selectie-scope';
import { documentView, zaakView, type ZaakView } from './views/zaak.view';

const VERSIE =
  'The versie of the zaak this change is based on (Zaak.versie, the ETag of REST): when the zaak changed since, PRECONDITION_FAILED and nothing is changed. Absent: no condition.';

/** A mutation's `versie` as the versions the use case requires (null: none). */
const versies = (versie: string | null | undefined): readonly string[] | undefined => (versie == null ? undefined : [versie]);

/** The arguments of updateGezinsplan, updateLevensdomeinplan and updateDeelplan (RZS §6.11-6.13). */
@ArgsType()
class PlanWijzigingArgs {
  @Field(() => String)
  identificatie!: string;

  @Field(() => PlanWijzigingInput)
  wijziging!: PlanWijzigingInput;

  @Field(() => String, { nullable: true, description: VERSIE })
  versie?: string | null;

  @Field(() => String, IDEMPOTENCY_KEY)
  idempotencyKey?: string | null;
}

/** The one body of the three plan changes: the mutation's name is the idempotency fingerprint's key. */
async function wijzigPlan(soort: 'gezinsplan' | 'levensdomeinplan' | 'deelplan', a: PlanWijzigingArgs, { uc, idempotent }: GraphqlContext, info: GraphQLResolveInfo): Promise<ZaakView> {
  const { identificatie: id, wijziging: w, versie } = a;
  const naam = `update${soort[0]!.toUpperCase()}${soort.slice(1)}`;
  return zaakView(await idempotent(a.idempotencyKey, { [naam]: { id, w, versie } }, () => uc.wijzigPlan(soort, id, w, zaakVelden(info), versies(versie))), soort);
}

/**
 * RZS §4/§6 mutations. Each answers with the zaak as read back from the zaaksysteem, with the StUF scope of
 * what the mutation's selection asks for. Each takes an idempotencyKey (issue 12 §2): a repeat answers the
 * first result, whatever its selection asks now.
 */
@Resolver()
export class MutationResolver {
  @Mutation(() => Gezinsplan)
  async createGezinsplan(@Arg('invoer', () => GezinsplanInput) invoer: GezinsplanInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    return zaakView(await idempotent(key, { createGezinsplan: invoer }, () => uc.createGezinsplan(metDocumenten(invoer), zaakVelden(info))), 'gezinsplan');
  }

  @Mutation(() => Levensdomeinplan)
  async createLevensdomeinplan(@Arg('invoer', () => LevensdomeinplanInput) invoer: LevensdomeinplanInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    return zaakView(await idempotent(key, { createLevensdomeinplan: invoer }, () => uc.createLevensdomeinplan(metDocumenten(invoer), zaakVelden(info))), 'levensdomeinplan');
  }

  @Mutation(() => Deelplan)
  async createDeelplan(@Arg('invoer', () => DeelplanInput) invoer: DeelplanInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    return zaakView(await idempotent(key, { createDeelplan: invoer }, () => uc.createDeelplan(metDocumenten(invoer), zaakVelden(info))), 'deelplan');
  }

  @Mutation(() => Zaak, { description: 'Link a zaak created in a backoffice to a gezinsplan (RZS §4.7); answers it as a Deelplan or Levensdomeinplan.' })
  async koppelZaakAanGezinsplan(
    @Arg('zaak', () => String) zaak: string,
    @Arg('gezinsplan', () => String) gezinsplan: string,
    @Arg('levensdomeinplan', () => String, { nullable: true }) levensdomeinplan: string | undefined,
    @Arg('versie', () => String, { nullable: true, description: `${VERSIE} (of the zaak that is linked)` }) versie: string | undefined,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined,
    @Ctx() { uc, idempotent }: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ZaakView> {
    const z = await idempotent(key, { koppelZaakAanGezinsplan: { zaak, gezinsplan, levensdomeinplan, versie } }, () =>
      uc.koppelZaakAanGezinsplan(zaak, gezinsplan, levensdomeinplan ?? undefined, [...zaakVelden(info), 'zaaktype'], versies(versie)),
    );
    return zaakView(z, soortVan(z, uc.config));
  }

  @Mutation(() => Gezinsplan)
  updateGezinsplan(@Args(() => PlanWijzigingArgs) a: PlanWijzigingArgs, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    return wijzigPlan('gezinsplan', a, ctx, info);
  }

  @Mutation(() => Levensdomeinplan)
  updateLevensdomeinplan(@Args(() => PlanWijzigingArgs) a: PlanWijzigingArgs, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    return wijzigPlan('levensdomeinplan', a, ctx, info);
  }

  @Mutation(() => Deelplan)
  updateDeelplan(@Args(() => PlanWijzigingArgs) a: PlanWijzigingArgs, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    return wijzigPlan('deelplan', a, ctx, info);
  }

  @Mutation(() => Zaak, { description: 'actualiseerZaakstatus' })
  async zetStatus(@Arg('zaak', () => String) zaak: string, @Arg('status', () => StatusInput) status: StatusInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    const z = await idempotent(key, { zetStatus: { zaak, status } }, () => uc.zetStatus(zaak, status, [...zaakVelden(info), 'zaaktype']));
    return zaakView(z, soortVan(z, uc.config));
  }

  @Mutation(() => Document, { description: 'genereerDocumentIdentificatie + voegZaakdocumentToe' })
  async voegDocumentToe(@Arg('zaak', () => String) zaak: string, @Arg('document', () => DocumentInput) document: DocumentInput, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext): Promise<Document> {
    return documentView(await idempotent(key, { voegDocumentToe: { zaak, document } }, () => uc.voegDocumentToe(zaak, documentInvoer(document, 'document'))));
  }

  @Mutation(() => Deelplan, { description: 'overdragenZaak to a backoffice application (RZS §4.4, §6.8)' })
  async overdragenDeelplan(@Arg('identificatie', () => String) id: string, @Arg('ontvanger', () => String, { description: 'StUF applicatie of the backoffice' }) ontvanger: string, @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined, @Ctx() { uc, idempotent }: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ZaakView> {
    return zaakView(await idempotent(key, { overdragenDeelplan: { id, ontvanger } }, () => uc.overdragenDeelplan(id, ontvanger, zaakVelden(info))), 'deelplan');
  }

  @Mutation(() => Zaak, { description: 'Close a zaak: einddatum and resultaat' })
  async sluitZaak(
    @Arg('zaak', () => String) zaak: string,
    @Arg('invoer', () => SluitZaakInput) invoer: SluitZaakInput,
    @Arg('versie', () => String, { nullable: true, description: VERSIE }) versie: string | undefined,
    @Arg('idempotencyKey', () => String, IDEMPOTENCY_KEY) key: string | null | undefined,
    @Ctx() { uc, idempotent }: GraphqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ZaakView> {
    const z = await idempotent(key, { sluitZaak: { zaak, invoer, versie } }, () => uc.sluitZaak(zaak, invoer, [...zaakVelden(info), 'zaaktype'], versies(versie)));
    return zaakView(z, soortVan(z, uc.config));
  }
}

/** Mutations on "any zaak" read the zaaktype back too, to answer with the right GraphQL type. */
const soortVan = (z: ZaakDomein, config: GraphqlContext['uc']['config']) => planSoort(z, config) ?? 'deelplan';
