import type { AstroIntegration } from 'astro';
import { join, relative, sep } from 'node:path';
import { SITE_LAYOUT } from '../config/site-layout.ts';
import { projectRoot, siteRoot } from '../config/site-root.ts';
import { formatProblem, type Problem } from '../core/problem.ts';
import { SETTLE_MS } from '../core/settled-changes.ts';
import { setContentCheckState, type ContentCheckState } from './content-check-state.ts';
import { contentError } from './content-error.ts';

/**
 * `astro dev` validates the content the way `npm run check` and `npm run build` do, when it starts
 * and whenever a file under content/ or data/ or the site config changes. Problems go to the
 * terminal and to the browser's error overlay (on every page while they last); warnings go to the
 * terminal. Once the content is valid again the browser reloads.
 */
export function contentCheck(): AstroIntegration {
	return {
		name: 'broadsheet:content-check',
		hooks: {
			'astro:config:setup': ({ command, addMiddleware }) => {
				if (command !== 'dev') return;
				addMiddleware({ order: 'pre', entrypoint: join(projectRoot, 'src/build/content-check-middleware.ts') });
			},
			'astro:server:setup': ({ server, logger }) => {
				const state: ContentCheckState = { problems: [], warnings: [], ready: Promise.resolve() };
				setContentCheckState(state);
				let printedWarnings = '';
				const check = async () => {
					const hadProblems = state.problems.length > 0;
					// Loaded here, in `astro dev` only: a build loads this config too, and checks the content itself.
					const { validateSite } = await import('../validation/validate-site.ts');
					const site = await validateSite(siteRoot);
					state.problems = site.problems;
					state.warnings = site.warnings;
					if (site.problems.length > 0) {
						const error = contentError(site.problems, siteRoot);
						logger.error(`${error.title}:\n${indent(site.problems)}`);
						server.environments.client.hot.send({ type: 'error', err: error as never });
					} else if (hadProblems) {
						logger.info('The content is valid again.');
						server.environments.client.hot.send({ type: 'full-reload', path: '*' });
					}
					const warnings = indent(site.warnings);
					if (warnings !== printedWarnings) {
						printedWarnings = warnings;
						if (warnings) logger.warn(`${site.warnings.length === 1 ? '1 warning' : `${site.warnings.length} warnings`} (they do not stop the build):\n${warnings}`);
					}
				};
				const run = () => check().catch((error: Error) => logger.error(`The content could not be checked: ${error.stack ?? error.message}`));
				state.ready = run();

				const watched = [SITE_LAYOUT.content, SITE_LAYOUT.data, SITE_LAYOUT.config].map((name) => join(siteRoot, name));
				server.watcher.add(watched);
				let timer: NodeJS.Timeout | undefined;
				let settle: (() => void) | undefined;
				server.watcher.on('all', (_event, path) => {
					const name = relative(siteRoot, path).split(sep)[0];
					if (![SITE_LAYOUT.content, SITE_LAYOUT.data, SITE_LAYOUT.config].includes(name as never)) return;
					clearTimeout(timer);
					// Requests wait from the moment a file changes, not from when the check starts.
					if (!settle) state.ready = new Promise<void>((resolve) => (settle = resolve));
					timer = setTimeout(() => {
						const done = settle;
						settle = undefined;
						void run().finally(done);
					}, SETTLE_MS);
				});
			},
		},
	};
}

function indent(problems: Problem[]): string {
	return problems.map((problem) => `  ${formatProblem(problem)}`).join('\n');
}
