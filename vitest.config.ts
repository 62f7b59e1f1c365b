import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Dates are formatted in Beijing time whatever the machine's zone; pinning TZ proves it.
process.env.TZ = 'Asia/Shanghai';

// Vitest's own records (its results and the modules it transformed) stay out of the project's
// node_modules, as every cache of the tests does.
const cacheDir = join(tmpdir(), 'broadsheet-vitest');

/** What every test file gets: its own cache folder (tests/setup-caches.ts), the time limits, Beijing time. */
const common = {
	setupFiles: ['tests/setup-caches.ts'],
	testTimeout: 120_000,
	hookTimeout: 300_000,
	env: { TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1' },
	// The files of a worker process share it and the modules they loaded: none keeps state between files
	// (each file's caches are its own, tests/setup-caches.ts), and starting a process and loading the
	// modules again for each file cost more than most files' tests (docs/performance.md).
	isolate: false,
};

export default defineConfig({
	cacheDir,
	test: {
		fsModuleCachePath: join(cacheDir, 'modules'),
		// Two test files at a time, one per core: each file's builds already run worker threads (the content
		// check, social cards) and Chromium its own processes. Three at a time used more CPU for the same
		// work and finished later (docs/performance.md, "npm test's time").
		maxWorkers: 2,
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		projects: [
			{
				cacheDir,
				test: { ...common, name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'] },
			},
			{
				// Tests that build a site or open a browser, after the sample edition is built for all of them
				// (tests/global-setup.ts). A build in the test's process sets the environment and restores it; the
				// browser test files of a process share its Chromium (tests/helpers/chromium.ts, sharedTabs).
				cacheDir,
				test: { ...common, name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/global-setup.ts'] },
			},
		],
	},
});
