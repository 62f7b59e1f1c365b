import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Dates are formatted in Beijing time whatever the machine's zone; pinning TZ proves it.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
	// Vitest's own record of the last run stays out of the project's node_modules, as every cache of the tests does.
	cacheDir: join(tmpdir(), 'broadsheet-vitest'),
	test: {
		include: ['tests/**/*.test.ts'],
		// Two test files at a time, one per core: each file's builds already run worker threads (the content
		// check, social cards) and Chromium its own processes. Three at a time used more CPU for the same
		// work and finished later (docs/performance.md, "npm test's time").
		maxWorkers: 2,
		globalSetup: ['tests/global-setup.ts'],
		setupFiles: ['tests/setup-caches.ts'],
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		env: { TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1' },
	},
});
