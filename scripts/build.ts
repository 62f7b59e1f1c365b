/**
 * `npm run build`: runs Astro's build in this process, whose broadsheet() integration
 * (src/build/broadsheet.ts) validates the content, builds the site into a work folder kept
 * between builds (src/build/work-folder.ts), and only when everything succeeded publishes it to
 * the output folder, copying what changed (src/build/publish.ts). A failed or killed build leaves
 * the last good site exactly as it was. `npx astro build` runs the same pipeline.
 *
 * Environment: BROADSHEET_ROOT (the site root, default: the project folder), BROADSHEET_OUT_DIR (default:
 * dist), BROADSHEET_BASE and BROADSHEET_URL (override the configured base path and origin).
 */
import { enableCompileCache } from 'node:module';

// Node keeps the code it compiles (Astro's, Vite's, the build's own) in a cache in the temporary
// folder: start-up takes half as long the second time. It applies to modules loaded after this
// line, so the build is imported here rather than at the top.
const { directory } = enableCompileCache();
// Worker threads (the content check, social cards) read the folder from the environment when they start.
if (directory !== undefined) process.env.NODE_COMPILE_CACHE ??= directory;
const { buildSite, effectsFromEnvironment } = await import('../src/build/build-site.ts');
const code = await buildSite(effectsFromEnvironment(process.env, process.cwd()));
// Exits once the log is written, rather than when every handle Astro and Vite opened is closed.
for (const stream of [process.stdout, process.stderr]) await new Promise((done) => stream.write('', done));
process.exit(code);
