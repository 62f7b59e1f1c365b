import { defineConfig } from 'vitest/config';

// Dates are formatted in Beijing time whatever the machine's zone; pinning TZ proves it.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
	test: {
		include: ['tests/**/*.test.ts'],
		globalSetup: ['tests/global-setup.ts'],
		reporters: ['default', './tests/helpers/summary-reporter.ts'],
		testTimeout: 120_000,
		hookTimeout: 300_000,
		env: { TZ: 'Asia/Shanghai', ASTRO_TELEMETRY_DISABLED: '1' },
	},
});
