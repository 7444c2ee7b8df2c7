import type { Status } from './zaak';

const volgnummerVan = (s: Status): number | undefined => {
  const v = s.statustype.volgnummer?.trim();
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
};

/**
 * The status history, oldest first. ZKN 3.10 (STT.volgnummer, ZAKSTT.datumStatusGezet) makes neither element
 * mandatory in an answer, and real zaaksystemen send statuses with only indicatieLaatsteStatus. So: by
 * statustype volgnummer when every status has one, else by datumStatusGezet when every status has one, else in
 * the order the zaaksysteem sent them. A partial key would make the order depend on the sort algorithm.
 */
export function statusHistorie(statussen: readonly Status[]): Status[] {
  if (statussen.every((s) => volgnummerVan(s) !== undefined)) {
    return [...statussen].sort((a, b) => volgnummerVan(a)! - volgnummerVan(b)!);
  }
  if (statussen.every((s) => s.datumStatusGezet !== undefined)) {
    return [...statussen].sort((a, b) => a.datumStatusGezet!.localeCompare(b.datumStatusGezet!));
  }
  return [...statussen];
}

/**
 * The current status: the one the zaaksysteem marks with indicatieLaatsteStatus J (ZKN 3.10 ZAKSTT), else the
 * last of the history.
 */
export function huidigeStatus(statussen: readonly Status[]): Status | undefined {
  return statussen.find((s) => s.indicatieLaatsteStatus === true) ?? statusHistorie(statussen).at(-1);
}
