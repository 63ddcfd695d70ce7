import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

const CHANNEL = 'strapi-plugin-newsroom:snippets:invalidate';

/** Tells the other instances that something changed, and hears them. */
export interface InvalidationBus {
  /** True while writes on other instances reach this one; otherwise the cache keeps entries briefly. */
  readonly connected: boolean;
  publish(): void;
  close(): Promise<void>;
}

export interface RedisBusOptions {
  url: string;
  onRemoteWrite: () => void;
  log: { warn(message: string): void; info(message: string): void };
}

/**
 * Redis pub/sub: one connection publishes, one subscribes (a subscribed connection can do
 * nothing else). Messages carry the sender's id so an instance ignores its own echo.
 * While the subscriber is down, `connected` is false and ioredis keeps reconnecting.
 */
export function createRedisBus({ url, onRemoteWrite, log }: RedisBusOptions): InvalidationBus {
  const id = randomUUID();
  const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false };
  const publisher = new Redis(url, options);
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true });
  let subscribed = false;

  const subscribe = () =>
    subscriber.subscribe(CHANNEL).then(
      () => {
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
    if (channel === CHANNEL && message !== id) onRemoteWrite();
  });

  return {
    get connected() {
      return subscribed && subscriber.status === 'ready' && publisher.status === 'ready';
    },
    publish() {
      if (publisher.status !== 'ready') return;
      publisher.publish(CHANNEL, id).catch((error: Error) => log.warn(`newsroom: Redis publish failed: ${error.message}`));
    },
    async close() {
      subscribed = false;
      await Promise.allSettled([subscriber.quit(), publisher.quit()]);
    },
  };
}
