import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../../index/config.ts';

/** Debian's Chromium; CI installs it with `apt-get install chromium fonts-noto-cjk`. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Where screenshots go (git-ignored). */
export const ARTIFACTS_DIR = join(PROJECT_ROOT, 'tests', 'artifacts');

/**
 * Launches headless Chromium, offline-friendly: no background requests, no component updates, no sync. Playwright
 * gives each launch a fresh temporary profile.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/** Options of {@link openPage}. */
export interface OpenPageOptions {
  /** The browser's language (`navigator.language`). Default `ko-KR`. */
  locale?: string;
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  /** `prefers-reduced-motion`. Default `no-preference`. */
  reducedMotion?: 'reduce' | 'no-preference';
}

/** A page in a fresh context (own storage), with failures of the page itself collected. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, so a test can assert the page ran cleanly. */
  errors: string[];
}

/** Opens a new page in its own context. */
export async function openPage(browser: Browser, options: OpenPageOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext({
    locale: options.locale ?? 'ko-KR',
    viewport: options.viewport ?? { width: 1280, height: 800 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/** Path of a screenshot under tests/artifacts/, creating the folder. */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
