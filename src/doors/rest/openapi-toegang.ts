/**
 * What the request pipeline adds to every documented operation, written into the OpenAPI document in one place
 * (the routes describe only what they do themselves): the bearer token, the processing activity and the answers
 * of identification and protocollering. No public route is in the document (the document itself and Swagger UI
 * are hidden, /health is outside /api), so every operation gets all of it.
 */

interface Operatie {
  operationId?: string;
  parameters?: unknown[];
  responses: Record<string, { description?: string; $ref?: string }>;
  security?: Record<string, string[]>[];
}

interface Document {
  paths?: Record<string, Record<string, Operatie>>;
  components?: Record<string, Record<string, unknown>>;
}

/** POSTs that only read: their body carries the BSNs asked for (a BSN never travels in a URL). */
const LEESVRAGEN = new Set(['zoekGezinsplannen', 'heeftGezinsplan']);

const probleem = (description: string, extra: object = {}) => ({
  description,
  ...extra,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleem' } } },
});

const COMPONENTS = {
  securitySchemes: {
    bearerAuth: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Een OAuth 2.0/OIDC-access token of een ZGW-client-JWT, in de Authorization-header; nooit in de URL.',
    },
  },
  parameters: {
    XVerwerking: {
      name: 'X-Verwerking',
      in: 'header',
      required: false,
      schema: { type: 'string', maxLength: 200 },
      description:
        'De verwerkingsactiviteit (id uit het register) waarvoor dit verzoek persoonsgegevens verwerkt (AVG art. 5 lid 1 b). ' +
        'Zonder deze header geldt de standaard van de applicatie. Onbekend of geen standaard: 400 VERWERKING_ONBEKEND; ' +
        'niet toegestaan voor de applicatie: 403 FORBIDDEN.',
    },
    XDoelbinding: {
      name: 'x-doelbinding',
      in: 'header',
      required: false,
      schema: { type: 'string', maxLength: 200 },
      description: 'Hetzelfde als X-Verwerking, zoals Haal Centraal het noemt. Beide met een verschillende waarde: 400.',
    },
  },
  responses: {
    NietGeauthenticeerd: probleem('Geen of geen geldig bearer-token (UNAUTHENTICATED)', {
      headers: {
        'WWW-Authenticate': {
          description: 'Bearer realm="stuf-zkn-facade", met error="invalid_token" als er een token was meegestuurd (RFC 6750 §3)',
          schema: { type: 'string' },
        },
      },
    }),
    GeenToestemming: probleem('De applicatie mag dit niet, of niet voor deze verwerkingsactiviteit (FORBIDDEN)'),
    ProtocolNietBeschikbaar: probleem('De verwerking kon niet worden vastgelegd (Logboek Dataverwerkingen): er zijn geen gegevens getoond (PROTOCOL_UNAVAILABLE, opnieuw proberen kan)'),
    WijzigingNietGetoond: probleem(
      'De verwerking kon niet worden vastgelegd. PROTOCOL_UNAVAILABLE: er is niets gewijzigd, opnieuw proberen kan; ' +
        'APPLIED_NOT_SHOWN: de wijziging is uitgevoerd maar wordt niet getoond, niet opnieuw proberen; ' +
        'OUTCOME_UNKNOWN: het eerste verzoek met deze Idempotency-Key is nooit afgemaakt, onbekend of de wijziging is uitgevoerd, niet opnieuw proberen',
    ),
  },
};

/** The OpenAPI document with the pipeline's part added to every operation (@fastify/swagger's transformObject). */
export function metToegang<T extends object>(openapiObject: T): T {
  const doc = openapiObject as Document;
  doc.components = { ...doc.components, ...COMPONENTS };
  for (const [method, op] of Object.values(doc.paths ?? {}).flatMap((p) => Object.entries(p))) {
    const leest = method === 'get' || LEESVRAGEN.has(op.operationId ?? '');
    op.security = [{ bearerAuth: [] }];
    op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/XVerwerking' }, { $ref: '#/components/parameters/XDoelbinding' }];
    const ongeldig = op.responses['400'];
    if (ongeldig) op.responses['400'] = { ...ongeldig, description: `${ongeldig.description}; of een onbekende verwerkingsactiviteit (VERWERKING_ONBEKEND)` };
    op.responses['401'] = { $ref: '#/components/responses/NietGeauthenticeerd' };
    op.responses['403'] = { $ref: '#/components/responses/GeenToestemming' };
    op.responses['503'] = { $ref: `#/components/responses/${leest ? 'ProtocolNietBeschikbaar' : 'WijzigingNietGetoond'}` };
  }
  return openapiObject;
}
