import { chromium, type Browser } from 'playwright-core';
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

