/**
 * Children and temporary files the benchmark must not leave behind when it is
 * interrupted (Ctrl-C, SIGTERM): Strapi processes, the ceiling server, databases.
 */
const pending = new Set();
let installed = false;

/** Registers `undo` (sync or async) to run on interruption; returns a function that unregisters it. */
function onInterrupt(undo) {
  if (!installed) {
    installed = true;
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.once(signal, async () => {
        process.stderr.write(`[bench] ${signal}: stopping what was started\n`);
        await Promise.allSettled([...pending].map((fn) => fn()));
        process.exit(130);
      });
    }
  }
  pending.add(undo);
  return () => pending.delete(undo);
}

module.exports = { onInterrupt };
