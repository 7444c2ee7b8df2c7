import type { SwaggerOptions } from '@fastify/swagger';
import { FACADE_VERSIE } from '../../app/versie';
import { metAdr } from './openapi-adr';
import { metToegang } from './openapi-toegang';

/**
 * The OpenAPI 3.1 document is generated from the same TypeBox schemas fastify validates with, so the contract
 * cannot drift from the behaviour. Shared schemas keep their `$id` as their name under components.schemas.
 */
export const OPENAPI_OPTIONS: SwaggerOptions = {
  openapi: {
    openapi: '3.1.0',
    info: {
      title: 'stuf-zkn-facade REST API',
      // the same version every answer's API-Version carries (NL API Design Rules /core/version-header)
      version: FACADE_VERSIE,
      description:
        'Gezinsplannen, levensdomeinplannen, deelplannen, statussen en documenten in het zaaksysteem (StUF-ZKN ZDS 1.1/1.2, RZS 1.0). ' +
        'Een BSN staat nooit in een URL: zoeken gaat met POST …/_zoek. Fouten zijn RFC 9457 problem details met een vaste `code`. ' +
        'Wijzigingen accepteren If-Match met de ETag van een eerdere lezing. ' +
        'Elke POST en PATCH die iets wijzigt accepteert een Idempotency-Key (IETF-draft): een herhaling krijgt de eerste uitkomst terug. ' +
        'Elk verzoek draagt een bearer-token (Authorization) en verwerkt persoonsgegevens voor een verwerkingsactiviteit (X-Verwerking, anders de standaard van de applicatie). ' +
        'Elk antwoord draagt API-Version; een methode die een resource niet kent krijgt 405 met Allow (components.responses.MethodeNietToegestaan).',
      // NL API Design Rules /core/doc-openapi-contact: who answers questions about this API
      contact: { name: 'Beheer stuf-zkn-facade', email: 'beheer@stuf-zkn-facade.invalid', url: 'https://stuf-zkn-facade.invalid/contact' },
    },
    tags: [
      { name: 'gezinsplannen', description: 'Gezinsplannen (RZS §6.3)' },
      { name: 'plannen', description: 'Levensdomeinplannen en deelplannen (RZS §6.4, §6.6)' },
      { name: 'zaken', description: 'Statussen, sluiten en overdragen van elke zaak' },
      { name: 'documenten', description: 'Zaakdocumenten: lijst, upload en download (gestreamd)' },
      { name: 'opdrachten', description: 'De toestand van een wijziging met een Idempotency-Key' },
    ],
  },
  // an OpenAPI 3 document (`openapi` above), never a Swagger 2 one
  transformObject: (d) => metAdr(metToegang((d as Extract<typeof d, { openapiObject: unknown }>).openapiObject)),
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
  },
};
