import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../model/template.ts';
import { bodyKind, bodyTemplateProblem, fillBody } from './body-template.ts';

const answers = (value: JsonValue) => (key: string) => (key === 'missing' ? undefined : value);

describe('body templates are filled safely by construction', () => {
  it('keeps a JSON body’s structure whatever the answer, a bare placeholder becoming one whole value', () => {
    const template = '{"name": "{{name}}", "note": {{note}}, "tags": ["{{name}}", {{note}}], "optIn": {{flag}}}';
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (answer) => {
        const read = (key: string): JsonValue => (key === 'flag' ? 'false' : answer);
        const body = JSON.parse(fillBody(template, 'application/json', read));
        expect(Object.keys(body)).toEqual(['name', 'note', 'tags', 'optIn']);
        expect(body.tags).toHaveLength(2);
        expect(body.optIn).toBe(false);
        if (!/^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.test(answer)) {
          expect(typeof body.note).toBe('string');
        }
      }),
      { numRuns: 300 },
    );
    const injected = fillBody('{"note": {{note}}}', '', answers('1, "admin": true'));
    expect(JSON.parse(injected)).toEqual({ note: '1, "admin": true' });
    expect(fillBody('{"at": {{missing}}}', '', answers('x'))).toBe('{"at": null}');
    expect(JSON.parse(fillBody('{"at": {{where}}}', '', answers({ latitude: 1, longitude: 2 })))).toEqual({
      at: { latitude: 1, longitude: 2 },
    });
  });

  it('turns lone surrogates into U+FFFD instead of throwing, in JSON, form and XML bodies', () => {
    const half = 'a\uD83D';
    expect(JSON.parse(fillBody('{"n": "{{n}}"}', '', answers(half)))).toEqual({ n: 'a\uFFFD' });
    expect(fillBody('n={{n}}', 'application/x-www-form-urlencoded', answers(half))).toBe('n=a%EF%BF%BD');
    expect(fillBody('<n>{{n}}</n>', 'application/xml', answers(half))).toBe('<n>a\uFFFD</n>');
  });

  it('escapes form and XML bodies so an answer adds no field, element or attribute', () => {
    expect(fillBody('name={{n}}&source=wa', 'application/x-www-form-urlencoded', answers('a&admin=1+2'))).toBe(
      'name=a%26admin%3D1%2B2&source=wa',
    );
    expect(fillBody('<lead name="{{n}}">{{n}}</lead>', 'text/xml', answers("\"/><admin x='1'>&\u0001"))).toBe(
      '<lead name="&quot;/&gt;&lt;admin x=&apos;1&apos;&gt;&amp;\uFFFD">&quot;/&gt;&lt;admin x=&apos;1&apos;&gt;&amp;\uFFFD</lead>',
    );
  });

  it('tells the bodies it cannot fill safely', () => {
    expect(bodyTemplateProblem('{"note": {{note}}}', '')).toBeUndefined();
    expect(bodyTemplateProblem('{"note": "{{note}}"}', 'application/json')).toBeUndefined();
    expect(bodyTemplateProblem('{"note": x{{note}}}', '')).toBe('json-invalid');
    expect(bodyTemplateProblem('{"note": "a\\{{note}}"}', '')).toBe('json-invalid');
    expect(bodyTemplateProblem('{{{key}}: 1}', '')).toBe('json-invalid');
    expect(bodyTemplateProblem('[1, 2{{n}}]', '')).toBe('json-invalid');
    expect(bodyTemplateProblem('<a b="{{n}}">{{n}}</a>', '')).toBeUndefined();
    expect(bodyTemplateProblem('<a {{n}}="1"/>', '')).toBe('xml-placeholder-position');
    expect(bodyTemplateProblem('<a><![CDATA[{{n}}]]></a>', '')).toBe('xml-placeholder-position');
    expect(bodyTemplateProblem('<a><!-- {{n}} --></a>', '')).toBe('xml-placeholder-position');
    expect(bodyTemplateProblem('name={{n}}', '')).toBe('kind-unknown');
    expect(bodyTemplateProblem('name={{n}}', 'application/x-www-form-urlencoded')).toBeUndefined();
    expect(bodyTemplateProblem('Hello {{n}}', 'text/plain')).toBeUndefined();
    expect(bodyTemplateProblem('no placeholders', '')).toBeUndefined();
    expect(bodyKind('  [1]', '')).toBe('json');
  });
});
