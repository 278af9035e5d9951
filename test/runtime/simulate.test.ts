import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportBot, freshKey, runBotCommand, removeExportedBots } from './helpers/bot.ts';
import { containsValue, databaseBytes, rows } from './helpers/database.ts';
import { supportFlow } from './helpers/fixture-flow.ts';

describe('exported bot: node server.js simulate', () => {
  afterAll(() => removeExportedBots());

  it('chats in the terminal through the same inbox, engine and encrypted store, without WhatsApp', () => {
    const dir = exportBot(supportFlow({ stock: 9, desk: 9 }), 'simulate');
    const options = { dir, graphBase: 'http://127.0.0.1:9', key: freshKey(), db: join(dir, 'simulate.db') };
    const email = 'simulada.canario@example.com';
    const result = runBotCommand(
      options,
      ['simulate', '--phone', '+5511988887777'],
      `oi\n1\nEntrega\n-23.5,-46.6\n${email}\n`,
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Chatting with "Runtime support desk" as +5511988887777');
    expect(result.stdout.split('\n')).toEqual([
      '🤖 Olá! Sou o assistente automático da Loja Teste. Aviso de privacidade: https://loja.example/privacidade',
      '🤖 Podemos usar o que você nos disser para ajudar?',
      '   1. Aceito',
      '   2. Não aceito',
      '🤖 Como podemos ajudar?',
      '   [Pedidos]',
      '   1. Entrega — Cadê meu pedido?',
      '   2. Devolução',
      '🤖 Envie o local de entrega.',
      '🤖 Qual é o seu e-mail?',
      // The http node answers with its mock in the simulator.
      '🤖 Previsão: tomorrow.',
      '🤖 Vou passar para uma pessoa.',
      '   (→ http://127.0.0.1:9/desk)',
      '(a person has this conversation now; release it with the admin API)',
      '',
    ]);
    expect(rows<{ key: string }>(options.db, 'SELECT key FROM fields ORDER BY key').map((row) => row.key)).toEqual([
      'email',
      'where',
    ]);
    expect(containsValue(databaseBytes(options.db), email)).toBe(false);
    const subject = JSON.parse(runBotCommand(options, ['export-subject', '--phone', '5511988887777']).stdout);
    expect(subject.fields.find((field: { key: string }) => field.key === 'email').value).toBe(email);
  });
});
