/**
 * What the NL API Design Rules (../shared/nl-api/DesignRules.md) and the app-wide HTTP contract
 * (src/platform/http-contract) add to every operation, in one place: the major version in the server URL
 * (/core/uri-version) with the paths relative to it, the contact (/core/doc-openapi-contact), `API-Version` on
 * every answer (/core/version-header) and the refusals the facade gives before a route runs (src/platform/http-contract,
 * src/app/client-error.ts).
 */

interface Antwoord {
  $ref?: string;
  headers?: Record<string, unknown>;
}

interface Operatie {
  requestBody?: unknown;
  responses: Record<string, Antwoord>;
}

interface Document {
  servers?: { url: string; description?: string }[];
  paths?: Record<string, Record<string, Operatie>>;
  components?: Record<string, Record<string, unknown>>;
}

/** Where the paths of the document are mounted; the major version is in it. */
export const SERVER_PAD = '/api/v1';

const API_VERSION = { 'API-Version': { $ref: '#/components/headers/ApiVersion' } };

const probleem = (description: string) => ({
  description,
  headers: API_VERSION,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Probleem' } } },
});

const COMPONENTS = {
  headers: {
    ApiVersion: {
      description: 'De volledige versie (semver) van de facade die antwoordt, bij elk antwoord',
      schema: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+' },
    },
  },
  responses: {
    UriTeLang: probleem('De URL is langer dan de facade leest (URI_TOO_LONG)'),
    HeadersTeGroot: probleem('URL en headers samen groter dan de HTTP-parser leest (HEADERS_TOO_LARGE); de verbinding wordt gesloten'),
    NietOpTijd: probleem('Het verzoek kwam niet op tijd volledig binnen (REQUEST_TIMEOUT); de verbinding wordt gesloten'),
    TeGroot: probleem('Het verzoek is groter dan toegestaan (TOO_LARGE)'),
    MediatypeNietOndersteund: probleem('Dit Content-Type wordt hier niet ondersteund (UNSUPPORTED_MEDIA_TYPE)'),
    /** given for a method a path does not have, so no operation names it: documented here and in info */
    MethodeNietToegestaan: {
      ...probleem('Deze methode kent de resource niet (METHOD_NOT_ALLOWED); Allow noemt de methoden die er zijn'),
      headers: { ...API_VERSION, Allow: { description: 'De methoden van deze resource (RFC 9110 §10.2.1)', schema: { type: 'string' } } },
    },
  },
};

const metVersie = (antwoord: Antwoord): void => {
  if (!antwoord.$ref) antwoord.headers = { ...antwoord.headers, ...API_VERSION };
};

/** The document with the design rules' parts (@fastify/swagger's transformObject, after metToegang). */
export function metAdr<T extends object>(openapiObject: T): T {
  const doc = openapiObject as Document;
  doc.servers = [{ url: SERVER_PAD, description: 'Deze facade; de paden hieronder zijn relatief hieraan' }];
  const components = doc.components ?? {};
  doc.components = { ...components, headers: COMPONENTS.headers, responses: { ...components.responses, ...COMPONENTS.responses } };
  Object.values(doc.components.responses as Record<string, Antwoord>).forEach(metVersie);
  doc.paths = Object.fromEntries(Object.entries(doc.paths ?? {}).map(([pad, ops]) => [pad.startsWith(SERVER_PAD) ? pad.slice(SERVER_PAD.length) : pad, ops]));
  for (const [method, op] of Object.values(doc.paths).flatMap((p) => Object.entries(p))) {
    op.responses['408'] = { $ref: '#/components/responses/NietOpTijd' };
    op.responses['414'] = { $ref: '#/components/responses/UriTeLang' };
    op.responses['431'] = { $ref: '#/components/responses/HeadersTeGroot' };
    // every method but GET reads a body when one is sent, whatever the operation expects
    if (method !== 'get') {
      op.responses['413'] ??= { $ref: '#/components/responses/TeGroot' };
      op.responses['415'] = { $ref: '#/components/responses/MediatypeNietOndersteund' };
    }
    Object.values(op.responses).forEach(metVersie);
  }
  return openapiObject;
}
