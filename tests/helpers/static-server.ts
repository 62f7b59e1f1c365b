import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import { lookup } from 'mrmime';

/** A static host for a built site, as a CDN would serve it: `dir/index.html` for `dir/`, `404.html` otherwise. */
export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** Serves `folder` under `base` on a free loopback port. */
export async function serveStatic(folder: string, base = '/'): Promise<StaticServer> {
	const server: Server = createServer(async (request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
		const send = async (file: string, status = 200) => {
			response.writeHead(status, { 'content-type': lookup(file) ?? 'application/octet-stream' });
			createReadStream(file).pipe(response);
		};
		if (pathname.startsWith(base)) {
			let file = join(folder, normalize(pathname.slice(base.length)));
			if (!file.startsWith(folder)) return void response.writeHead(403).end();
			const info = await stat(file).catch(() => undefined);
			if (info?.isDirectory()) file = join(file, 'index.html');
			if (await stat(file).then((s) => s.isFile()).catch(() => false)) return send(file);
		}
		return send(join(folder, '404.html'), 404);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}${base}`,
		// The connections a browser keeps open (idle, or opened ahead of a request that never came) end
		// with the server: Chromium outlives a test file (tests/helpers/chromium.ts), and would hold them.
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
