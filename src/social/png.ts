import type { RenderedImage } from '@resvg/resvg-js';
import sharp from 'sharp';

/**
 * A picture resvg drew, as a PNG of the same pixels that resvg's own `asPng()` writes, encoded by
 * sharp (libvips and zlib-ng) instead. resvg's encoder took 50–70 ms of a social card's 80–130 ms
 * in a cold build's profile; sharp writes the same pixels in about a third of that, in a thread of
 * libuv's pool rather than the JavaScript thread, and the file is smaller (docs/performance.md).
 *
 * `compressionLevel` is zlib's (0–9); a picture that is decoded again at once (a chart placed on a
 * card) is written at 1, which takes a few milliseconds.
 */
export async function encodePng(image: Pick<RenderedImage, 'pixels' | 'width' | 'height'>, compressionLevel = 6): Promise<Buffer> {
	return sharp(straightAlpha(image.pixels), { raw: { width: image.width, height: image.height, channels: 4 } })
		.png({ compressionLevel, adaptiveFiltering: false })
		.toBuffer();
}

/**
 * The colour value a premultiplied value `c` at alpha `a` stands for, as resvg (tiny-skia) divides
 * it back: `c / (a / 255)` rounded half up in double precision (21 at alpha 90 is 59, where
 * `Math.round(21 × 255 / 90)` gives 60). Made when first needed.
 */
let demultiplied: Uint8Array | undefined;

function demultiplyTable(): Uint8Array {
	if (!demultiplied) {
		demultiplied = new Uint8Array(256 * 256);
		for (let a = 1; a < 256; a++) for (let c = 0; c < 256; c++) demultiplied[a * 256 + c] = Math.min(255, Math.trunc(c / (a / 255) + 0.5));
	}
	return demultiplied;
}

/**
 * resvg's pixels are RGBA with each colour multiplied by its alpha; PNG stores colours as they
 * are. A translucent pixel's colours are divided back, rounded as resvg does when it writes a PNG
 * (a test compares the two), so the file holds the pixels `asPng()` would. An opaque picture (a
 * card, a chart download on its paper) needs nothing done.
 */
function straightAlpha(pixels: Buffer): Buffer {
	let table: Uint8Array | undefined;
	for (let i = 3; i < pixels.length; i += 4) {
		const alpha = pixels[i]!;
		if (alpha === 255 || alpha === 0) continue;
		table ??= demultiplyTable();
		const row = alpha * 256;
		pixels[i - 3] = table[row + pixels[i - 3]!]!;
		pixels[i - 2] = table[row + pixels[i - 2]!]!;
		pixels[i - 1] = table[row + pixels[i - 1]!]!;
	}
	return pixels;
}
