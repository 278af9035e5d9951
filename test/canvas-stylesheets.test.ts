// The canvas's panel geometry (renderer/canvas/panels.ts) assumes the size React Flow draws its
// view controls and panels at. This reads both stylesheets, so it needs Node and lives outside
// renderer/; nothing imports renderer/, so it reads the two constants from panels.ts as written.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const panels = readFileSync(new URL('../renderer/canvas/panels.ts', import.meta.url), 'utf8');
const panelMargin = Number(/export const panelMargin = (\d+);/.exec(panels)?.[1] ?? NaN);
const controls = /export const controlsSize: CanvasSize = \{ width: (\d+), height: (\d+) \* (\d+) \}/.exec(panels);
const controlsSize = {
  width: Number(controls?.[1] ?? NaN),
  height: Number(controls?.[2] ?? NaN) * Number(controls?.[3] ?? NaN),
};

describe('the canvas panels', () => {
  it('know the size React Flow draws its panels and view-control buttons at, from the stylesheets themselves', () => {
    const reactFlowCss = readFileSync(createRequire(import.meta.url).resolve('@xyflow/react/dist/style.css'), 'utf8');
    const studioCss = readFileSync(new URL('../renderer/styles/app.css', import.meta.url), 'utf8');
    /** The declarations of the first rule whose selector is exactly `selector`. */
    const rule = (css: string, selector: string) => {
      const at = css.indexOf(`\n${selector} {`);
      return at < 0 ? '' : css.slice(at, css.indexOf('}', at));
    };
    const px = (declarations: string, property: string) =>
      Number(new RegExp(`(?:^|[\\s;{])${property}:\\s*(\\d+)px`).exec(declarations)?.[1] ?? NaN);
    const button = rule(reactFlowCss, '.react-flow__controls-button');
    const borderBox = /box-sizing:\s*border-box/.test(rule(studioCss, '*'));
    const border = px(button, 'border-bottom') || 1;
    const outside = borderBox ? 0 : 2 * px(button, 'padding') + border;
    expect(px(button, 'width') + (borderBox ? 0 : 2 * px(button, 'padding'))).toBeLessThanOrEqual(controlsSize.width);
    expect(4 * (px(button, 'height') + outside)).toBeLessThanOrEqual(controlsSize.height);
    expect(px(rule(reactFlowCss, '.react-flow__panel'), 'margin')).toBe(panelMargin);
    // The studio does not resize the buttons or move the panels itself.
    expect(studioCss).not.toMatch(/\.react-flow__controls-button[^{]*\{[^}]*(width|height|padding)/);
    expect(studioCss).not.toMatch(/\.react-flow__panel[^{]*\{[^}]*margin/);
  });
});
