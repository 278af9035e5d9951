import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventFor } from './simulate.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A fake order service on 127.0.0.1 that notes each request and answers "delivered". */
async function withOrderService(
  run: (port: number, requests: { line: string; authorization?: string }[]) => Promise<void>,
): Promise<void> {
  const requests: { line: string; authorization?: string }[] = [];
  const server = createServer((request, response) => {
    const authorization = request.headers['authorization'];
    requests.push({ line: `${request.method} ${request.url}`, ...(authorization ? { authorization } : {}) });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: 'delivered', echo: authorization }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run((server.address() as AddressInfo).port, requests);
  } finally {
    server.close();
  }
}

/** order-status with its lookup step sent to `url` (and `headers`), its recipient declared at `host`, written to a file. */
function orderFlowFile(url: string, options: { host?: string; headers?: Record<string, string> } = {}): string {
  const flow = JSON.parse(readFileSync(join(root, 'flows/examples/order-status.flow.json'), 'utf8'));
  const lookup = flow.nodes.find((node: { id: string }) => node.id === 'lookup-order');
  lookup.url = url;
  if (options.headers) lookup.headers = options.headers;
  if (options.host) flow.recipients[0].host = options.host;
  const file = join(mkdtempSync(join(tmpdir(), 'amana-simulate-')), 'orders.flow.json');
  writeFileSync(file, JSON.stringify(flow));
  return file;
}
const bin = join(root, 'bin/amana.js');

/** Runs `amana simulate …` with the customer's lines piped into standard input. */
function simulate(
  args: string[],
  lines: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'simulate', ...args], {
      cwd: root,
      env: { ...process.env, LANG: 'C', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined); // the simulator may exit before reading every line
    child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  });
}

