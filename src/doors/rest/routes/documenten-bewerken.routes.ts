import { type Static, Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { STUF_LIMITS as L } from '../../../core/usecases/validation/stuf-limits';
import type { RestRouteOptions } from '../rest-options';
import { documentRepresentatie } from '../representation';
import { DocumentIdentificatie, probleemAntwoorden } from '../schemas/common.schema';
import { Document } from '../schemas/zaak.schema';
import { compileFieldsValidator } from '../validator';
import { useCasesOf } from './route-support';
import { leesUpload } from './upload-part';

type DocParams = { Params: { document: string } };
const params = Type.Object({ document: DocumentIdentificatie }, { additionalProperties: false });
const CheckoutId = Type.String({ minLength: 1, maxLength: L.checkoutId, description: 'Het id dat de checkout gaf' });

/** The text fields of an update; before the file part, which is streamed as it arrives. */
const WijzigingVelden = Type.Object(
  { checkoutId: CheckoutId, titel: Type.Optional(Type.String({ minLength: 1, maxLength: L.documentTitel, description: 'Nieuwe titel' })) },
  { additionalProperties: false },
);
const checkVelden = compileFieldsValidator(WijzigingVelden);
const WijzigingUpload = Type.Object(
  { ...WijzigingVelden.properties, inhoud: Type.String({ contentMediaType: 'application/octet-stream', description: 'De nieuwe inhoud, als laatste deel' }) },
  { required: ['checkoutId', 'inhoud'], additionalProperties: false },
);
const Checkout = Type.Object({ checkoutId: CheckoutId, document: Type.Ref(Document) }, { additionalProperties: false });
const CheckoutBody = Type.Object({ checkoutId: CheckoutId }, { additionalProperties: false });

/** Document editing, RZS Testplatform Regiesysteem scenarios 6-7 (ZDS 1.2 §4.3.5-4.3.8). */
export const documentenBewerkenRoutes: FastifyPluginAsync<RestRouteOptions> = async (app, deps) => {
  const tags = ['documenten'];

  app.post<DocParams>(
    '/documenten/:document/checkout',
    {
      schema: {
        tags,
        operationId: 'checkoutDocument',
        summary: 'Document uitchecken om te bewerken (geefZaakdocumentbewerken)',
        description: 'Zet een slot op het document en geeft het checkout-id; de inhoud staat achter de link `document.inhoud`.',
        params,
        response: { 201: { description: 'Uitgecheckt', ...Checkout }, ...probleemAntwoorden(404, 423) },
      },
    },
    async (request, reply) => {
      const { checkoutId, document } = await useCasesOf(deps, request).checkoutDocument(request.params.document);
      return reply.status(201).send({ checkoutId, document: documentRepresentatie(document) });
    },
  );

  app.put<DocParams>(
    '/documenten/:document/inhoud',
    {
      schema: {
        tags,
        operationId: 'updateDocument',
        summary: 'Nieuwe inhoud (en titel) onder een checkout (updateZaakdocument, gestreamd)',
        description: 'multipart/form-data met eerst `checkoutId` (en eventueel `titel`) en als laatste deel het bestand `inhoud`. Geeft het slot vrij.',
        params,
        consumes: ['multipart/form-data'],
        body: { content: { 'multipart/form-data': { schema: WijzigingUpload } } },
        response: { 204: { description: 'Bijgewerkt; het slot is vrij', type: 'null' }, ...probleemAntwoorden(404, 409, 413, 423) },
      },
    },
    async (request, reply) => {
      const { velden, inhoud, bronFout } = await leesUpload(request, deps.limits.documentBytes, checkVelden);
      const { checkoutId, titel } = velden as Static<typeof WijzigingVelden>;
      try {
        await useCasesOf(deps, request).updateDocument(request.params.document, checkoutId, { titel, inhoud });
      } catch (e) {
        throw bronFout() ?? e;
      }
      return reply.status(204).send();
    },
  );

  app.delete<DocParams & { Body: Static<typeof CheckoutBody> }>(
    '/documenten/:document/checkout',
    {
      schema: {
        tags,
        operationId: 'cancelCheckout',
        summary: 'Checkout annuleren zonder wijziging (cancelCheckout)',
        params,
        body: CheckoutBody,
        response: { 204: { description: 'Het slot is vrij', type: 'null' }, ...probleemAntwoorden(404, 423) },
      },
    },
    async (request, reply) => {
      await useCasesOf(deps, request).cancelCheckout(request.params.document, request.body.checkoutId);
      return reply.status(204).send();
    },
  );
};
