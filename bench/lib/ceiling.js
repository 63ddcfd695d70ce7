/** Starts bench/lib/ceiling-server.js as a child process serving `body`. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { onInterrupt } = require('./cleanup');

async function startCeiling(body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-ceiling-'));
  const file = path.join(dir, 'body.json');
  fs.writeFileSync(file, body);
  const child = spawn(process.execPath, [path.join(__dirname, 'ceiling-server.js'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`ceiling server exited (${code})`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(Number(out.trim()));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      forget();
      child.removeAllListeners('exit');
      const done = () => {
        fs.rmSync(dir, { recursive: true, force: true });
        resolve();
      };
      if (child.exitCode !== null) return done();
      child.once('exit', done);
      child.kill('SIGTERM');
    });
  const forget = onInterrupt(stop);
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop };
}

module.exports = { startCeiling };
