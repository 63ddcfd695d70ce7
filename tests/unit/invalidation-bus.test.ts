import { EventEmitter } from 'node:events';
import { createRedisBus, type BusConnection, type InvalidationBus } from '../../server/src/cache/invalidation-bus';

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One Redis server: delivers a published message to every subscribed connection that is up. */
class FakeRedis {
  readonly connections: FakeConnection[] = [];

  deliver(channel: string, message: string) {
    for (const connection of this.connections) {
      if (connection.status === 'ready' && connection.channels.has(channel)) connection.emit('message', channel, message);
    }
  }
}

/** An ioredis client as the bus sees it: a status, commands that fail unless ready, and events. */
class FakeConnection extends EventEmitter implements BusConnection {
  status = 'connecting';
  readonly channels = new Set<string>();
  /** Set to make the next publish fail although the status still says ready (the socket just broke). */
  failNextPublish = false;

  constructor(private readonly redis: FakeRedis) {
    super();
    redis.connections.push(this);
  }

  async publish(channel: string, message: string) {
    if (this.status !== 'ready') throw new Error("Stream isn't writeable and enableOfflineQueue options is false");
    if (this.failNextPublish) {
      this.failNextPublish = false;
      throw new Error('Connection is closed.');
    }
    this.redis.deliver(channel, message);
    return 1;
  }

  async subscribe(channel: string) {
    if (this.status !== 'ready') throw new Error('Connection is closed.');
    this.channels.add(channel);
    return 1;
  }

  async quit() {
    this.status = 'end';
    this.emit('end');
    return 'OK';
  }

  /** Connected (again): ioredis sets the status, then emits `ready`. */
  up() {
    this.status = 'ready';
    this.emit('ready');
  }

  /** The connection dropped; ioredis keeps trying. A server forgets a closed connection's subscriptions. */
  down() {
    this.status = 'reconnecting';
    this.channels.clear();
    this.emit('close');
  }
}

interface Instance {
  bus: InvalidationBus;
  publisher: FakeConnection;
  subscriber: FakeConnection;
  /** How often this instance's snippet cache was emptied because of others (or of a lost connection). */
  flushes: number;
  /** How often this instance forgot the API tokens it kept because another wrote one. */
  tokenFlushes: number;
}

const log = { warn: () => undefined, info: () => undefined };

async function instance(redis: FakeRedis): Promise<Instance> {
  const connections: FakeConnection[] = [];
  const self = { flushes: 0, tokenFlushes: 0 } as Instance;
  self.bus = createRedisBus({
    url: 'redis://fake',
    onRemoteWrite: () => (self.flushes += 1),
    onRemoteTokenWrite: () => (self.tokenFlushes += 1),
    log,
    connect: () => {
      const connection = new FakeConnection(redis);
      connections.push(connection);
      return connection;
    },
  });
  [self.publisher, self.subscriber] = connections;
  self.subscriber.up();
  self.publisher.up();
  await flush();
  return self;
}

/** Two instances, connected, with their start-up flushes counted away. */
async function pair() {
  const redis = new FakeRedis();
  const a = await instance(redis);
  const b = await instance(redis);
  await flush();
  a.flushes = 0;
  b.flushes = 0;
  return { a, b };
}

describe('invalidation bus over Redis', () => {
  it("empties the other instances' caches on a write, not the writer's own", async () => {
    const { a, b } = await pair();
    a.bus.publish();
    await flush();
    expect({ a: a.flushes, b: b.flushes }).toEqual({ a: 0, b: 1 });
  });

  it("makes the other instances forget their API tokens on a token write, and leaves their snippet caches", async () => {
    const { a, b } = await pair();
    a.bus.publishTokenWrite();
    await flush();
    expect({ a: [a.flushes, a.tokenFlushes], b: [b.flushes, b.tokenFlushes] }).toEqual({ a: [0, 0], b: [0, 1] });
    a.bus.publish();
    await flush();
    expect(b.tokenFlushes).toBe(1);
  });

  it('tells the others about a write made while its publisher was down, once it reconnects', async () => {
    const { a, b } = await pair();
    a.publisher.down();
    a.bus.publish();
    await flush();
    expect(b.flushes).toBe(0); // nothing could be sent
    a.publisher.up();
    await flush();
    expect(b.flushes).toBe(1);
  });

  it('makes up for a publish that failed as the connection broke', async () => {
    const { a, b } = await pair();
    a.publisher.failNextPublish = true;
    a.bus.publish();
    await flush();
    expect(b.flushes).toBe(0);
    a.publisher.down();
    a.publisher.up();
    await flush();
    expect(b.flushes).toBe(1);
  });

  it('empties its own cache when its subscriber loses the connection, and again once subscribed anew', async () => {
    const { a, b } = await pair();
    b.subscriber.down();
    expect(b.flushes).toBe(1);
    a.bus.publish(); // never reaches b
    await flush();
    expect(b.flushes).toBe(1);
    b.subscriber.up();
    await flush();
    expect(b.flushes).toBe(2);
    a.bus.publish(); // heard again
    await flush();
    expect(b.flushes).toBe(3);
  });

  it('counts as connected only while both connections are up and subscribed, so entries live briefly otherwise', async () => {
    const { a } = await pair();
    expect(a.bus.connected).toBe(true);
    a.publisher.down();
    expect(a.bus.connected).toBe(false); // writes here reach no one: keep nothing long
    a.publisher.up();
    await flush();
    expect(a.bus.connected).toBe(true);
    a.subscriber.down();
    expect(a.bus.connected).toBe(false);
    a.subscriber.status = 'ready'; // reconnected, not yet subscribed
    expect(a.bus.connected).toBe(false);
    a.subscriber.emit('ready');
    await flush();
    expect(a.bus.connected).toBe(true);
  });

  it('stops hearing and telling once closed', async () => {
    const { a, b } = await pair();
    await b.bus.close();
    a.bus.publish();
    await flush();
    expect(b.flushes).toBe(0);
    expect(b.bus.connected).toBe(false);
  });
});
