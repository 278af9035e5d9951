// Finds and launches the Chromium the end-to-end tests drive.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** AMANA_CHROMIUM, then Debian's /usr/bin/chromium, then a browser Playwright installed itself. */
function findChromium(env: Record<string, string | undefined> = process.env): string {
  const candidates = [env['AMANA_CHROMIUM'], '/usr/bin/chromium', chromium.executablePath()];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
  if (!found) {
    throw new Error(
      'No Chromium found for the end-to-end tests. Set AMANA_CHROMIUM to a Chromium or Chrome executable, ' +
        'or install one: `apt-get install -y chromium` (Debian/Ubuntu). Looked at: ' +
        candidates.filter(Boolean).join(', '),
    );
  }
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
