/** Starts bench/lib/ceiling-server.js as a child process serving `body`. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

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
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

module.exports = { startCeiling };
