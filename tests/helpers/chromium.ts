import { mkdtempSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumPath } from '../../src/tools/chromium-path.ts';

/**
 * Starts headless Chromium the way this machine needs: no sandbox as root, and no background
 * networking, which the closed network here refuses.
 */
function launchChromium({ env }: { env?: NodeJS.ProcessEnv } = {}): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
		env,
		// On a signal the process exits at once (sharedTabs), and Playwright's exit handler ends Chromium and removes its profile.
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

/** The settings a test opens a tab with. */
export interface TabSettings {
	viewport?: { width: number; height: number };
	colorScheme?: 'light' | 'dark';
}

/** A tab's viewport when a test asks for none (Playwright's default). */
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };

/** What a test may listen to on a tab; a tab given back is rid of these listeners. */
const PAGE_EVENTS = ['pageerror', 'console', 'dialog', 'request', 'requestfinished', 'requestfailed', 'response', 'popup', 'download'] as const;

/**
 * Tabs of one Chromium that tests reuse, all in one browser context, each set to the viewport and
 * colour scheme a test asks for. On this machine a check of a page (axe on a story) costs about 4 s
 * of CPU, mostly Chromium's, in the first tab of a new context, about 1.8 s in another new tab of
 * the same context, and 1.1–1.3 s in a tab that has loaded a page before, whatever its viewport,
 * scheme or site before (docs/performance.md, "npm test's time"). `open` hands out an idle tab or a
 * new one; `giveBack` returns it emptied (about:blank), without print emulation or any listener a
 * test added; a tab that cannot be emptied is closed, and one never given back is not used again.
 * The site keeps no state in the browser (no cookies, no storage), so a test sees nothing of the
 * tests that used its tab before; a test that needs a context of its own (JavaScript off) makes one
 * from `browser()` and closes it.
 */
export class Tabs {
	readonly #launch: () => Promise<Browser>;
	#browser: Promise<Browser> | undefined;
	#context: Promise<BrowserContext> | undefined;
	readonly #idle: Page[] = [];

	/** `launch` starts the Chromium the tabs are in, when the first tab is opened. */
	constructor(launch: () => Promise<Browser>) {
		this.#launch = launch;
	}

	browser(): Promise<Browser> {
		return (this.#browser ??= this.#launch());
	}

	async open(settings: TabSettings = {}): Promise<Page> {
		const page = this.#idle.pop() ?? (await (await (this.#context ??= this.browser().then((browser) => browser.newContext()))).newPage());
		const viewport = settings.viewport ?? DEFAULT_VIEWPORT;
		const size = page.viewportSize();
		if (size?.width !== viewport.width || size.height !== viewport.height) await page.setViewportSize(viewport);
		await page.emulateMedia({ colorScheme: settings.colorScheme ?? 'light' });
		return page;
	}

	async giveBack(page: Page): Promise<void> {
		for (const event of PAGE_EVENTS) page.removeAllListeners(event);
		try {
			await page.goto('about:blank');
			await page.emulateMedia({ media: null });
		} catch {
			await page.close().catch(() => undefined);
			return;
		}
		this.#idle.push(page);
	}
}

let shared: Tabs | undefined;

/**
 * The tabs of this test process's one Chromium. The e2e project's files share their worker
 * processes (vitest.config.ts), so the browser test files a process runs share one Chromium and its
 * tabs: the first to open a tab starts it, and it ends with the process (Playwright closes the
 * browsers it started when the process exits). Its profile and temporary files are in a folder of
 * its own beside the run's folder of shared sites (tests/global-setup.ts), not in the folder of the
 * test file that started it, which goes with that file; it is removed once Chromium has ended.
 */
export function sharedTabs(): Tabs {
	return (shared ??= new Tabs(async () => {
		// The run's temporary folder, which the global setup made its folder of shared sites in.
		const folder = mkdtempSync(join(dirname(inject('sharedSites')), 'broadsheet-chromium-'));
		// Playwright makes the profile in os.tmpdir() during the launch, and os.tmpdir() reads TMPDIR: the file's own folder otherwise.
		const fileTmp = process.env.TMPDIR;
		process.env.TMPDIR = folder;
		try {
			return await launchChromium({ env: { ...process.env } });
		} finally {
			if (fileTmp === undefined) delete process.env.TMPDIR;
			else process.env.TMPDIR = fileTmp;
			// After Playwright's own handler, registered by the launch, has ended Chromium (which would make its TMPDIR again).
			process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
			// Vitest stops a worker with SIGTERM, and SIGKILL half a second later: Playwright's own handling
			// (closing Chromium, then its profile) did not always finish in time, and left the profile behind.
			// Exiting runs the exit handlers, which do both at once.
			for (const [signal, number] of [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]] as const) process.once(signal, () => process.exit(128 + number));
		}
	}));
}
