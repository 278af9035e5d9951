import { describe, expect, it } from 'vitest';
import { validateEmail } from './email.ts';

describe('validateEmail', () => {
  it.each([
    ['ana@exemplo.com.br', 'ana@exemplo.com.br'],
    ['  Ana.Souza@Exemplo.COM.br ', 'Ana.Souza@exemplo.com.br'],
    ['joao+pedidos@loja.example', 'joao+pedidos@loja.example'],
    ['<maria@empresa.com>', 'maria@empresa.com'],
    ['mailto:sara@clinic.sa', 'sara@clinic.sa'],
    ['josé@correo.es', 'josé@correo.es'],
    ['محمد@مثال.السعودية', 'محمد@مثال.السعودية'],
    ["o'neil@example.ie", "o'neil@example.ie"],
    ['user@xn--mgbh0fb.xn--kgbechtv', 'user@xn--mgbh0fb.xn--kgbechtv'],
  ])('accepts %j as %s', (typed, stored) => {
    expect(validateEmail(typed)).toBe(stored);
  });

  it.each([
    'ana@exemplo',
    'ana.exemplo.com',
    'ana@@exemplo.com',
    '@exemplo.com',
    'ana@',
    'ana@exemplo..com',
    'ana@-exemplo.com',
    'ana@exemplo.c',
    'ana@exemplo.123',
    '.ana@exemplo.com',
    'ana.@exemplo.com',
    'ana..souza@exemplo.com',
    'ana souza@exemplo.com',
    '"ana"@exemplo.com',
    'ana@[192.168.0.1]',
    `${'a'.repeat(65)}@exemplo.com`,
    'não tenho',
    '',
  ])('refuses %j', (typed) => {
    expect(validateEmail(typed)).toBeUndefined();
  });
});
