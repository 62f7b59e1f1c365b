import type { AstroIntegration, AstroPrerenderer } from 'astro';

/** What `buildProgress` tells the build script about a build as it goes. */
export interface BuildProgressReporter {
	/** Astro has loaded the site's config and content and is about to bundle it; it waits for this. */
	beforeBundle(): Promise<void>;
	/** Astro has bundled the site and is about to render it. */
	bundled(): void;
	/** `done` of `total` files (pages, feeds, downloads, cards) are rendered. */
	rendered(done: number, total: number): void;
	/**
	 * Every file is written: `rendered` of them were rendered, the rest of the `total` copied from
	 * the last build by Astro's incremental build, which does not pass them through the renderer.
	 */
	generated(rendered: number, total: number): void;
	/**
	 * The build is finished: the HTML pages it made, by path, and every file its routes made
	 * (pages, feeds, downloads, cards), rendered or kept from the last build.
	 */
	finished(pages: string[], files: URL[]): void;
}

/**
 * Reports an Astro build's phases and rendering progress to the build script, which prints them as
 * its own lines instead of Astro's line per file. It wraps Astro's prerenderer, which is the one
 * place that knows how many files there are to render and when each is done.
 */
export function buildProgress(reporter: BuildProgressReporter): AstroIntegration {
	return {
		name: 'broadsheet:build-progress',
		hooks: {
			'astro:build:start': async ({ setPrerenderer }) => {
				setPrerenderer((inner): AstroPrerenderer => {
					let total = 0;
					let done = 0;
					return {
						name: 'broadsheet:counted',
						setup: async () => {
							await inner.setup?.();
							reporter.bundled();
						},
						getStaticPaths: async () => {
							const paths = await inner.getStaticPaths();
							total = paths.length;
							return paths;
						},
						render: async (request, options) => {
							const result = await inner.render(request, options);
							reporter.rendered(++done, total);
							return result;
						},
						collectStaticImages: inner.collectStaticImages && (() => inner.collectStaticImages!()),
						teardown: async () => {
							await inner.teardown?.();
							reporter.generated(done, total);
						},
					};
				});
				await reporter.beforeBundle();
			},
			'astro:build:done': ({ pages, assets }) => {
				reporter.finished(
					pages.map((page) => page.pathname),
					[...assets.values()].flat(),
				);
			},
		},
	};
}
