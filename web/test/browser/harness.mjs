// What every browser check and benchmark shares: a real `hci serve` on a free loopback port, and Debian's
// headless chromium driven by playwright-core from WEB_DIR's node_modules.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Starts `hci ARGS` (a `serve --port 0` command line) and resolves once it prints the port it listens on. */
export async function startServer(hci, args) {
  const child = spawn(hci, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const match = /127\.0\.0\.1:(\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    exited.then((code) => reject(new Error(`hci serve exited with ${code} before listening`)));
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Stops the server and resolves once it has exited, so its files can be removed. */
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Launches Debian's chromium headless, with nothing that would reach outside the machine. */
export function launchChromium(webDir) {
  const { chromium } = createRequire(join(webDir, 'package.json'))('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
