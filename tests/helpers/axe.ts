import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG levels the site promises: 2.0, 2.1 and 2.2, A and AA. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: Promise<string> | undefined;

/**
 * Runs axe-core on the page as it is now and returns its violations. axe is evaluated through the
 * DevTools protocol rather than added as a `<script>`, so a strict Content-Security-Policy on the
 * page cannot block it; with `Runtime.evaluate` itself, which returns nothing of it, rather than
 * Playwright's `evaluate`, which cost Chromium about 0.13 s more of CPU per page. Once per
 * document: evaluating axe takes Chromium about a quarter of a second, and its first run in a
 * document almost twice as long as the next (see {@link inEachScheme}).
 */
export async function axeViolations(page: Page): Promise<Result[]> {
	if (!(await page.evaluate(() => 'axe' in window))) {
		axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
		const session = await page.context().newCDPSession(page);
		try {
			const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: await axeSource, silent: true });
			if (exceptionDetails) throw new Error(`axe-core did not load: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
		} finally {
			await session.detach();
		}
	}
	const results = await page.evaluate(
		(tags) => (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } }).axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
		}),
		wcagTags,
	);
	return results.violations;
}

/** Violations as a person fixing them reads them: rule, impact, what it means, and each element with what is wrong. */
export function formatViolations(violations: Result[]): string {
	return violations
		.map((violation) => {
			const nodes = violation.nodes.map((node) => {
				const summary = (node.failureSummary ?? '').split('\n').map((line) => `      ${line.trim()}`);
				return `    ${node.target.join(' ')}\n${summary.join('\n')}`;
			});
			return `${violation.id} (${violation.impact}): ${violation.help}\n  ${violation.helpUrl}\n${nodes.join('\n')}`;
		})
		.join('\n');
}

/** The colour schemes a reader's browser may ask for. */
export const SCHEMES = ['light', 'dark'] as const;

/**
 * Runs `check` on the loaded page in light and then in dark mode, switching the emulated scheme in
 * place rather than loading the page again: the site's dark mode is its stylesheet's alone
 * (`prefers-color-scheme` in src/styles/global.css; no script reads the scheme), which the browser
 * applies at once, as it does when a reader's system switches. Loading and evaluating axe again
 * would cost Chromium about half a second a page. Fails unless each scheme is really emulated, so
 * the dark-mode checks are not light ones twice.
 */
export async function inEachScheme(page: Page, check: (colorScheme: (typeof SCHEMES)[number]) => Promise<void>): Promise<void> {
	for (const colorScheme of SCHEMES) {
		await page.emulateMedia({ colorScheme });
		if ((await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)) !== (colorScheme === 'dark')) {
			throw new Error(`The page is not shown in ${colorScheme} mode`);
		}
		await check(colorScheme);
	}
}
