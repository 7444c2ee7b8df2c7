import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printGraphqlSchema, SCHEMA_FILE } from '../../schema/write-schema';

describe('schema/schema.graphql', () => {
  it('is what the type-graphql classes produce (run `npm run schema:write` after changing them)', async () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(await printGraphqlSchema());
  });

  it('keeps the contract callers rely on', () => {
    const sdl = readFileSync(SCHEMA_FILE, 'utf8');
    for (const s of [
      'interface Zaak',
      'type Gezinsplan implements Zaak',
      'type Levensdomeinplan implements Zaak',
      'type Deelplan implements Zaak',
      'gezinsplan(identificatie: String!): Gezinsplan',
      'gezinsplannenVoorClient(bsn: String!): [Gezinsplan!]!',
      'heeftGezinsplan(alleenOpen: Boolean! = true, bsns: [String!]!): [HeeftGezinsplanAntwoord!]!',
      'deelplan(identificatie: String!): Deelplan',
      'geenWaarde: [GeenWaarde!]!',
      'createGezinsplan(idempotencyKey: String, invoer: GezinsplanInput!): Gezinsplan!',
      'opdracht(idempotencyKey: String!): Opdracht',
    ]) {
      expect(sdl).toContain(s);
    }
    // arguments added later are optional, so a caller that does not know them still fits (printed sorted by name)
    const args = (veld: string) => buildSchema(sdl).getMutationType()!.getFields()[veld]!.args.map((a) => `${a.name}: ${String(a.type)}`);
    expect(args('koppelZaakAanGezinsplan')).toEqual(['gezinsplan: String!', 'idempotencyKey: String', 'levensdomeinplan: String', 'versie: String', 'zaak: String!']);
    expect(args('updateGezinsplan')).toEqual(['idempotencyKey: String', 'identificatie: String!', 'versie: String', 'wijziging: PlanWijzigingInput!']);
  });
});
