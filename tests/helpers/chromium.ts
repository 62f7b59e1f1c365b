import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../../src/tools/chromium-path.ts';

export { chromiumPath };

/**
 * Starts headless Chromium the way this machine needs: no sandbox as root, and no background
 * networking, which the closed network here refuses.
 */
export function launchChromium(): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath,
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

/** What a test may listen to on a tab; a tab given back is rid of these listeners. */
const PAGE_EVENTS = ['pageerror', 'console', 'dialog', 'request', 'requestfinished', 'requestfailed', 'response', 'popup', 'download'] as const;

/**
 * Tabs of one Chromium that tests reuse, a browser context for each viewport and colour scheme:
 * on this machine a check in a new tab (axe and a screenshot) costs about 4 s of CPU, mostly Chromium's,
 * the same check in a tab that has loaded a page of the site before about 1.6 s (docs/performance.md,
 * "npm test's time"). `open` hands out an idle tab with the settings asked for, or a new one;
 * `giveBack` returns it emptied (about:blank), with the media emulation and viewport it was opened
 * with and no listener a test added; a tab that cannot be emptied is closed, and one never given back
 * is not used again. The site keeps no state in the browser (no cookies, no storage), so a test
 * sees nothing of the tests that used its tab before.
 */
export class Tabs {
	readonly #browser: () => Browser;
	readonly #contexts = new Map<string, Promise<BrowserContext>>();
	readonly #idle = new Map<string, Page[]>();
	readonly #settings = new WeakMap<Page, { key: string; settings: TabSettings }>();

	/** `browser` gives the Chromium to open tabs in, which may start after the tabs are declared. */
	constructor(browser: () => Browser) {
		this.#browser = browser;
	}

	async open(settings: TabSettings = {}): Promise<Page> {
		const key = JSON.stringify([settings.viewport ?? null, settings.colorScheme ?? null]);
		const idle = this.#idle.get(key)?.pop();
		if (idle) return idle;
		let context = this.#contexts.get(key);
		if (!context) this.#contexts.set(key, (context = this.#browser().newContext(settings)));
		const page = await (await context).newPage();
		this.#settings.set(page, { key, settings });
		return page;
	}

	async giveBack(page: Page): Promise<void> {
		const { key, settings } = this.#settings.get(page)!;
		for (const event of PAGE_EVENTS) page.removeAllListeners(event);
		try {
			await page.goto('about:blank');
			await page.emulateMedia({ media: null, colorScheme: settings.colorScheme ?? 'light' });
			const viewport = settings.viewport ?? { width: 1280, height: 720 };
			const size = page.viewportSize();
			if (size?.width !== viewport.width || size.height !== viewport.height) await page.setViewportSize(viewport);
		} catch {
			await page.close().catch(() => undefined);
			return;
		}
		this.#idle.set(key, [...(this.#idle.get(key) ?? []), page]);
	}
}
