import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * A generated document (privacy notice, record of processing) rendered for review. react-markdown
 * builds React elements from the Markdown syntax tree — nothing is injected as HTML — and
 * `skipHtml` drops any raw HTML a designer's text might carry; remark-gfm adds the tables.
 */
export function MarkdownDocument({ text, lang, dir }: { text: string; lang: string; dir: 'ltr' | 'rtl' }) {
  return (
    <div className="markdown-document" lang={lang} dir={dir}>
      <Markdown remarkPlugins={[remarkGfm]} skipHtml>
        {text}
      </Markdown>
    </div>
  );
}
