import { createHmac } from 'node:crypto';
import { parseSignatureHeader, signatureHeader, signatureOf, verifySignature } from '../../server/src/core/revalidation/signature';

const SECRET = 'a-secret-of-sixteen+';
const BODY = '{"id":"d1","event":"test"}';
const NOW = Date.UTC(2026, 3, 27, 20, 43, 39);

describe('delivery signature', () => {
  it('is the hex HMAC-SHA256 of "<t>.<body>" with the secret', () => {
    const t = Math.floor(NOW / 1000);
    const expected = createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex');
    expect(signatureHeader(SECRET, BODY, NOW)).toBe(`t=${t},v1=${expected}`);
    expect(signatureOf(SECRET, t, BODY)).toBe(expected);
  });

  it('verifies with the same secret, body and a fresh timestamp', () => {
    expect(verifySignature(signatureHeader(SECRET, BODY, NOW), BODY, SECRET, { nowMs: NOW + 1000 })).toBe(true);
  });

  it('fails for another secret, a changed body or an old timestamp', () => {
    const header = signatureHeader(SECRET, BODY, NOW);
    expect(verifySignature(header, BODY, `${SECRET}x`, { nowMs: NOW })).toBe(false);
    expect(verifySignature(header, `${BODY} `, SECRET, { nowMs: NOW })).toBe(false);
    expect(verifySignature(header, BODY, SECRET, { nowMs: NOW + 301_000 })).toBe(false);
    expect(verifySignature(header, BODY, SECRET, { nowMs: NOW + 60_000, toleranceSeconds: 30 })).toBe(false);
  });

  it('refuses malformed headers', () => {
    for (const header of ['', 't=1', 'v1=abc', `t=x,v1=${'0'.repeat(64)}`, `t=1,v1=${'g'.repeat(64)}`]) {
      expect(parseSignatureHeader(header)).toBeNull();
      expect(verifySignature(header, BODY, SECRET, { nowMs: 1000 })).toBe(false);
    }
  });

  it('accepts any matching v1 among several (a receiver during a secret rotation)', () => {
    const t = Math.floor(NOW / 1000);
    const header = `t=${t},v1=${signatureOf('old-secret-of-16-chars', t, BODY)},v1=${signatureOf(SECRET, t, BODY)}`;
    expect(verifySignature(header, BODY, SECRET, { nowMs: NOW })).toBe(true);
  });
});
