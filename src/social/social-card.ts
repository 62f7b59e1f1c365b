import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { encodePng } from './png.ts';

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

/**
 * A transparent 1×1 PNG that stands where satori lays out the chart: satori draws a picture's
 * text without the card's face, so the chart's own SVG replaces it in satori's output (`placeChart`).
 */
const CHART_PLACEHOLDER = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function layout(card: SocialCard, chartHeight?: number): Node {
	const text = el('div', { display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, justifyContent: 'center', gap: 16 }, [
		card.kicker ? el('div', { fontSize: 34, color: MUTED }, card.kicker) : null,
		el('div', { fontSize: card.headline.length > 24 ? 54 : 64, lineHeight: 1.3, color: INK, lineClamp: 3 }, card.headline),
	].filter(Boolean));
	const image =
		chartHeight === undefined
			? null
			: el('img', { width: CHART_WIDTH, height: chartHeight }, undefined, { src: CHART_PLACEHOLDER, width: CHART_WIDTH, height: chartHeight });
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
	const chart = card.chartSvg === undefined ? undefined : chartOnCard(card.chartSvg);
	let svg = await satori(layout(card, chart?.height) as Parameters<typeof satori>[0], {
		width: CARD_WIDTH,
		height: CARD_HEIGHT,
		fonts: [{ name: FONT_FAMILY, data: font.data, weight: 700, style: 'normal' }],
	});
	if (chart) svg = placeChart(svg, chart);
	// satori has turned every letter of the card's lines into a path; only a chart's text needs the
	// face, and a card without a chart does not read it again.
	const image = new Resvg(svg, {
		fitTo: { mode: 'width', value: CARD_WIDTH },
		font: { loadSystemFonts: false, fontFiles: chart ? [font.file] : [], defaultFontFamily: FONT_FILE_FAMILY },
	}).render();
	return encodePng(image);
}

/** A story's chart as the card places it: 420 px wide, its height from its viewBox. */
interface CardChart {
	/** The chart's root `<svg>` attributes, without its size and place. */
	attributes: string;
	/** What is inside its root. */
	content: string;
	height: number;
}

function chartOnCard(chartSvg: string): CardChart {
	const root = /<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(chartSvg);
	const viewBox = root && /\sviewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"/.exec(root[1]!);
	if (!root || !viewBox) throw new Error(`the chart is not an SVG with a viewBox: received "${chartSvg.slice(0, 60)}"`);
	return {
		attributes: root[1]!.replace(/\s(?:x|y|width|height|xmlns)="[^"]*"/g, ''),
		content: root[2]!,
		height: Math.round((CHART_WIDTH * Number(viewBox[2])) / Number(viewBox[1])),
	};
}

/**
 * Puts the chart's SVG where satori laid out its placeholder picture, as a nested `<svg>` of the
 * card: resvg draws it with the card's face (it would draw the text of an SVG picture without any
 * font), as vectors at the card's own resolution.
 */
function placeChart(cardSvg: string, chart: CardChart): string {
	const placeholder = new RegExp(`<image\\b[^>]*\\shref="${CHART_PLACEHOLDER.replace(/[+/=.]/g, '\\$&')}"[^>]*/>`).exec(cardSvg);
	const box = placeholder && ['x', 'y', 'width', 'height'].map((name) => new RegExp(`\\s${name}="([\\d.]+)"`).exec(placeholder[0])?.[1]);
	if (!placeholder || !box || box.some((value) => value === undefined)) throw new Error("satori's output has no placeholder for the chart where one was laid out");
	const [x, y, width, height] = box;
	const nested = `<svg x="${x}" y="${y}" width="${width}" height="${height}"${chart.attributes}>${chart.content}</svg>`;
	return cardSvg.slice(0, placeholder.index) + nested + cardSvg.slice(placeholder.index + placeholder[0].length);
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
