/**
 * Delivery signatures (SPEC 11): `X-Newsroom-Signature: t=<unix seconds>,v1=<hex>`, where
 * the hex is the HMAC-SHA256 of `"<t>.<body>"` with the target's secret. Signing the
 * timestamp with the body lets a receiver refuse replays of an old delivery.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Newsroom-Signature';
export const DELIVERY_HEADER = 'X-Newsroom-Delivery';

/** Hex HMAC-SHA256 of `"<timestamp>.<body>"`. */
export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for `body` signed at `nowMs`. */
export function signatureHeader(secret: string, body: string, nowMs: number): string {
  const timestamp = Math.floor(nowMs / 1000);
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

/** `t` and every `v1` of a header; null when it has no usable `t` or no `v1`. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at === -1) continue;
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (name === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * What a receiver checks: a `v1` that matches, compared in constant time, and a timestamp
 * within `toleranceSeconds` of its clock (5 minutes unless told).
 */
export function verifySignature(
  header: string,
  body: string,
  secret: string,
  options: { nowMs?: number; toleranceSeconds?: number } = {}
): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return false;
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  if (Math.abs(now - parsed.timestamp) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signatureOf(secret, parsed.timestamp, body), 'hex');
  return parsed.signatures.some((signature) => timingSafeEqual(Buffer.from(signature, 'hex'), expected));
}
