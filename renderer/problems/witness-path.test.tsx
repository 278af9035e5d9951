import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { witnessPath } from './ProblemsPanel.tsx';

const markup = (nodes: ReturnType<typeof witnessPath>) => renderToStaticMarkup(<>{nodes}</>);

describe('the Problems panel’s “path shown” sentence', () => {
  it('lays the path out left to right inside an Arabic sentence, each step id in an isolate of its own', () => {
    expect(markup(witnessPath('ar', ['start', 'ask-name', 'صباح']))).toBe(
      'تعرض اللوحة الطريق من البداية إلى هذه المشكلة: <bdi dir="ltr">\u2068start\u2069 → \u2068ask-name\u2069 → \u2068صباح\u2069</bdi>.',
    );
  });

  it('says the same in English and Portuguese', () => {
    expect(markup(witnessPath('en', ['start', 'end']))).toBe(
      'The canvas shows the path from Start to this problem: <bdi dir="ltr">\u2068start\u2069 → \u2068end\u2069</bdi>.',
    );
    expect(markup(witnessPath('pt-BR', ['início']))).toBe(
      'O canvas mostra o caminho do Início até este problema: <bdi dir="ltr">\u2068início\u2069</bdi>.',
    );
  });
});
