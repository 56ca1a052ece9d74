import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CompactSign, exportJWK, generateKeyPair, importPKCS8 } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers/http.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { lrsAuthorization } from '../../../test/helpers/xapi-client.js';
import { SIGNATURE_USAGE } from './statement-signature.js';

/** A key and a self-signed certificate made for this test only (openssl req -x509 -newkey rsa:2048). */
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCtnp4GhjJ419EF
que+9OU3SrDk57Wq6UAxgrBz/63QMoFuih7c5nmAmfK1Q1863fS33IeS56N2pBSY
tycETfr5nKQ8RuPXzoJ/hEoJc6O77Kg1DhdKsq0frLsBRV4AN1ZY6LOqBvV77lFH
Tc71I/DtHSceyY6V8ZcyICe9hkgErIW+IEgKnXUunnUcJ+Bu7SFNKMhN0nLkNPPZ
+ZIfTRfUIMN480x79Z+znEj3MoAfG1qC48V+erJx42ntThkfvs7gYwIwfl3LXKbL
QHiNbsxUZiEy+8YUPaiM7gKulvdeTaZeQ5zsqKL94aMKGeps1ZuudVB5ehVEMjKv
8NumyWjHAgMBAAECggEAERxv4J67PLOwcwmL+4LxUEi5NGYtvmFspTSHJXeObtV7
ciSEtCq20NjbVcgFC60yYCiI6A6SSrATI5Xxb3gsAwvQF+y4qd09eUnVbicKfQvu
7AOugfsoGtYQPCjVAdpyVSLiCiDTctpjAk8F1Z0sMoJMB7m/psF/sD4BDKm+UU9x
oYKD+Edt6LLa0jiXX0FCA9L3Zj5D7YC2ykQiYfNZ2e2RfaV9wNDwuG5qrwWKaZDb
E1M3wM/tO2Q+zpwiRjCeeaX+hD8M7/idrLLORnA1gKxL1pbkxGHWAaYdAhaltKNY
IUob/akZJMeWmzTbPy7DIMqpwwRW6oKBx6cLBMe48QKBgQDu3mo5PWPeC6x+Kg1m
HU9ndgUgu8Xax45FtocGDPdLEXMav65S8Z0z3R8qRFhVumpkhFKslpa36+ltM14G
zKNwhjFIx3eeyAdVyvX2h2sTlOkrWLJvQNznh0k/zIO4sLBRhmxrY6tgtghUDXBC
EMHBsyzxw8pC7HzIhCd1rQo2mQKBgQC6Ej1Pz4II9klMeWZQoRkjL5q/bBevYvoj
ncNL+qTrHAmsj0wNs8aVjvFdGxUVx3M5cgLEKnMjGLl+aqGZgWeFGrh5tTiji51i
3SfeSICStBTR6Jruxh23aUfAna3yaO0BldbnqlGHpWWt1zqz0AIpgZzZWhZRxh0q
q4k+MH4WXwKBgCoQhto/oleW7LBnDWb/IF2S3gJOruABJl/Gbe6119KjZwa93KAE
pm9csEFMOdYW9udumfSErFQFOl0dn6BI5ztIlmM/pSQUC56jGD9qx4NyRMF6ZCnN
XVl0bITMqiGbE+G3b15V9fcY90x99VfdBZHr0K1ekj7I0IyrIRvK9jJ5AoGAEkgO
fBPwO78u7nOTCOL7HEjmFF6jaRj5aJxsfr+OiocDsE+X8lSycylLL5GknbIt8Pvx
p6JgE5evSetiGznqmNpKO7MBcJgcC4WdECrhbwiAbytCZalTbBzM7vDPEV0bxCcb
qUFDp2cpuU3HN7l9LOTOK1C9lqU3YmTeJB0RllMCgYEApx/+1TJ7F5ennSRQVpRK
1nUn07ela8A4XwXaaZa+ouh3GUl4ZOKXpsyCjfqBjxqcDR8euBg739cpP1WUiv5g
3namDaN4F/N0/WHp+lrvil/rwMrSMzTGyu9YKzV7d0hpy7Kt1+TqpeVPlDpyfyZV
vHjeESutlipPn3p3js8pOks=
-----END PRIVATE KEY-----`;
const TEST_CERTIFICATE = `-----BEGIN CERTIFICATE-----
MIIDMTCCAhmgAwIBAgIUKR6L2HCx6xhdVV4UZh0QtHfgOMkwDQYJKoZIhvcNAQEL
BQAwJzElMCMGA1UEAwwcRGlwbG9tYSBQbGF0Zm9ybSB0ZXN0IHNpZ25lcjAgFw0y
NjEyMDYxODE5NDdaGA8yMTI2MTExMjE4MTk0N1owJzElMCMGA1UEAwwcRGlwbG9t
YSBQbGF0Zm9ybSB0ZXN0IHNpZ25lcjCCASIwDQYJKoZIhvcNAQEBBQADggEPADCC
AQoCggEBAK2engaGMnjX0QWq57705TdKsOTntarpQDGCsHP/rdAygW6KHtzmeYCZ
8rVDXzrd9Lfch5Lno3akFJi3JwRN+vmcpDxG49fOgn+ESglzo7vsqDUOF0qyrR+s
uwFFXgA3Vljos6oG9XvuUUdNzvUj8O0dJx7JjpXxlzIgJ72GSASshb4gSAqddS6e
dRwn4G7tIU0oyE3ScuQ089n5kh9NF9Qgw3jzTHv1n7OcSPcygB8bWoLjxX56snHj
ae1OGR++zuBjAjB+XctcpstAeI1uzFRmITL7xhQ9qIzuAq6W915Npl5DnOyoov3h
owoZ6mzVm651UHl6FUQyMq/w26bJaMcCAwEAAaNTMFEwHQYDVR0OBBYEFAQII6kC
Pqn3FeprnnbmExKD96CZMB8GA1UdIwQYMBaAFAQII6kCPqn3FeprnnbmExKD96CZ
MA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBAHKmd5b/msOcHJ93
cppJ2vgURCI696wCdqEIkA0vadnIL9nukjZekaILBXt4OOZKj7m04/wc8Nl4euFE
41ZRQkpZVgi9cSGCerSVBqC6clQgRLuLCoTAx4w7COg65ze+PM83bRJ4VoEcr/Xy
nwNxMbKB0J7gZkjBLYjB6ENEealZJVkQrLfn6aODjj1I+rnYm2poxfKG5ixATrM9
HM+cJE/bd0FMuYzqP5aoCMv/+44Ag6b+jqoarOknqKSJcw/YK1y8AJ28HJcfxD9h
42qYa8lQVWW32pNulfK5JwXa2xfueIm3HMtoYCYC+SN5hqP8CNfvA/QI0/WUNXZ3
Hovt2TE=
-----END CERTIFICATE-----`;
const x5c = TEST_CERTIFICATE.replace(/-----[A-Z ]+-----|\s/g, '');

const statement = (verb = 'completed') => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', mbox: 'mailto:signer@example.org' },
  verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
  object: { objectType: 'Activity', id: 'http://example.org/activities/signed-course' },
  timestamp: '2026-12-06T10:00:00.000Z',
});

async function sign(payload: unknown, header: Record<string, unknown>, key: CryptoKey | Uint8Array) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: 'RS256', ...header } as { alg: string })
    .sign(key);
}

/** The statement with its signature attachment declared, as multipart/mixed with the JWS as the part. */
function signedRequest(base: Record<string, unknown>, jws: string) {
  const bytes = Buffer.from(jws);
  const sha2 = createHash('sha256').update(bytes).digest('hex');
  const withSignature = {
    ...base,
    attachments: [
      {
        usageType: SIGNATURE_USAGE,
        display: { 'en-US': 'Signature' },
        contentType: 'application/octet-stream',
        length: bytes.length,
        sha2,
      },
    ],
  };
  return Buffer.concat([
    Buffer.from(`--sig\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(withSignature)}\r\n`),
    Buffer.from(
      `--sig\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`,
    ),
    bytes,
    Buffer.from('\r\n--sig--\r\n'),
  ]);
}

describe('sqlite: signed statements (JWS signature attachments)', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let auth: string;
  let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
  let certificateKey: CryptoKey;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    ({ auth } = await lrsAuthorization(deps, 'signer'));
    rsa = await generateKeyPair('RS256', { extractable: true });
    certificateKey = await importPKCS8(TEST_KEY, 'RS256');
  });
  afterAll(() => close());

  const post = (body: Buffer) =>
    app.inject({
      method: 'POST',
      url: '/xapi/statements',
      headers: {
        authorization: auth,
        'x-experience-api-version': '1.0.3',
        'content-type': 'multipart/mixed; boundary=sig',
      },
      payload: body,
    });
  const stored = async (id: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `/xapi/statements?statementId=${id}`,
        headers: { authorization: auth, 'x-experience-api-version': '1.0.3' },
      })
    ).statusCode;

  it('stores a statement signed with the key of the X.509 certificate in its header, and returns the JWS', async () => {
    const s = statement();
    const jws = await sign(s, { x5c: [x5c] }, certificateKey);
    const response = await post(signedRequest(s, jws));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual([s.id]);
    const got = await app.inject({
      method: 'GET',
      url: `/xapi/statements?statementId=${s.id}&attachments=true`,
      headers: { authorization: auth, 'x-experience-api-version': '1.0.3' },
    });
    expect(got.body).toContain(jws);
  });

  it('stores a statement signed with the JWK in its header, and one whose header names no key (payload compared)', async () => {
    const s = statement();
    const jwk = await exportJWK(rsa.publicKey);
    expect((await post(signedRequest(s, await sign(s, { jwk }, rsa.privateKey)))).statusCode).toBe(200);
    const bare = statement();
    expect((await post(signedRequest(bare, await sign(bare, {}, rsa.privateKey)))).statusCode).toBe(200);
    // A payload without id or timestamp is the statement as signed before the LRS or client added them.
    const { id, timestamp: _t, ...withoutId } = statement();
    expect(
      (await post(signedRequest({ ...withoutId, id }, await sign(withoutId, {}, rsa.privateKey)))).statusCode,
    ).toBe(200);
  });

  it('refuses with 400, storing nothing: a payload that is another statement, a wrong key, a non-JWS, a non-RSA algorithm', async () => {
    const s = statement();
    const refusals: [string, string][] = [
      [await sign(statement('failed'), { x5c: [x5c] }, certificateKey), 'payload is not this statement'],
      [
        await sign({ ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } }, {}, rsa.privateKey),
        'payload is not this statement',
      ],
      // Signed by another key than the certificate's.
      [await sign(s, { x5c: [x5c] }, rsa.privateKey), 'does not verify'],
      [await sign(s, { jwk: await exportJWK(rsa.publicKey) }, certificateKey), 'does not verify'],
      ['not a signature at all', 'not a JWS'],
      [
        await new CompactSign(new TextEncoder().encode(JSON.stringify(s)))
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new Uint8Array(32).fill(7)),
        'RS256, RS384 or RS512',
      ],
      [
        `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('not json').toString('base64url')}.c2ln`,
        'not a JWS',
      ],
    ];
    for (const [jws, why] of refusals) {
      const response = await post(signedRequest(s, jws));
      expect(response.statusCode, why).toBe(400);
      expect(response.body).toContain(why);
    }
    expect(await stored(s.id)).toBe(404);
  });

  it('refuses a signature attachment whose content type is not application/octet-stream', async () => {
    const s = statement();
    const jws = await sign(s, {}, rsa.privateKey);
    const body = signedRequest(s, jws)
      .toString('latin1')
      .replace('"contentType":"application/octet-stream"', '"contentType":"text/plain"');
    expect((await post(Buffer.from(body, 'latin1'))).statusCode).toBe(400);
    expect(await stored(s.id)).toBe(404);
  });
});
