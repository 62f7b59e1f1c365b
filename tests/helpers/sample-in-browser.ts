import { afterAll, beforeAll, inject } from 'vitest';
import { sharedTabs, type Tabs } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

/**
 * For a browser test file: a static server for the sample edition built by the global setup,
 * started before the tests and stopped after them. Tests open their tabs from `tabs`, the process's
 * Chromium (`sharedTabs`).
 */
export function useSampleInBrowser(): { server: () => StaticServer; tabs: Tabs } {
	let server: StaticServer | undefined;
	beforeAll(async () => {
		server = await serveStatic(inject('sampleDist'));
	});
	afterAll(async () => {
		await server?.close();
	});
	return { server: () => server!, tabs: sharedTabs() };
}
