import type { Page } from 'playwright-core';

/**
 * The text of inline SVG (chart labels, values, ticks) whose colour does not stand out enough
 * from what is drawn behind it: axe-core leaves SVG text "incomplete" rather than checking it, so
 * charts would escape the contrast audit in dark mode, where their colours change. The background
 * is the topmost filled shape or element under the centre of the text; the threshold is WCAG's,
 * 4.5:1, or 3:1 for large text. Each entry names the text, its colours and the ratio.
 */
export function lowContrastSvgText(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const rgba = (colour: string) => {
			const [r = 0, g = 0, b = 0, a = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number);
			return { r, g, b, a };
		};
		const luminance = ({ r, g, b }: { r: number; g: number; b: number }) => {
			const channel = (value: number) => (value / 255 <= 0.03928 ? value / 255 / 12.92 : ((value / 255 + 0.055) / 1.055) ** 2.4);
			return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
		};
		const problems: string[] = [];
		for (const text of document.querySelectorAll('svg text')) {
			// elementsFromPoint only sees what is in the viewport.
			text.scrollIntoView({ block: 'center', inline: 'center' });
			const box = text.getBoundingClientRect();
			if (box.width === 0 || !text.textContent?.trim()) continue;
			const style = getComputedStyle(text);
			let background: string | undefined;
			for (const element of document.elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)) {
				if (element === text || text.contains(element)) continue;
				const shape = element instanceof SVGElement && !(element instanceof SVGSVGElement);
				const colour = shape ? getComputedStyle(element).fill : getComputedStyle(element).backgroundColor;
				if (colour.startsWith('rgb') && rgba(colour).a > 0) {
					background = colour;
					break;
				}
			}
			if (!background) continue;
			const [light, dark] = [luminance(rgba(style.fill)), luminance(rgba(background))].sort((a, b) => b - a);
			const ratio = (light + 0.05) / (dark + 0.05);
			const size = Number.parseFloat(style.fontSize);
			const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
			if (ratio < (large ? 3 : 4.5)) {
				problems.push(`"${text.textContent.trim()}" ${style.fill} on ${background}: ${ratio.toFixed(2)}:1, needs ${large ? 3 : 4.5}:1`);
			}
		}
		return problems;
	});
}
