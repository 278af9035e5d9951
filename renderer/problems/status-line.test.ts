import { describe, expect, it } from 'vitest';
import { statusLine } from './status-line.ts';

describe('the status line', () => {
  it('counts errors and warnings and says the export is blocked while an error remains', () => {
    expect(statusLine('en', { errors: 3, warnings: 1 })).toBe('3 errors, 1 warning — export blocked');
    expect(statusLine('en', { errors: 1, warnings: 0 })).toBe('1 error — export blocked');
    expect(statusLine('pt-BR', { errors: 2, warnings: 2 })).toBe('2 erros, 2 avisos — exportação bloqueada');
    expect(statusLine('ar', { errors: 11, warnings: 1 })).toBe('الأخطاء: 11، التحذيرات: 1 — التصدير ممنوع');
  });

  it('says the flow is ready to export when only warnings remain, or nothing', () => {
    expect(statusLine('en', { errors: 0, warnings: 0 })).toBe('Ready to export');
    expect(statusLine('en', { errors: 0, warnings: 2 })).toBe('Ready to export (2 warnings to review)');
    expect(statusLine('pt-BR', { errors: 0, warnings: 0 })).toBe('Pronto para exportar');
  });
});
