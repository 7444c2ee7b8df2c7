/**
 * The GraphQL documents the benchmarks send. The detail query selects what REST GET /api/v1/gezinsplannen/{id}
 * returns (every zaak field except statussen, and no nested plans or documents), so both ask the same resource.
 */
const PERSOON = 'bsn geslachtsnaam voorvoegselGeslachtsnaam voorletters voornamen geboortedatum';

export const GEZINSPLAN_DETAIL = `query Gezinsplan($id: String!) {
  gezinsplan(identificatie: $id) {
    identificatie omschrijving toelichting open
    zaaktype { code omschrijving }
    startdatum registratiedatum einddatumGepland uiterlijkeEinddatum einddatum
    resultaat { omschrijving toelichting }
    regisseur { identificatie achternaam voorletters }
    clients { ${PERSOON} }
    belanghebbenden { ${PERSOON} omschrijving }
    uitvoerenden { omschrijving medewerker { identificatie achternaam voorletters } vestiging { vestigingsNummer handelsnaam } }
  }
}`;

export const HEEFT_GEZINSPLAN = `query Dashboard($bsns: [String!]!) {
  heeftGezinsplan(bsns: $bsns) { bsn heeftGezinsplan }
}`;

export const graphqlBody = (query: string, variables: Record<string, unknown>): string => JSON.stringify({ query, variables });
