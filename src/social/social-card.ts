import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

/** What a story's social card (Open Graph image) shows. */
export interface SocialCard {
	/** The publication's name, drawn as the masthead. */
	siteName: string;
	kicker?: string;
	headline: string;
	/** 2024年9月18日 星期三 */
	dateLine: string;
	/** 第05版：区县新闻 */
	pageLine: string;
	/** The story's lead chart as a standalone SVG with its colours inlined, when it has one. */
	chartSvg?: string;
	/** Under the chart, the outside body its figures come from: 来源：河南省文化和旅游厅；本报记者整理. */
	chartSource?: string;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The chart's width on the card; its height follows from its viewBox. */
const CHART_WIDTH = 420;

/** The name satori knows the face by. */
const FONT_FAMILY = 'Broadsheet Headline';
/** The family name inside the font file, which resvg matches the chart's text against. */
const FONT_FILE_FAMILY = 'Noto Serif SC';
const INK = '#1b1b1b';
const MUTED = '#555049';
const ACCENT = '#a61b1b';
const PAPER = '#fbfaf6';

type Node = { type: string; props: Record<string, unknown> & { children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
	type,
	props: { style, children, ...extra },
});

function layout(card: SocialCard, chartPng?: { data: Buffer; width: number; height: number }): Node {
	const text = el('div', { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, justifyContent: 'center', gap: 16 }, [
		card.kicker ? el('div', { fontSize: 34, color: MUTED }, card.kicker) : null,
		el('div', { fontSize: card.headline.length > 24 ? 54 : 64, lineHeight: 1.3, color: INK, lineClamp: 3 }, card.headline),
	].filter(Boolean));
	const image = chartPng
		? el('img', { width: CHART_WIDTH, height: Math.round((CHART_WIDTH * chartPng.height) / chartPng.width), objectFit: 'contain' }, undefined, {
				src: `data:image/png;base64,${chartPng.data.toString('base64')}`,
				width: CHART_WIDTH,
				height: Math.round((CHART_WIDTH * chartPng.height) / chartPng.width),
			})
		: null;
	const chart =
		image && card.chartSource
			? el('div', { display: 'flex', flexDirection: 'column', gap: 8 }, [image, el('div', { fontSize: 20, color: MUTED, width: CHART_WIDTH }, card.chartSource)])
			: image;
	return el(
		'div',
		{
			width: '100%',
			height: '100%',
			boxSizing: 'border-box',
			display: 'flex',
			flexDirection: 'column',
			padding: '48px 64px',
			background: PAPER,
			fontFamily: FONT_FAMILY,
		},
		[
			el('div', { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', borderBottom: `6px double ${INK}`, paddingBottom: 12 }, [
				el('div', { fontSize: 56, color: ACCENT, letterSpacing: 8 }, card.siteName),
				el('div', { fontSize: 26, color: MUTED }, card.dateLine),
			]),
			el('div', { display: 'flex', flex: 1, gap: 40, alignItems: 'center' }, [text, chart].filter(Boolean)),
			el('div', { display: 'flex', fontSize: 28, color: MUTED, borderTop: `2px solid ${INK}`, paddingTop: 12 }, card.pageLine),
		],
	);
}

/**
 * Draws a 1200×630 PNG social card with satori (layout to SVG) and resvg (SVG to PNG) with one
 * face, the headline face or a subset of it holding every character of `cardCharacters(card)`
 * (`cardFontFor` picks it), so Chinese is drawn as Chinese, not boxes. Both take the outlines of the
 * glyphs from the font, so any such subset draws the same bytes as the whole face.
 */
export async function renderSocialCard(card: SocialCard, font: { data: Buffer; file: string }): Promise<Buffer> {
	// resvg draws the text of an SVG nested as an image without fonts, so the chart is drawn to a
	// PNG first, with the headline face, and placed on the card as a picture.
	const chartPng = card.chartSvg ? drawPng(card.chartSvg, font.file, CHART_WIDTH * 2) : undefined;
	const svg = await satori(layout(card, chartPng) as Parameters<typeof satori>[0], {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: [{ name: FONT_FAMILY, data: font.data, weight: 700, style: 'normal' }],
	});
	// satori has turned every letter into a path: resvg needs no font for the card itself, and not
	// loading one saves reading the whole face again when the card is drawn with it.
	return drawPng(svg, undefined, CARD_WIDTH).data;
}

/**
 * Every character a card can draw: its lines, the text of its chart (not the chart's title and
 * description, which are not drawn) and the ellipsis satori draws where it cuts a clamped line.
 * A font missing one of them draws a blank where the character should be.
 */
export function cardCharacters(card: SocialCard): Set<string> {
	const lines = [card.siteName, card.kicker ?? '', card.headline, card.dateLine, card.pageLine, card.chartSource ?? '', '…'];
	const drawnSvg = (card.chartSvg ?? '').replace(/<(title|desc|style|metadata)\b[^>]*>[\s\S]*?<\/\1\s*>/g, '');
	for (const [, text] of drawnSvg.matchAll(/>([^<]+)</g)) lines.push(decodeXmlText(text));
	return new Set([...lines.join('')].filter((char) => !/[\n\r\t]/.test(char)));
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text an XML text node stands for: `&amp;` is one `&`, `&#x4e2d;` is 中. */
function decodeXmlText(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] !== '#') return NAMED_ENTITIES[name] ?? entity;
		const codePoint = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
		return String.fromCodePoint(codePoint);
	});
}

/** Draws an SVG to a PNG `width` pixels wide with only the given font, never the machine's fonts. */
function drawPng(svg: string, fontFile: string | undefined, width: number): { data: Buffer; width: number; height: number } {
	const image = new Resvg(svg, {
		fitTo: { mode: 'width', value: width },
		font: { loadSystemFonts: false, fontFiles: fontFile ? [fontFile] : [], defaultFontFamily: FONT_FILE_FAMILY },
	}).render();
	return { data: image.asPng(), width: image.width, height: image.height };
}