describe('amana simulate', () => {
  it('plays a whole conversation from piped input, with the privacy events inline', async () => {
    const result = await simulate(
      ['flows/examples/lead-capture.flow.json'],
      ['2', '1', 'Ana Souza', 'ana@exemplo', 'ana@exemplo.com.br', '(11) 91234-5678', '1', '3', 'never read'],
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^bot: Olá! 👋 Aqui é o assistente virtual da Casa Aurora/);
    expect(result.stdout).toContain(
      [
        'bot: Para qual tipo de produto você quer um orçamento?',
        '       1. Móveis planejados',
        '       2. Sofás e poltronas',
        '       3. Decoração',
        'you: 2',
        '[saved: interest]',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        'you: 1',
        '[consent granted: Retorno da equipe comercial sobre o seu orçamento]',
        'bot: Ótimo! Como você se chama? (nome e sobrenome)',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        'you: ana@exemplo',
        'bot: Isso não parece um e-mail. Envie no formato nome@exemplo.com.br.',
        'you: ana@exemplo.com.br',
        '[collected: email]',
      ].join('\n'),
    );
    expect(result.stdout).toContain(
      [
        'you: 1',
        '[consent granted: Envio de ofertas e novidades]',
        '[collected: marketing_opt_in]',
        '[shared with Funil CRM: name, email, phone, marketing_opt_in]',
        '[collected: lead_id]',
        'bot: Prontinho, Ana Souza! ✅ Seu pedido de orçamento foi registrado. Nossa equipe comercial vai falar com você em até 1 dia útil.',
      ].join('\n'),
    );
    expect(result.stdout.trimEnd().split('\n').slice(-3)).toEqual([
      'you: 3',
      'bot: Obrigado por falar com a Casa Aurora. Até logo! 👋',
      '[conversation ended]',
    ]);
    expect(result.stdout).not.toContain('never read');
  });

  it('speaks the conversation language given with --lang (any tag) and shows handoffs, /release and erasure', async () => {
    const result = await simulate(
      ['flows/examples/clinic-appointment.flow.json', '--lang', 'en'],
      ['I agree', 'Sarah', '9', '2026-03-15', 'hello?', '/release', '1'],
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('       1. I agree\n       2. I do not agree');
    expect(result.stdout).toContain('    9. ');
    expect(result.stdout).toContain(
      '[handed off to a person (queue reception), shared: patient_name, specialty, preferred_day]',
    );
    expect(result.stdout).toContain(
      'you: hello?\nyou: /release\n[released by the agent]\nbot: Is there anything else you need?',
    );
    expect(result.stdout).toContain('[erased]');
    expect(result.stdout.trimEnd().endsWith('[conversation ended]')).toBe(true);
  });

  it('after the erase keyword, ends the conversation and takes the next line as a new customer’s first message', async () => {
    const result = await simulate(
      ['flows/examples/lead-capture.flow.json'],
      ['2', '1', 'Ana Souza', 'apagar meus dados', 'ana@exemplo.com.br', '2'],
    );
    expect(result.code).toBe(0);
    const [before, after = ''] = result.stdout.split('you: apagar meus dados\n');
    expect(before).toContain('Obrigado, Ana Souza!');
    expect(after).toMatch(
      /^\[erased\]\nbot: Pronto: apaguei os dados[^\n]*\n\[conversation ended\]\nyou: ana@exemplo.com.br\n/,
    );
    expect(after).toContain('you: ana@exemplo.com.br\nbot: Olá! 👋 Aqui é o assistente virtual da Casa Aurora');
    expect(after).not.toContain('Ana Souza');
    expect(after).not.toContain('[collected: email]');
    expect(after).toContain('[saved: interest]');
  });

  it('says which step it would not send with a hole, and why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'amana-simulate-'));
    const flow = JSON.parse(readFileSync(join(root, 'flows/examples/lead-capture.flow.json'), 'utf8'));
    // The welcome now greets by a profile name the simulator was not given.
    const welcome = flow.nodes.find((node: { id: string }) => node.id === 'welcome');
    welcome.text['pt-BR'] = `Oi, {{contact.name}}! ${welcome.text['pt-BR']}`;
    writeFileSync(join(dir, 'greets.flow.json'), JSON.stringify(flow));
    const result = await simulate([join(dir, 'greets.flow.json'), '--lang', 'pt-BR'], []);
    expect(result.stdout).toContain('[não enviado: sem valor para contact.name]');
    expect(result.stdout).not.toContain('Oi, !');
  });

  it('answers http nodes with their mock, or with the recipient itself under --live-http', async () => {
    const mocked = await simulate(['flows/examples/order-status.flow.json'], ['1', 'LL-104233', '3']);
    expect(mocked.stdout).toContain('[shared with Lumen & Loom order service: order_number]');
    expect(mocked.stdout).toContain('bot: Order LL-104233 is on its way 🚚 Expected delivery: Thursday 19 March.');

    await withOrderService(async (port, requests) => {
      const file = orderFlowFile(`http://127.0.0.1:${port}/v2/orders/{{order_number}}/status`, { host: '127.0.0.1' });
      const live = await simulate([file, '--live-http'], ['1', 'LL 7', '3']);
      expect(requests.map((request) => request.line)).toEqual(['GET /v2/orders/LL%207/status']);
      expect(live.stdout).toContain('bot: Good news: order LL 7 has been delivered');
    });
  });

  it('under --live-http, sends {{secret.NAME}} from the environment in its header and never prints it', async () => {
    await withOrderService(async (port, requests) => {
      const file = orderFlowFile(`http://127.0.0.1:${port}/v2/orders/{{order_number}}/status`, {
        host: '127.0.0.1',
        headers: { Authorization: 'Bearer {{secret.ORDERS_TOKEN}}' },
      });
      const token = 'tok-5f1d2c9a7e';
      const live = await simulate([file, '--live-http'], ['1', 'LL 7', '3'], { AMANA_SECRET_ORDERS_TOKEN: token });
      expect(requests.map((request) => request.authorization)).toEqual([`Bearer ${token}`]);
      expect(live.stdout).toContain('bot: Good news: order LL 7 has been delivered');
      expect(live.stdout + live.stderr).not.toContain(token);
      const unset = await simulate([file, '--live-http'], ['1', 'LL 7', '3']);
      expect(requests).toHaveLength(1);
      expect(unset.stdout).toContain(
        '[not sent to Lumen & Loom order service: AMANA_SECRET_ORDERS_TOKEN is not set in the environment',
      );
    });
  });

  it('shows a failed live call and the flow’s error path', async () => {
    const file = orderFlowFile('http://127.0.0.1:9/v2/orders/{{order_number}}', { host: '127.0.0.1' });
    const result = await simulate([file, '--live-http'], ['1', 'LL-1']);
    expect(result.stdout).toMatch(/\[Lumen & Loom order service could not be reached: .+\]/);
    expect(result.stdout).toContain("bot: I couldn't find order LL-1");
  });

  it('never sends under --live-http what the exported bot would refuse: a host other than the recipient’s', async () => {
    await withOrderService(async (port, requests) => {
      // The recipient stays declared at orders.lumenandloom.example; the step points elsewhere.
      const file = orderFlowFile(`http://127.0.0.1:${port}/v2/orders/{{order_number}}`);
      const result = await simulate([file, '--live-http'], ['1', 'LL-1']);
      expect(requests).toEqual([]);
      expect(result.stdout).toContain(
        '[not sent to Lumen & Loom order service: the address is not on the host declared for this recipient; the exported bot refuses it too]',
      );
      expect(result.stdout).toContain("bot: I couldn't find order LL-1");
    });
  });

  it('shows opt-out and the question asked again, and exits when input closes', async () => {
    const result = await simulate(['flows/examples/support-cpf.flow.json'], ['1', 'parar', 'oi']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'you: parar\n[opted out: nothing more is sent until the customer writes again]\nyou: oi\n[opted in again]\nbot: Para localizar o seu contrato',
    );
  });

  it('shows what the engine refused to keep without consent', async () => {
    const result = await simulate(['flows/examples/noncompliant-demo.flow.json'], ['1', 'none']);
    expect(result.stdout).toContain('[not stored without consent: email]');
    expect(result.stdout).toContain('[not shared without consent: email]');
    expect(result.stdout).toContain('[shared with Acme CRM: health_condition]');
  });

  it('refuses a broken flow, a missing file and wrong usage with exit code 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'amana-simulate-')), 'broken.flow.json');
    writeFileSync(file, '{"format": "amana.flow", "version": 1}');
    const broken = await simulate([file], []);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`${file}: $.id:`);
    expect((await simulate(['/no/such.flow.json'], [])).code).toBe(2);
    expect((await simulate([], [])).code).toBe(2);
    expect((await simulate(['flows/examples/lead-capture.flow.json', '--frobnicate'], [])).stderr).toContain(
      '--frobnicate',
    );
  });
});

describe('eventFor', () => {
  it('reads slash commands as the agent, the clock, locations and files', () => {
    expect(eventFor('/release')).toEqual({ type: 'agent-released' });
    expect(eventFor('/timeout')).toEqual({ type: 'timeout' });
    expect(eventFor('/location -23.55, -46.63 Loja Centro')).toEqual({
      type: 'location',
      latitude: -23.55,
      longitude: -46.63,
      name: 'Loja Centro',
    });
    expect(eventFor('/image minha nota')).toMatchObject({ type: 'media', kind: 'image', caption: 'minha nota' });
    expect(eventFor('/document boleto.pdf')).toMatchObject({ type: 'media', kind: 'document', filename: 'boleto.pdf' });
    expect(eventFor('/location somewhere')).toEqual({ type: 'text', text: '/location somewhere' });
    expect(eventFor('/other')).toEqual({ type: 'text', text: '/other' });
    expect(eventFor('   ')).toBeUndefined();
  });
});
