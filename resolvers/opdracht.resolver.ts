import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Opdracht, OpdrachtToestand } from '../schema/types/opdracht.type';
import type { GraphqlContext } from './context';

const TOESTAND = { bezig: OpdrachtToestand.BEZIG, klaar: OpdrachtToestand.KLAAR, mislukt: OpdrachtToestand.MISLUKT, onbekend: OpdrachtToestand.ONBEKEND } as const;

/** The state of a mutation by its idempotencyKey (issue 12 §7). */
@Resolver()
export class OpdrachtResolver {
  @Query(() => Opdracht, { nullable: true, description: 'A mutation by its idempotencyKey; null when the caller\'s applicatie has no such key (or it expired).' })
  async opdracht(@Arg('idempotencyKey', () => String) sleutel: string, @Ctx() { opdracht }: GraphqlContext): Promise<Opdracht | null> {
    const o = await opdracht(sleutel);
    if (!o) return null;
    return {
      idempotencyKey: o.sleutel,
      toestand: TOESTAND[o.toestand],
      ...(o.status !== undefined ? { status: o.status } : {}),
      aangemaaktOp: new Date(o.aangemaaktOp).toISOString(),
      verlooptOp: new Date(o.verlooptOp).toISOString(),
    };
  }
}
