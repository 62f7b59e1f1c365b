import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium, Tabs } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * For a browser test file: starts Chromium and a static server for the sample edition built by the
 * global setup before the tests, and stops both after them. Tests open their tabs from `tabs`.
 */
export function useSampleInBrowser(): { browser: () => Browser; server: () => StaticServer; tabs: Tabs } {
	let browser: Browser | undefined;
	let server: StaticServer | undefined;
	beforeAll(async () => {
		server = await serveStatic(inject('sampleDist'));
		browser = await launchChromium();
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	return { browser: () => browser!, server: () => server!, tabs: new Tabs(() => browser!) };
}
