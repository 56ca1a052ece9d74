/** Pure: the public addresses of a credential (verification page, short link, downloads). */

import { formatShortCode } from './credential.js';
import { credentialUrl } from './issuing/credential-parts.js';

const trim = (baseUrl: string) => baseUrl.replace(/\/+$/, '');

/** The verification page (also the credential's `id`). */
export const verifyUrl = (baseUrl: string, id: string): string => credentialUrl(baseUrl, id);

/** The short link printed on the PDF: `${BASE_URL}/v/XXXX-XXXX`, which redirects to the verification page. */
export const shortUrl = (baseUrl: string, shortCode: string): string =>
  `${trim(baseUrl)}/v/${formatShortCode(shortCode)}`;

/** The short link as printed: without the scheme (`diploma.example.org/v/XXXX-XXXX`). */
export const printedShortUrl = (baseUrl: string, shortCode: string): string =>
  shortUrl(baseUrl, shortCode).replace(/^https?:\/\//, '');

/** The holder's downloads of a credential (served to the holder and managers only). */
export function downloadUrls(baseUrl: string, id: string, hasClr: boolean) {
  const base = `${trim(baseUrl)}/credentials/${id}`;
  return {
    json: `${base}.json`,
    jwtRs256: `${base}.jwt`,
    jwtEddsa: `${base}.jwt?alg=EdDSA`,
    clr: hasClr ? `${base}.clr.json` : null,
    pdf: `${base}.pdf`,
  };
}

/**
 * LinkedIn's "Add licence or certification" form, prefilled (https://addtoprofile.linkedin.com): the
 * credential's title, the issuer's name, the award month and year, the verification URL and short code.
 */
export function linkedInAddUrl(input: {
  title: string;
  issuerName: string;
  awardedOn: string;
  verifyUrl: string;
  shortCode: string;
}): string {
  const params = new URLSearchParams({
    startTask: 'CERTIFICATION_NAME',
    name: input.title,
    organizationName: input.issuerName,
    issueYear: input.awardedOn.slice(0, 4),
    issueMonth: String(Number(input.awardedOn.slice(5, 7))),
    certUrl: input.verifyUrl,
    certId: formatShortCode(input.shortCode),
  });
  return `https://www.linkedin.com/profile/add?${params.toString()}`;
}

/** The holder's "My credentials" page (built by the web layer; linked from the emails). */
export const HOLDER_CREDENTIALS_PATH = '/my/credentials';
