// Debian's chromium, driven through playwright-core, for the browser tests.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** A headless chromium that reaches nothing but what a test opens. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Records on `page` every request leaving for another origin than `origin`, script errors and dialogs. */
export function watch(page: Page, origin: string): { foreign: string[]; dialogs: string[]; errors: string[] } {
  const foreign: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // A refused inline style or script (a policy hash that no longer matches) shows up here.
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { foreign, dialogs, errors };
}
