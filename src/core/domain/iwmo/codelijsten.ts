/**
 * The iWmo 3.2 code lists a voorziening uses (informatiemodel.istandaarden.nl/informatiemodel/iwmo/3.2/codelijsten),
 * shipped as constants so that no run depends on reference files. Codes are text: "01" and "1" are different
 * codes, and each list keeps the width the standard gives it (WMO020 two digits, WMO757 one).
 */
export type Codelijst = 'WMO020' | 'WJ756' | 'WMO757' | 'WMO002' | 'WMO588' | 'WJ758' | 'WJ759' | 'WJ760';

interface Lijst {
  /** the list's name in the standard, for messages that name it */
  naam: string;
  codes: ReadonlyMap<string, string>;
}

const metCodes = (naam: string, codes: readonly (readonly [string, string])[]): Lijst => ({ naam, codes: new Map(codes) });

export const CODELIJSTEN: Readonly<Record<Codelijst, Lijst>> = {
  WMO020: metCodes('Productcategorie', [
    ['01', 'Hulp bij het huishouden'],
    ['02', 'Begeleiding'],
    ['03', 'Persoonlijke verzorging'],
    ['04', 'Kortdurend verblijf'],
    ['05', 'Woondiensten'],
    ['06', 'Overige ondersteuning gericht op het individu of huishouden/gezin'],
    ['07', 'Dagbesteding'],
    ['08', 'Vervoerdiensten'],
    ['09', 'Overige groepsgerichte ondersteuning'],
    ['10', 'Overige maatwerk arrangementen'],
    ['11', 'Rolstoelen'],
    ['12', 'Vervoervoorzieningen'],
    ['13', 'Woonvoorzieningen'],
    ['14', 'Overige hulpmiddelen'],
    ['15', 'Beschermd wonen'],
    ['16', 'Opvang'],
    ['17', 'Spoedopvang'],
    ['18', 'Overige beschermd wonen en opvang'],
  ]),
  WJ756: metCodes('Eenheid', [
    ['01', 'Minuut'],
    ['04', 'Uur'],
    ['14', 'Etmaal'],
    ['16', 'Dagdeel (4 uur)'],
    ['82', 'Stuks (output)'],
    ['83', "Euro's"],
    ['84', 'Stuks (inspanning)'],
  ]),
  WMO757: metCodes('Frequentie', [
    ['1', 'Per dag'],
    ['2', 'Per week'],
    ['4', 'Per maand'],
    ['6', 'Totaal binnen geldigheidsduur toewijzing'],
  ]),
  WMO002: metCodes('Reden wijziging toewijzing', [
    ['01', 'Administratieve correctie (vervallen)'],
    ['02', 'Cliënt overleden'],
    ['03', 'Contractwijziging'],
    ['04', 'Herbeoordeling: verlenging toewijzing'],
    ['05', 'Herbeoordeling: verkorting toewijzing'],
    ['06', 'Uitstroom naar ander domein'],
    ['07', 'Verhuizing naar een andere gemeente'],
    ['08', 'Wijziging leveringsvorm'],
    ['09', 'Overstap naar andere aanbieder'],
    ['10', 'Overgang naar nieuwe bekostigingssystematiek'],
    ['11', 'Gemeentelijke herindeling'],
    ['12', 'Geïnitieerd door de aanbieder'],
    ['13', 'Verwijderd'],
    ['14', 'Administratieve correctie'],
  ]),
  WMO588: metCodes('Reden beëindiging', [
    ['02', 'Overlijden'],
    ['19', 'Levering volgens plan beeindigd'],
    ['20', 'Levering is tijdelijk beeindigd'],
    ['21', 'Levering is eenzijdig door client beeindigd'],
    ['22', 'Levering is eenzijdig door aanbieder beeindigd'],
    ['23', 'Levering is in overeenstemming voortijdig beeindigd'],
    ['31', 'Verhuizing naar een andere gemeente'],
    ['36', 'Geinitieerd door de gemeente'],
    ['37', 'In verband met wijzigingsverzoek'],
    ['38', 'Overstap naar andere aanbieder'],
    ['39', 'Uitstroom naar ander domein'],
  ]),
  WJ758: metCodes('Reden verzoek', [
    ['1', 'Verandering clientsituatie'],
    ['2', 'Wijziging zorgplan'],
  ]),
  WJ759: metCodes('Reden afwijzing verzoek', [
    ['1', 'Geen wijziging, maar nieuwe aanvraag'],
    ['2', 'Past niet binnen budget'],
    ['3', 'Geen contract'],
    ['4', 'Past niet binnen contract'],
    ['5', 'Andere gemeente'],
    ['6', 'Stapeling'],
    ['7', 'Zorginhoudelijke afkeur'],
    ['8', 'Woonplaatsbeginsel'],
    ['9', 'Leeftijdsgrens is bereikt'],
  ]),
  WJ760: metCodes('Verzoek antwoord', [
    ['1', 'Verzoek afgewezen'],
    ['2', 'Aanvraag in onderzoek'],
  ]),
};

/** The omschrijving of a code in a list; undefined for a code the list does not have. */
export function omschrijvingVan(lijst: Codelijst, code: string): string | undefined {
  return CODELIJSTEN[lijst].codes.get(code);
}
