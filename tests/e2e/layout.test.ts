import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath, openPage } from './support/browser.ts';
import { useServerAndBrowser } from './support/testbed.ts';

const e2e = useServerAndBrowser();

const QUESTION = 'AI 유니콘 목표는?';

/** Whether the first line of the answer is on screen and not hidden under the sticky header or the question box. */
function answerIsUncovered(page: Page): Promise<boolean> {
  return page.locator('.answer-text').evaluate((answer): boolean => {
    const line = answer.getClientRects()[0];
    if (!line) return false;
    const x = line.left + Math.min(line.width, 40) / 2;
    const y = line.top + line.height / 2;
    if (y < 0 || y > answer.ownerDocument.defaultView.innerHeight) return false;
    const hit = answer.ownerDocument.elementFromPoint(x, y);
    return hit !== null && answer.contains(hit);
  });
}

/** Text on an answered page whose colour contrast is checked, one selector per kind of text. */
const TEXT_SELECTORS = [
  '.tagline',
  '#new-conversation',
  '#language-switch',
  '.bubble',
  '.answer-text',
  '.marker',
  '.sources-title',
  '.citation-n',
  '.citation-title',
  '.passage',
  '.passage mark',
  '.citation-actions .link-button',
  '.source-link',
  '.copy-link',
  '#send',
  '.hint',
];

/**
 * WCAG contrast ratio of each matched element's text colour against the first opaque background behind it. Runs in
 * the page; self-contained, since it is sent there as source.
 */
function contrastReport(page: Page): Promise<Array<{ element: string; ratio: number }>> {
  return page.locator(TEXT_SELECTORS.join(', ')).evaluateAll((elements) => {
    const channels = (color: string): number[] => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]): number => {
      const linear = (v: number): number => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    return elements.map((element) => {
      const view = element.ownerDocument.defaultView;
      let background = [255, 255, 255];
      for (let node = element; node; node = node.parentElement) {
        const color = channels(view.getComputedStyle(node).backgroundColor);
        if (color.length === 3 || (color.length === 4 && color[3] === 1)) {
          background = color;
          break;
        }
      }
      const [light, dark] = [luminance(channels(view.getComputedStyle(element).color)), luminance(background)].sort((a, b) => b - a);
      return { element: `${element.tagName.toLowerCase()}.${element.className}`, ratio: Math.round(((light! + 0.05) / (dark! + 0.05)) * 100) / 100 };
    });
  });
}

describe.each([
  { name: 'phone', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
])('on a $name ($viewport.width×$viewport.height)', ({ name, viewport }) => {
  it('shows the answer readable, on screen, without sideways scrolling, with AA contrast', async () => {
    // Reduced motion makes the scroll to the new answer instant, so the screenshot shows where it settles.
    const { context, page, errors } = await openPage(e2e.browser, { locale: 'ko-KR', viewport, reducedMotion: 'reduce' });
    try {
      await page.goto(`${e2e.server.url}/?q=${encodeURIComponent(QUESTION)}`);
      const answer = page.locator('.turn .reply[aria-busy="false"] .answer-text');
      await answer.waitFor();
      await page.screenshot({ path: artifactPath(`chat-${name}.png`) });

      expect(await answer.textContent()).toContain('글로벌 AI 유니콘을 5개 육성');
      expect(await answer.isVisible()).toBe(true);
      expect(await answerIsUncovered(page)).toBe(true);
      expect(await page.locator('html').evaluate((html): number => html.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const fontSize = await answer.evaluate((element): number => parseFloat(element.ownerDocument.defaultView.getComputedStyle(element).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(16);

      const contrast = await contrastReport(page);
      expect(new Set(contrast.map((c) => c.element.split('.')[0])).size).toBeGreaterThan(3);
      // AA: at least 4.5:1 for text of normal size.
      expect(contrast.filter((c) => c.ratio < 4.5)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
