import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { translator } from '../../flows/i18n/index.ts';
import { isolateNames } from './isolate-names.tsx';

const say = translator({
  en: {
    taken: 'This step already sends a header named {name}. Choose another name.',
    moved: '{from} went to {to} at turn {turn}.',
  },
  'pt-BR': {
    taken: 'Esta etapa já envia um cabeçalho chamado {name}.',
    moved: '{from} foi para {to} no turno {turn}.',
  },
  ar: {
    taken: 'هذه الخطوة ترسل بالفعل ترويسة باسم {name}. اختر اسمًا آخر.',
    moved: 'انتقل {from} إلى {to} في الدور {turn}.',
  },
});

const markup = (nodes: ReturnType<typeof isolateNames>) => renderToStaticMarkup(<>{nodes}</>);

describe('isolateNames', () => {
  it('holds a Latin header name inside an Arabic sentence in an isolate of its own', () => {
    expect(markup(isolateNames((names) => say('ar', 'taken', names), { name: 'content-type' }))).toBe(
      'هذه الخطوة ترسل بالفعل ترويسة باسم <bdi>content-type</bdi>. اختر اسمًا آخر.',
    );
  });

  it('isolates each name where the sentence puts it, and leaves the other parameters as they are', () => {
    expect(
      markup(isolateNames((names) => say('ar', 'moved', { ...names, turn: 3 }), { from: 'ask-name', to: 'fim' })),
    ).toBe('انتقل <bdi>ask-name</bdi> إلى <bdi>fim</bdi> في الدور 3.');
  });

  it('lays out left to right the names it is told to, whatever their first letter', () => {
    expect(
      markup(
        isolateNames((names) => say('ar', 'moved', { ...names, turn: 3 }), { from: 'بداية', to: 'fim' }, ['from']),
      ),
    ).toBe('انتقل <bdi dir="ltr">بداية</bdi> إلى <bdi>fim</bdi> في الدور 3.');
  });

  it('escapes what the person typed instead of reading it as markup', () => {
    expect(markup(isolateNames((names) => say('en', 'taken', names), { name: '<b>X</b>' }))).toBe(
      'This step already sends a header named <bdi>&lt;b&gt;X&lt;/b&gt;</bdi>. Choose another name.',
    );
  });
});
