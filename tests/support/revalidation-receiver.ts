/**
 * A frontend's revalidation endpoint for tests (SPEC 11): it records every delivery
 * attempt, checks its signature with the secret as a frontend would, and answers what
 * the test asks for: a status, no answer at all (a timeout), or, with `refuse()`, no
 * connection.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RevalidationPayload } from '../../shared/contracts/revalidation';
import { verifySignature } from '../../server/src/core/revalidation/signature';

export type Answer = number | 'hang';

export interface Receipt {
  deliveryId: string;
  event: string | undefined;
  body: string;
  /** `X-Newsroom-Signature` as received. */
  signature: string;
  payload: RevalidationPayload;
  /** The signature matched the body and the secret, with a fresh timestamp. */
  signed: boolean;
  answer: Answer;
  receivedAt: number;
}

export interface Receiver {
  url: string;
  receipts: Receipt[];
  /** Answers for the next requests, in order; 200 once they are used up. */
  answerNext(...answers: Answer[]): void;
  /** Answers `answer` to the first attempt of every delivery id, 200 to the others. */
  failFirstAttempts(answer: Answer | null): void;
  /** Receipts answered with a 2xx. */
  delivered(): Receipt[];
  waitFor(what: string, done: (receiver: Receiver) => boolean, timeoutMs?: number): Promise<void>;
  /** Stops listening: attempts meet a refused connection until `resume()`. */
  refuse(): Promise<void>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(secret: string): Promise<Receiver> {
  const queue: Answer[] = [];
  let firstAttempts: Answer | null = null;
  const receipts: Receipt[] = [];
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const deliveryId = String(req.headers['x-newsroom-delivery'] ?? '');
      const seenBefore = receipts.some((receipt) => receipt.deliveryId === deliveryId);
      const answer: Answer = queue.shift() ?? (firstAttempts !== null && !seenBefore ? firstAttempts : 200);
      let payload = {} as RevalidationPayload;
      try {
        payload = JSON.parse(body) as RevalidationPayload;
      } catch {
        // recorded as received; `signed` and the payload tell the test
      }
      receipts.push({
        deliveryId,
        event: req.headers['x-newsroom-event'] as string | undefined,
        body,
        signature: String(req.headers['x-newsroom-signature'] ?? ''),
        payload,
        signed: verifySignature(String(req.headers['x-newsroom-signature'] ?? ''), body, secret),
        answer,
        receivedAt: Date.now(),
      });
      if (answer === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      res.writeHead(answer, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ revalidated: answer < 300 }));
    });
  });

  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const res of hanging) res.destroy();
      server.close(() => resolve());
      server.closeAllConnections();
    });

  await listen(0);
  const { port } = server.address() as AddressInfo;

  const receiver: Receiver = {
    url: `http://127.0.0.1:${port}/api/revalidate`,
    receipts,
    answerNext: (...answers) => queue.push(...answers),
    failFirstAttempts: (answer) => {
      firstAttempts = answer;
    },
    delivered: () => receipts.filter((receipt) => typeof receipt.answer === 'number' && receipt.answer < 300),
    async waitFor(what, done, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!done(receiver)) {
        if (Date.now() > deadline) {
          const seen = receipts.map((receipt) => `${receipt.deliveryId} ${receipt.payload.event} → ${receipt.answer}`).join('\n');
          throw new Error(`the receiver waited in vain for ${what}; it received:\n${seen || '(nothing)'}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    refuse: stop,
    resume: () => listen(port),
    close: stop,
  };
  return receiver;
}
