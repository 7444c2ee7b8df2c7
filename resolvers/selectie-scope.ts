import { getDirectiveValues, GraphQLIncludeDirective, GraphQLSkipDirective, Kind, type GraphQLResolveInfo, type SelectionNode, type SelectionSetNode } from 'graphql';
import type { ZaakVeld } from '../src/core/domain/zaak';

/**
 * Which StUF zaak velden a GraphQL field of a Zaak type needs (StUF scope, ZDS 1.2 §4 / StUF 03.01 §5.3).
 * Fields served by other StUF questions (documenten, deelplannen, levensdomeinplannen) or derived from
 * others (geenWaarde) need none; identificatie is always in scope.
 */
const VELD_VAN_FIELD: Readonly<Record<string, ZaakVeld>> = {
  omschrijving: 'omschrijving',
  toelichting: 'toelichting',
  zaaktype: 'zaaktype',
  startdatum: 'startdatum',
  registratiedatum: 'registratiedatum',
  einddatumGepland: 'einddatumGepland',
  uiterlijkeEinddatum: 'uiterlijkeEinddatum',
  einddatum: 'einddatum',
  open: 'einddatum',
  resultaat: 'resultaat',
  regisseur: 'initiator',
  initiator: 'initiator',
  clients: 'clients',
  belanghebbenden: 'belanghebbenden',
  uitvoerenden: 'uitvoerenden',
  statussen: 'statussen',
  gezinsplan: 'gerelateerdeZaken',
  levensdomeinplan: 'gerelateerdeZaken',
  kenmerken: 'kenmerken',
  opschorting: 'opschorting',
  verlenging: 'verlenging',
  archiefnominatie: 'archiefnominatie',
  datumVernietigingDossier: 'datumVernietigingDossier',
  zaakniveau: 'zaakniveau',
  deelzakenIndicatie: 'deelzakenIndicatie',
  verantwoordelijken: 'verantwoordelijken',
  overigeBetrokkenen: 'overigeBetrokkenen',
  deelzaken: 'deelzaken',
  hoofdzaken: 'hoofdzaken',
  besluiten: 'besluiten',
};

function included(node: SelectionNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The names of the fields selected directly under the current field, through fragments, honouring @skip/@include. */
export function geselecteerdeVelden(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (!included(s, info.variableValues)) continue;
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet);
      else visit(info.fragments[s.name.value]?.selectionSet);
    }
  };
  info.fieldNodes.forEach((n) => visit(n.selectionSet));
  return names;
}

/** The StUF scope for the zaak (or list of zaken) the current field returns: exactly what is selected. */
export function zaakVelden(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues'>): ZaakVeld[] {
  const velden = new Set<ZaakVeld>();
  for (const f of geselecteerdeVelden(info)) {
    const v = VELD_VAN_FIELD[f];
    if (v) velden.add(v);
  }
  return [...velden];
}
