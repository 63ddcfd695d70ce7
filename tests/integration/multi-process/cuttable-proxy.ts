/**
 * A TCP proxy in front of a server (Redis) whose connections a test can cut and keep cut:
 * while cut, every open connection is closed and new ones are closed as soon as they
 * arrive, so a client sees its server go away until `restore()`.
 */
import net from 'node:net';

export interface CuttableProxy {
  url: string;
  /** Connections the proxy closed on arrival since the last cut (the client's reconnect attempts). */
  readonly refusedSinceCut: number;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startCuttableProxy(target: { host: string; port: number }, scheme = 'redis'): Promise<CuttableProxy> {
  const open = new Set<net.Socket>();
  let cut = false;
  let refused = 0;

  const server = net.createServer((client) => {
    if (cut) {
      refused += 1;
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `${scheme}://127.0.0.1:${port}`,
    get refusedSinceCut() {
      return refused;
    },
    cut() {
      cut = true;
      refused = 0;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    async close() {
      cut = true;
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
