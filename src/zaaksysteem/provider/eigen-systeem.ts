import type { Systeem } from '../../../soap-clients/stuf/stuurgegevens';

/** How the embedded zaaksysteem names itself in stuurgegevens (organisatie = the test gemeentecode). */
export const DEFAULT_SYSTEEM: Systeem = { organisatie: '9999', applicatie: 'ZAAKSYSTEEM' };
