import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { withLanguageCodes } from './language-codes.tsx';

const sentence = (codes: string) => `Languages: ${codes}`;
const markup = (nodes: ReturnType<typeof withLanguageCodes>) => renderToStaticMarkup(<>{nodes}</>);

describe('language codes in a sentence', () => {
  it('puts each code in an isolate of its own that does not break, joined by the interface language’s comma', () => {
    expect(markup(withLanguageCodes(sentence, ['pt-BR', 'en'], 'en'))).toBe(
      'Languages: <bdi class="language-code">pt-BR</bdi>, <bdi class="language-code">en</bdi>',
    );
    expect(markup(withLanguageCodes(sentence, ['pt-BR', 'en', 'ar'], 'ar'))).toBe(
      'Languages: <bdi class="language-code">pt-BR</bdi>، <bdi class="language-code">en</bdi>، ' +
        '<bdi class="language-code">ar</bdi>',
    );
  });

  it('leaves the list empty when there is no code', () => {
    expect(markup(withLanguageCodes(sentence, [], 'pt-BR'))).toBe('Languages: ');
  });
});
