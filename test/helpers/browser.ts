import { after, before } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.js';
import { newsroomSite, type Site } from '../newsroom/helpers.js';

/** Debian's Chromium, headless, with nothing reaching for the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where screenshots go (ignored by git). */
export function screenshotPath(name: string): string {
  const dir = path.join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** A newsroom site served on a free port, with Chromium open, for the tests of one file. */
export interface ServedSite {
  site: Site;
  /** http://127.0.0.1:port */
  base: string;
  browser: Browser;
}

/**
 * Registers the file's before and after: a new site, filled by `prepare`,
 * served and opened in Chromium before the tests; both closed after. The
 * returned object is filled in by the time the tests run.
 */
export function servedSite(prepare: (site: Site) => Promise<void> = async () => {}): ServedSite {
  const served = {} as ServedSite;
  before(async () => {
    served.site = await newsroomSite();
    await prepare(served.site);
    served.base = await served.site.app.listen({ port: 0, host: '127.0.0.1' });
    served.browser = await launchBrowser();
  });
  after(async () => {
    await served.browser?.close();
    await served.site?.close();
  });
  return served;
}
