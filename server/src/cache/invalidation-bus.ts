import { randomUUID } from 'node:crypto';
import Redis, { type RedisOptions } from 'ioredis';

const CHANNEL = 'strapi-plugin-newsroom:snippets:invalidate';
const TOKENS_SUFFIX = ':api-tokens';

/** Tells the other instances that something changed, and hears them. */
export interface InvalidationBus {
  /** True while writes here reach the others and theirs reach this one; otherwise the cache keeps entries briefly. */
  readonly connected: boolean;
  publish(): void;
  /** Tells the others that an API token changed (deleted, regenerated, updated): they drop what they know of tokens. */
  publishTokenWrite(): void;
  close(): Promise<void>;
}

/** The part of an ioredis client the bus uses (a fake in unit tests). */
export interface BusConnection {
  /** ioredis' connection state: `ready` when commands can be sent. */
  readonly status: string;
  publish(channel: string, message: string): Promise<unknown>;
  subscribe(channel: string): Promise<unknown>;
  quit(): Promise<unknown>;
  on(event: 'ready' | 'end' | 'close', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
}

export interface RedisBusOptions {
  url: string;
  onRemoteWrite: () => void;
  /** Another instance wrote an API token (token-access.ts). */
  onRemoteTokenWrite?: () => void;
  log: { warn(message: string): void; info(message: string): void };
  /** Opens one connection; ioredis by default. */
  connect?: (url: string, options: RedisOptions) => BusConnection;
}

const connectWithIoredis = (url: string, options: RedisOptions): BusConnection => new Redis(url, options);

/**
 * Redis pub/sub: one connection publishes, one subscribes (a subscribed connection can do
 * nothing else). Messages carry the sender's id so an instance ignores its own echo. The id
 * alone means "empty your snippet cache"; the id and TOKENS_SUFFIX mean "forget what you know
 * of API tokens" (an instance of an earlier release empties its snippet cache on it: harmless).
 * ioredis reconnects both for ever.
 *
 * Nothing sent while a connection is down is queued, so both ends make up for it:
 * - the publisher announces a flush each time it is (re)connected: a write made here while
 *   it was down was told to no one, and the others would serve their older answers for
 *   up to `cacheMaxAge`;
 * - the subscriber empties this cache when it loses the connection and again once it is
 *   subscribed anew: what the others announced meanwhile never arrived.
 * While either is down `connected` is false, so this instance keeps entries briefly.
 */
export function createRedisBus({ url, onRemoteWrite, onRemoteTokenWrite, log, connect = connectWithIoredis }: RedisBusOptions): InvalidationBus {
  const id = randomUUID();
  const options: RedisOptions = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false };
  // Named, so that `CLIENT LIST` on the Redis server shows which process each connection serves.
  const publisher = connect(url, { ...options, connectionName: `newsroom-snippets-publisher-${process.pid}` });
  const subscriber = connect(url, { ...options, enableOfflineQueue: true, connectionName: `newsroom-snippets-subscriber-${process.pid}` });
  let subscribed = false;
  let closing = false;

  const send = (reason: string, message = id) => {
    // Not connected: dropped, and made up for by the flush at the next 'ready' (token caches expire within a second anyway).
    if (publisher.status !== 'ready') return;
    publisher.publish(CHANNEL, message).catch((error: Error) => log.warn(`newsroom: Redis publish (${reason}) failed: ${error.message}`));
  };

  // Also at the first connection: writes made before it (at bootstrap) were told to no one either.
  publisher.on('ready', () => send('flush after connecting'));

  const subscribe = () =>
    subscriber.subscribe(CHANNEL).then(
      () => {
        if (closing) return;
        subscribed = true;
        // Writes elsewhere while this instance was deaf may be cached here: start afresh.
        onRemoteWrite();
      },
      (error: Error) => log.warn(`newsroom: Redis subscribe failed: ${error.message}`)
    );

  subscriber.on('ready', () => void subscribe());
  // Deaf from now on: entries cached for the long lifetime may miss writes elsewhere.
  const lost = () => {
    if (subscribed) onRemoteWrite();
    subscribed = false;
  };
  subscriber.on('end', lost);
  subscriber.on('close', lost);
  subscriber.on('error', (error: Error) => log.warn(`newsroom: Redis subscriber: ${error.message}`));
  publisher.on('error', (error: Error) => log.warn(`newsroom: Redis publisher: ${error.message}`));
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== CHANNEL) return;
    if (message === `${id}${TOKENS_SUFFIX}` || message === id) return;
    if (message.endsWith(TOKENS_SUFFIX)) onRemoteTokenWrite?.();
    else onRemoteWrite();
  });

  return {
    get connected() {
      return subscribed && subscriber.status === 'ready' && publisher.status === 'ready';
    },
    publish() {
      send('write');
    },
    publishTokenWrite() {
      send('API token write', `${id}${TOKENS_SUFFIX}`);
    },
    async close() {
      closing = true;
      subscribed = false;
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
