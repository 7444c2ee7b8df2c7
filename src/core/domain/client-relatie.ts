/**
 * How the gemeente's zaaksysteem relates a client to a zaak. RZS §6.3.2 prescribes heeftBetrekkingOp (a ZAKOBJ
 * to the natuurlijk persoon, omschrijving 'Client'); many systems, and the social domain's own interaction list
 * (seed 003, step 2: "zakLv01 met BSN initiator"), file the person as heeftAlsInitiator instead. `beide`: either
 * relation makes a person a client.
 */
export const CLIENT_RELATIES = ['heeftBetrekkingOp', 'heeftAlsInitiator', 'beide'] as const;
export type ClientRelatie = (typeof CLIENT_RELATIES)[number];

export const DEFAULT_CLIENT_RELATIE: ClientRelatie = 'heeftBetrekkingOp';
