/** Where a download token is redeemed: the REST stream (GET, no body, so a plain link works). */
export const downloadPad = (token: string): string => `/api/v1/downloads/${token}`;
