import type { Gebeurtenis, RzsGebeurtenis } from '../gebeurtenissen/gebeurtenis';

/**
 * A delivery's body, in the shape of the ZGW Notificaties API (`kanaal`, `hoofdObject`, `resource`,
 * `resourceUrl`, `actie`, `aanmaakdatum`, `kenmerken`), plus `id`: the event's id in the log as a string, the
 * same on every attempt and every redelivery, for the receiver to de-duplicate on (it is also `webhook-id`).
 * The URLs are the facade's REST resources; a notification names the zaak and never a person: whoever needs
 * more reads it under its own token.
 */
export interface Notificatie {
  id: string;
  kanaal: 'zaken';
  hoofdObject: string;
  resource: 'zaak' | 'status' | 'zaakdocument' | 'overdracht' | 'voorziening';
  resourceUrl: string;
  actie: 'create' | 'update' | 'partial_update';
  aanmaakdatum: string;
  kenmerken: Record<string, string | boolean>;
}

/** Per RZS Gebeurtenis (§6.9.2): which resource changed how, and its path below the zaak. */
const PER_GEBEURTENIS: Record<RzsGebeurtenis, { resource: Notificatie['resource']; actie: Notificatie['actie']; pad: string }> = {
  'Creeer zaak': { resource: 'zaak', actie: 'create', pad: '' },
  'Update zaak': { resource: 'zaak', actie: 'partial_update', pad: '' },
  'Actualiseer zaakstatus': { resource: 'status', actie: 'create', pad: '/statussen' },
  'Voeg zaakdocument toe': { resource: 'zaakdocument', actie: 'create', pad: '/documenten' },
  'Update zaakdocument': { resource: 'zaakdocument', actie: 'update', pad: '/documenten' },
};

export function notificatie(g: Gebeurtenis, basisUrl: string): Notificatie {
  const i = g.inhoud;
  const zaakUrl = `${basisUrl}/api/v1/zaken/${encodeURIComponent(i.zaak)}`;
  const kenmerken: Record<string, string | boolean> = { zaaktype: i.zaaktype, ...(i.gezinsplan !== undefined ? { gezinsplan: i.gezinsplan } : {}) };
  const basis = { id: String(g.id), kanaal: 'zaken' as const, hoofdObject: zaakUrl, aanmaakdatum: new Date(g.tijdstip).toISOString() };
  if (i.soort === 'overdracht-bevestigd') {
    // the backoffice's melding is free text and stays out: it could say anything about anyone
    return { ...basis, resource: 'overdracht', resourceUrl: zaakUrl, actie: 'update', kenmerken: { ...kenmerken, kenmerk: i.kenmerk, geaccepteerd: i.geaccepteerd } };
  }
  if (i.soort === 'herindicatie-nodig' || i.soort === 'verzoek-om-toewijzing') {
    // a new signal on the voorziening the deelplan is part of (GET /voorzieningen/{deelplan}); its toelichting stays in the document
    const product: Record<string, string> = { productcategorie: i.product.categorie, ...(i.product.code ? { productcode: i.product.code } : {}) };
    const soortKenmerken: Record<string, string> = i.soort === 'verzoek-om-toewijzing' ? { redenVerzoek: i.reden } : i.einddatum ? { einddatum: i.einddatum } : {};
    const resourceUrl = `${basisUrl}/api/v1/voorzieningen/${encodeURIComponent(i.zaak)}`;
    return { ...basis, resource: 'voorziening', resourceUrl, actie: 'create', kenmerken: { ...kenmerken, signaal: i.soort, ...product, ...soortKenmerken, document: i.document } };
  }
  const w = PER_GEBEURTENIS[i.gebeurtenis];
  return {
    ...basis,
    resource: w.resource,
    resourceUrl: `${zaakUrl}${w.pad}`,
    actie: w.actie,
    kenmerken: { ...kenmerken, gebeurtenis: i.gebeurtenis, ...(i.status ? { status: i.status.code } : {}) },
  };
}
