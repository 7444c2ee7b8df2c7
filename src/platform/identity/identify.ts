import { FacadeError } from '../../core/domain/errors';
import type { Identiteit } from '../../core/domain/identiteit';
import type { Identify } from '../request-pipeline/request-pipeline.plugin';
import type { AuthConfig } from './auth-config';
import { bearerToken, weigerTokenInUrl } from './bearer-token';
import { tokenIdentiteit } from './claims';
import { rechtenVan } from './rechten';
import { tokenVerifier, type GeverifieerdToken } from './token-verifier';
import { verwerkingVan } from './verwerking';

/**
 * The request pipeline's Identify over the `auth` configuration: no token in the URL (400), a valid bearer
 * token (401 otherwise), a configured applicatie (403 otherwise: the token is fine, the facade does not know
 * this client), and a processing activity it may use. Sets identiteit, verwerking and the StUF gebruiker.
 */
export function identify(config: AuthConfig): Identify {
  const verify = tokenVerifier(config);
  return async (request) => {
    weigerTokenInUrl(request.query);
    const token = await verify(bearerToken(request.headers.authorization));
    const wie = tokenIdentiteit(token);
    const applicatie = config.applicaties.get(wie.applicatie);
    if (!applicatie) throw new FacadeError('FORBIDDEN', 'Deze applicatie heeft geen toegang tot de facade', { internal: `applicatie ${wie.applicatie} is niet geconfigureerd` });
    const identiteit: Identiteit = {
      applicatie: wie.applicatie,
      ...(wie.gebruiker !== undefined ? { gebruiker: wie.gebruiker } : {}),
      rechten: rechtenVan(applicatie, wie.rollen),
    };
    const verwerking = verwerkingVan(request.headers, applicatie, config.verwerkingen);
    return { identiteit, verwerking, ...(wie.gebruiker !== undefined ? { gebruiker: wie.gebruiker } : {}), geldigTot: geldigTot(token, config) };
  };
}

/** When the token stops being valid (epoch ms): its `exp`, or for a ZGW token without one `iat` + `zgw.maxLeeftijdS` (token-verifier.ts). */
function geldigTot(token: GeverifieerdToken, config: AuthConfig): number {
  const { exp, iat } = token.payload;
  return (exp ?? iat! + config.zgw.maxLeeftijdS) * 1000;
}
