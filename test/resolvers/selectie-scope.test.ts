import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { zaakVelden } from '../../resolvers/selectie-scope';

/** The resolve info of the first root field of `query`, as graphql-js hands it to a resolver. */
function infoVan(query: string, variableValues: Record<string, unknown> = {}) {
  const doc = parse(query);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments, variableValues };
}

describe('zaakVelden: the StUF scope of a selection', () => {
  it('maps selected fields to zaak velden, and nothing else', () => {
    expect(zaakVelden(infoVan('{ gezinsplan { identificatie omschrijving regisseur { achternaam } clients { bsn } geenWaarde { veld } } }'))).toEqual([
      'omschrijving',
      'initiator',
      'clients',
    ]);
  });

  it('asks for each dossier field and extra relation only when it is selected', () => {
    expect(zaakVelden(infoVan('{ zaak { kenmerken { bron } besluiten { identificatie } } }'))).toEqual(['kenmerken', 'besluiten']);
    expect(
      zaakVelden(
        infoVan(`{ zaak { opschorting { reden } verlenging { duur } archiefnominatie datumVernietigingDossier zaakniveau deelzakenIndicatie
          verantwoordelijken { omschrijving } overigeBetrokkenen { omschrijving } deelzaken { identificatie } hoofdzaken { identificatie } } }`),
      ),
    ).toEqual([
      'opschorting',
      'verlenging',
      'archiefnominatie',
      'datumVernietigingDossier',
      'zaakniveau',
      'deelzakenIndicatie',
      'verantwoordelijken',
      'overigeBetrokkenen',
      'deelzaken',
      'hoofdzaken',
    ]);
  });

  it('needs no veld for fields served by other questions', () => {
    expect(zaakVelden(infoVan('{ gezinsplan { identificatie deelplannen { omschrijving } levensdomeinplannen { identificatie } documenten { titel } } }'))).toEqual([]);
  });

  it('open needs einddatum; the plan a zaak belongs to needs its relations', () => {
    expect(zaakVelden(infoVan('{ deelplan { open gezinsplan { identificatie } levensdomeinplan { identificatie } } }'))).toEqual(['einddatum', 'gerelateerdeZaken']);
  });

  it('follows fragments and inline fragments and honours @skip/@include', () => {
    const q = `query($a: Boolean!) { zaak { ...f ... on Gezinsplan { statussen { datumStatusGezet } } toelichting @skip(if: $a) startdatum @include(if: $a) } }
      fragment f on Zaak { resultaat { omschrijving } uitvoerenden { omschrijving } }`;
    expect(zaakVelden(infoVan(q, { a: true }))).toEqual(['resultaat', 'uitvoerenden', 'statussen', 'startdatum']);
    expect(zaakVelden(infoVan(q, { a: false }))).toEqual(['resultaat', 'uitvoerenden', 'statussen', 'toelichting']);
  });

  it('merges the selections of one field asked twice (same response key)', () => {
    const doc = parse('{ g { omschrijving } g { belanghebbenden { bsn } } }');
    const op = doc.definitions[0] as OperationDefinitionNode;
    expect(zaakVelden({ fieldNodes: op.selectionSet.selections as FieldNode[], fragments: {}, variableValues: {} })).toEqual(['omschrijving', 'belanghebbenden']);
  });
});
