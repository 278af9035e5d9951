import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { amana, root } from '../helpers/amana.ts';

/**
 * Flow text that tries to take over a Markdown document: every line terminator CommonMark and
 * Unicode know, a fence, a setext underline, a heading, a list, a table cell, raw HTML, a link,
 * an image, emphasis, bidi overrides and invisible characters.
 */
const hostile =
  'Loja\r# Owned\u2028~~~\n---\r\n===\u2029- item\u0085<img src=x onerror=alert(1)>[click](https://evil.example) ' +
  '![i](https://evil.example/i.png) **bold** | cell | `code` &amp; \u202Eevil\u202C\u2066x\u2069\u200B\u00AD\uFEFF1. one';

const leadCapture = JSON.parse(readFileSync(join(root, 'flows/examples/lead-capture.flow.json'), 'utf8'));

/** The lead-capture example with every text the documents quote set to `text`. */
function flowSaying(text: string, privacyNoticeUrl: string) {
  const flow = structuredClone(leadCapture);
  flow.name = text;
  flow.description = text;
  flow.controller = { name: text, contact: text, dpo: text, privacyNoticeUrl };
  for (const purpose of flow.purposes) purpose.label = { 'pt-BR': text, en: text };
  for (const field of flow.data) field.label = { 'pt-BR': text, en: text };
  for (const recipient of flow.recipients) recipient.name = text;
  flow.keywords.erase = { 'pt-BR': [text], en: [text] };
  flow.keywords.human = { 'pt-BR': [text], en: [text] };
  return flow;
}

function exported(flow: unknown): Promise<{ dir: string; code: number; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'amana-docs-'));
  const file = join(dir, 'flow.flow.json');
  writeFileSync(file, JSON.stringify(flow));
  return amana('export', file, '--out', join(dir, 'bot')).then((result) => ({
    dir: join(dir, 'bot'),
    code: result.code,
    output: result.stdout + result.stderr,
  }));
}

/** CommonMark, with raw HTML on so that any HTML a value smuggles in shows as an html token. */
const commonMark = new MarkdownIt('commonmark', { html: true });

/** The shape of a rendered document: block tokens, and inline tokens other than plain text. */
function shape(markdown: string): string[] {
  const tokens = commonMark.parse(markdown, {});
  const kinds = (list: Token[]): string[] =>
    list.flatMap((token) =>
      token.type === 'inline'
        ? kinds(token.children ?? []).filter((kind) => kind !== 'text' && kind !== 'text_special')
        : [`${token.type}${token.tag ? `:${token.tag}` : ''}`],
    );
  return kinds(tokens);
}

function links(markdown: string): string[] {
  return commonMark
    .parse(markdown, {})
    .flatMap((token) => token.children ?? [])
    .filter((token) => token.type === 'link_open' || token.type === 'image')
    .map((token) => token.attrGet('href') ?? token.attrGet('src') ?? '');
}

describe('amana export: flow text cannot hijack the generated documents', () => {
  it('renders the notices and the record with exactly the structure of a plain flow’s, and no HTML or link of the flow’s', async () => {
    const [attacked, plain] = await Promise.all([
      exported(flowSaying(hostile, 'https://loja.example/privacidade')),
      exported(flowSaying('Loja Exemplo', 'https://loja.example/privacidade')),
    ]);
    expect(attacked.code, attacked.output).toBe(0);
    expect(plain.code, plain.output).toBe(0);
    const documents = readdirSync(attacked.dir).filter((name) => name.endsWith('.md') && name !== 'README.md');
    expect(documents).toEqual(
      expect.arrayContaining(['privacy-notice.pt-BR.md', 'privacy-notice.en.md', 'records-of-processing.md']),
    );
    for (const name of [...documents, 'README.md']) {
      const markdown = readFileSync(join(attacked.dir, name), 'utf8');
      const rendered = shape(markdown);
      expect(rendered, name).toEqual(shape(readFileSync(join(plain.dir, name), 'utf8')));
      expect(
        rendered.filter((kind) => kind.startsWith('html')),
        name,
      ).toEqual([]);
      expect(links(markdown), name).toEqual(links(readFileSync(join(plain.dir, name), 'utf8')));
      // The designer's words are all there, as text: nothing was eaten, only invisible characters.
      const html = commonMark.render(markdown);
      expect(html, name).not.toMatch(/<img|<a href="https:\/\/evil|<h1>Owned|<strong>bold/);
      expect(markdown, name).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B\u00AD\uFEFF\u2028\u2029\u0085\r]/);
    }
    const notice = commonMark.render(readFileSync(join(attacked.dir, 'privacy-notice.en.md'), 'utf8'));
    expect(notice).toContain('&lt;img src=x onerror=alert(1)&gt;[click](https://evil.example)');
  }, 120_000);

  it('writes a privacy-notice URL only as a clean http(s) link, and leaves out one with spaces or markup', async () => {
    const attempts = [
      'https://loja.example/privacy [click](https://evil.example)',
      'https://loja.example/<img src=x>',
      'https://loja.example/a\nb',
      'javascript:alert(1)',
    ];
    const results = await Promise.all(attempts.map((url) => exported(flowSaying('Loja Exemplo', url))));
    for (const [at, result] of results.entries()) {
      if (result.code !== 0) continue; // refused by the flow parser: nothing written at all
      const markdown = readFileSync(join(result.dir, 'privacy-notice.en.md'), 'utf8');
      // Left out, or (a line break the flow parser already drops) a clean address on the declared site.
      for (const href of links(markdown)) expect(href, attempts[at]).toMatch(/^https:\/\/loja\.example\/[^\s<>"]*$/);
      expect(markdown, attempts[at]).not.toMatch(/evil\.example|<img/);
      expect(
        shape(markdown).filter((kind) => kind.startsWith('html')),
        attempts[at],
      ).toEqual([]);
    }
    const clean = await exported(flowSaying('Loja Exemplo', 'https://loja.example/privacidade?x=(1)'));
    expect(links(readFileSync(join(clean.dir, 'privacy-notice.en.md'), 'utf8'))).toEqual([
      'https://loja.example/privacidade?x=(1)',
    ]);
  }, 180_000);
});
