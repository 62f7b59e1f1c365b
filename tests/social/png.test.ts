import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePng } from '../../src/social/png.ts';

/** The RGBA pixels a PNG decodes to. */
async function pixels(png: Buffer): Promise<Buffer> {
	return sharp(png).ensureAlpha().raw().toBuffer();
}

function draw(svg: string) {
	return new Resvg(svg, { font: { loadSystemFonts: false } }).render();
}

/** Every alpha from 0 to 255, in four colours, with anti-aliased circle edges over it. */
const TRANSLUCENT = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="64">
	<defs>${['#a61b1b', '#1b1b1b', '#3d7ab8', '#f2c94c']
		.map((colour, i) => `<linearGradient id="g${i}"><stop offset="0" stop-color="${colour}" stop-opacity="0"/><stop offset="1" stop-color="${colour}" stop-opacity="1"/></linearGradient>`)
		.join('')}</defs>
	${[0, 1, 2, 3].map((i) => `<rect y="${i * 16}" width="256" height="16" fill="url(#g${i})"/>`).join('')}
	<circle cx="40.3" cy="31.7" r="20.2" fill="#555049" fill-opacity="0.37"/>
</svg>`;

/** A card-like picture: opaque paper, lines and shapes with anti-aliased edges. */
const OPAQUE = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="160">
	<rect width="300" height="160" fill="#fbfaf6"/>
	<path d="M10 20 L290 20 M10 26 L290 26" stroke="#1b1b1b" stroke-width="2"/>
	<circle cx="80.5" cy="90.25" r="40.4" fill="#a61b1b"/>
	<path d="M150 140 C180 40 240 40 290 140 Z" fill="#555049" opacity="0.6"/>
</svg>`;

describe('encodePng', () => {
	it("encodePng(image) writes the pixels resvg's own PNG encoder writes, for an opaque picture", async () => {
		const image = draw(OPAQUE);
		const expected = await pixels(image.asPng());
		const png = await encodePng(draw(OPAQUE));
		expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 300, height: 160 });
		expect((await pixels(png)).equals(expected)).toBe(true);
	});

	it("encodePng(image) writes the pixels resvg's own PNG encoder writes, for every alpha of a translucent picture", async () => {
		const expected = await pixels(draw(TRANSLUCENT).asPng());
		// The picture does hold translucent colours: the division back from premultiplied values matters.
		expect(new Set([...expected.filter((_, i) => i % 4 === 3)]).size).toBeGreaterThan(200);
		for (const level of [1, 6]) expect((await pixels(await encodePng(draw(TRANSLUCENT), level))).equals(expected)).toBe(true);
	});
});
