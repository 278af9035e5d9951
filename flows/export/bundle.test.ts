import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEnvFile } from '../../runtime/config/env-file.ts';
import { parseFlow } from '../model/parse.ts';
import type { Flow } from '../model/schema.ts';
import { buildBundle, type BundleOptions } from './bundle.ts';
import { runtimeRetention } from './facts.ts';
import { twoLanguageBundleFiles } from '../../test/fixtures/bundle-files.ts';

function example(name: string): Flow {
  const parsed = parseFlow(readFileSync(new URL(`../examples/${name}.flow.json`, import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.flow;
}

const options: BundleOptions = {
  serverJs: '#!/usr/bin/env node\n"use strict";\n// the runtime\n',
  appVersion: '9.8.7',
  exportedAt: '2026-03-14T12:00:00.000Z',
  language: 'en',
  betterSqlite3: '^12.11.1',
  postgres: '^3.4.9',
};

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function bundle(name: string, overrides: Partial<BundleOptions> = {}): Record<string, string> {
  const result = buildBundle(example(name), { ...options, ...overrides });
  if (!result.ok) throw new Error(`${name} was refused: ${result.diagnostics.map((d) => d.rule).join(', ')}`);
  return result.files;
}

describe('buildBundle', () => {
  it('refuses a flow with check errors and says which', () => {
    const result = buildBundle(example('noncompliant-demo'), options);
    expect(result.ok).toBe(false);
    const rules = result.diagnostics
      .filter((diagnostic) => diagnostic.severity === 'error')
      .map((diagnostic) => diagnostic.rule);
    expect(rules).toEqual(expect.arrayContaining(['undeclared-data', 'undeclared-sharing', 'missing-retention']));
  });

  it('writes the files of DESIGN.md §5, one privacy notice per flow language', () => {
    expect(Object.keys(bundle('lead-capture')).sort()).toEqual(twoLanguageBundleFiles);
  });

  it('records in the manifest the format, the flow hash, the app version, the export time, the checker summary and every file’s hash', () => {
    const files = bundle('lead-capture');
    const manifest = JSON.parse(files['manifest.json'] ?? '');
    expect(manifest).toMatchObject({
      format: 'amana.bundle',
      formatVersion: 1,
      flow: {
        id: 'lead-capture',
        version: 1,
        languages: ['pt-BR', 'en'],
        file: 'flow.json',
        sha256: sha(files['flow.json'] ?? ''),
      },
      app: { name: 'amana', version: '9.8.7' },
      exportedAt: '2026-03-14T12:00:00.000Z',
      checker: { errors: 0 },
      runtime: { file: 'server.js', node: '>=20.19', sha256: sha(options.serverJs) },
    });
    for (const [name, hash] of Object.entries(manifest.files))
      expect({ name, hash }).toEqual({ name, hash: sha(files[name] ?? '') });
    expect(Object.keys(manifest.files)).toHaveLength(6);
  });

  it('declares better-sqlite3 and the PostgreSQL driver as its dependencies', () => {
    const manifest = JSON.parse(bundle('lead-capture')['package.json'] ?? '');
    expect(manifest.dependencies).toEqual({ 'better-sqlite3': '^12.11.1', postgres: '^3.4.9' });
    expect(manifest.allowScripts).toEqual({ 'better-sqlite3': true });
    expect(manifest).toMatchObject({
      name: 'amana-bot-lead-capture',
      type: 'commonjs',
      private: true,
      scripts: { start: 'node server.js serve' },
    });
  });

  it('is pure: the same flow and options give the same bytes', () => {
    expect(bundle('clinic-appointment')).toEqual(bundle('clinic-appointment'));
  });

  it('writes the privacy notice from the declarations: controller, DPO, each field’s purpose, basis, retention and recipients, the erase keyword', () => {
    const notice = bundle('lead-capture')['privacy-notice.en.md'] ?? '';
    expect(notice).toMatch(/^# Privacy notice — Casa Aurora — pedido de orçamento\n/);
    expect(notice).toContain('Controller: Casa Aurora Móveis e Decoração Ltda — privacidade@casaaurora.example');
    expect(notice).toContain('Data protection officer (encarregado): encarregado@casaaurora.example');
    expect(notice).toContain('### Email\n');
    expect(notice).toContain('- **Why:** Follow-up from our sales team about your quote and Offers and news');
    expect(notice).toContain('- **Legal basis:** your consent (GDPR art. 6(1)(a); LGPD art. 7 I)');
    expect(notice).toContain('- **Kept for:** 180 days after you give it, then deleted automatically');
    expect(notice).toContain('- **Passed on to:** Funil CRM (Brazil)');
    expect(notice).toContain('write **delete my data** in the chat');
    expect(notice).toContain('write **agent**');
    expect(notice).toContain(`forgotten after ${runtimeRetention.conversationIdleDays} days without messages`);
    expect(notice).not.toContain('This notice is in English');
  });

  it('writes the Portuguese notice in Portuguese, with the Portuguese keywords and labels', () => {
    const notice = bundle('lead-capture')['privacy-notice.pt-BR.md'] ?? '';
    expect(notice).toContain('# Aviso de privacidade');
    expect(notice).toContain('### Telefone para contato');
    expect(notice).toContain('- **Compartilhado com:** Funil CRM (Brasil)');
    expect(notice).toContain('escreva **apagar meus dados** na conversa');
    expect(notice).toContain('o seu consentimento (LGPD art. 7º, I; GDPR art. 6(1)(a))');
  });

  it('writes the Arabic notice in Arabic, and asks explicit consent’s article for health data', () => {
    const notice = bundle('clinic-appointment')['privacy-notice.ar.md'] ?? '';
    expect(notice).toMatch(/^# إشعار الخصوصية — /);
    expect(notice).toContain('بيانات حساسة (GDPR المادة 9؛ LGPD المادة 5 ثانيًا)');
    expect(notice).toContain('موافقتك الصريحة (GDPR المادة 9(2)(أ)؛ LGPD المادة 11 أولًا)');
    const english = bundle('clinic-appointment')['privacy-notice.en.md'] ?? '';
    expect(english).toContain('your explicit consent (GDPR art. 9(2)(a); LGPD art. 11 I)');
  });

  it('falls back to English for other flow languages, says so, and keeps the flow’s own words', () => {
    const notice = bundle('pizza-delivery')['privacy-notice.es.md'] ?? '';
    expect(notice).toContain('> This notice is in English: Amana does not yet write generated documents in “es”.');
    expect(notice).toContain('### Ubicación de entrega');
    expect(notice).toContain('(Spain)');
  });

  it('writes the record of processing (GDPR art. 30, LGPD art. 37) in the exporting person’s language', () => {
    const record = bundle('lead-capture')['records-of-processing.md'] ?? '';
    expect(record).toMatch(/^# Record of processing activities — /);
    expect(record).toContain('GDPR art. 30(1) and LGPD art. 37');
    expect(record).toContain(
      '| Casa Aurora Móveis e Decoração Ltda | privacidade@casaaurora.example | encarregado@casaaurora.example |',
    );
    expect(record).toMatch(
      /\| Email \(`email`\) \| Email address \(`user\.contact\.email`\) \| no \| .* \| your consent .* \| 180 days \| Funil CRM \|/,
    );
    expect(record).toMatch(/\| Funil CRM \| `api\.funilcrm\.example` \| Brazil \(BR\) \| `name`, `email`, `phone`/);
    expect(record).toContain(`${runtimeRetention.dedupeKeyDays} days`);
    expect(record).toContain('AES-256-GCM');
    const portuguese = bundle('lead-capture', { language: 'pt-BR' })['records-of-processing.md'] ?? '';
    expect(portuguese).toMatch(/^# Registro das operações de tratamento — /);
    const arabic = bundle('lead-capture', { language: 'ar' })['records-of-processing.md'] ?? '';
    expect(arabic).toMatch(/^# سجل أنشطة المعالجة — /);
  });

  it('names in the record the host a handoff desk is reached at, read from its URL as the bot reads it', () => {
    const flow = example('lead-capture');
    flow.recipients.push({
      id: 'desk',
      name: 'Sales desk',
      url: 'https://DESK.casaaurora.example:8443/hooks/amana',
      country: 'BR',
    });
    const result = buildBundle(flow, options);
    if (!result.ok) throw new Error(result.diagnostics.map((d) => d.rule).join(', '));
    expect(result.files['records-of-processing.md']).toMatch(
      /\| Sales desk \| `desk\.casaaurora\.example:8443` \| Brazil \(BR\) \|/,
    );
  });

  it.each([
    {
      language: 'en' as const,
      notice: ['lead-capture', 'privacy-notice.en.md'],
      says: ['ends it once the assistant has confirmed', 'starts a new conversation from the beginning'],
      readme: /ends the conversation after the confirmation.*refused/,
    },
    {
      language: 'pt-BR' as const,
      notice: ['lead-capture', 'privacy-notice.pt-BR.md'],
      says: ['encerra a conversa assim que o assistente confirma', 'começa uma conversa nova do início'],
      readme: /encerra a conversa depois da confirmação.*refused/,
    },
    {
      language: 'ar' as const,
      notice: ['clinic-appointment', 'privacy-notice.ar.md'],
      says: ['يُنهيها بعد أن يؤكده المساعد', 'تبدأ محادثة جديدة من البداية'],
      readme: /يُنهي المحو.*refused/,
    },
  ])('says in the $language notice and README what erasure does in the middle of a conversation', (expected) => {
    const [flow = '', file = ''] = expected.notice;
    const notice = bundle(flow)[file] ?? '';
    for (const words of expected.says) expect(notice).toContain(words);
    expect(bundle('lead-capture', { language: expected.language })['README.md']).toMatch(expected.readme);
  });

  it('says in the notices and the README that consent follows the wording it was given for', () => {
    const files = bundle('lead-capture', { language: 'pt-BR' });
    expect(files['privacy-notice.en.md']).toContain(
      'Your consent is recorded with the exact wording of each purpose you agreed to, and the data that rely on it. If Casa Aurora Móveis e Decoração Ltda changes that wording',
    );
    expect(files['privacy-notice.pt-BR.md']).toContain(
      'Se a Casa Aurora Móveis e Decoração Ltda mudar esse texto, ou quais dados dependem dela, o consentimento que você deu a essa finalidade deixa de valer',
    );
    expect(files['README.md']).toContain('**O consentimento acompanha o aviso**');
    expect(bundle('lead-capture', { language: 'ar' })['README.md']).toContain('**الموافقة تتبع الإشعار**');
    expect(bundle('lead-capture')['README.md']).toContain(
      'When a new export rewords a purpose, or changes which data rely on it, earlier consents to that purpose stop counting',
    );
  });

  it('says in the notices, the record and the README which recipients are asked to erase, in every language', () => {
    const files = bundle('lead-capture', { language: 'pt-BR' });
    expect(files['privacy-notice.en.md']).toContain(
      '  The assistant then also asks Funil CRM to erase what they received about you.',
    );
    expect(files['privacy-notice.pt-BR.md']).toContain(
      '  Depois, o assistente também pede a Funil CRM que apaguem o que receberam sobre você.',
    );
    expect(files['records-of-processing.md']).toContain(
      '- Quando uma pessoa é apagada, o robô pede a estes destinatários que apaguem o que receberam, pelas rotas de exclusão deles, com a referência que cada um devolveu (LGPD art. 18, §6º; GDPR art. 19): Funil CRM.',
    );
    expect(files['records-of-processing.md']).not.toContain('não têm rota de exclusão');
    expect(files['README.md']).toContain('**Exclusão nos destinatários**');
    expect(files['README.md']).toContain('o robô também pede a Funil CRM que apaguem o que receberam');
    const arabic = bundle('clinic-appointment', { language: 'ar' });
    expect(arabic['privacy-notice.ar.md']).not.toContain('حذف ما تلقّته');
    expect(arabic['README.md']).not.toContain('المحو لدى الجهات المستلمة');
    const english = bundle('pizza-delivery', { language: 'ar' });
    expect(english['records-of-processing.md']).toContain('RepartoYa (reparto a domicilio)');
    expect(english['records-of-processing.md']).toContain('عبر مسارات الحذف الخاصة بها');
    expect(english['README.md']).toContain('**المحو لدى الجهات المستلمة**');
  });

  it('names the recipients that receive personal data without an erase route, to be told by other means', () => {
    const flow = example('lead-capture');
    const crm = flow.recipients[0];
    if (!crm) throw new Error('lead-capture has a CRM');
    const { erase: _erase, ...withoutRoute } = crm;
    const result = buildBundle({ ...flow, recipients: [withoutRoute] }, options);
    if (!result.ok) throw new Error('a missing erase route is a warning, not an error');
    expect(result.files['privacy-notice.en.md']).toContain(
      '  Funil CRM are not asked automatically: to have them erase what they received about you, write to encarregado@casaaurora.example.',
    );
    expect(result.files['privacy-notice.en.md']).not.toContain('also asks Funil CRM');
    expect(result.files['records-of-processing.md']).toContain(
      '- These recipients of personal data have no erase route and must be told of erasures by other means: Funil CRM.',
    );
    expect(result.files['README.md']).not.toContain('**Erasure at recipients**');
  });

  it('lists a secret an erase route’s headers read among the settings the bot needs, with who issues it', () => {
    const flow = example('lead-capture');
    const crm = flow.recipients[0];
    if (!crm?.erase) throw new Error('lead-capture has a CRM with an erase route');
    const headers = { Authorization: 'Bearer {{secret.FUNIL_TOKEN}}' };
    const result = buildBundle({ ...flow, recipients: [{ ...crm, erase: { ...crm.erase, headers } }] }, options);
    if (!result.ok) throw new Error(`refused: ${result.diagnostics.map((d) => d.rule).join(', ')}`);
    const env = parseEnvFile(result.files['.env.example'] ?? '');
    expect(env.badLines).toEqual([]);
    expect(Object.keys(env.values).at(-1)).toBe('AMANA_SECRET_FUNIL_TOKEN');
    expect(result.files['README.md']).toContain(
      '| `AMANA_SECRET_FUNIL_TOKEN` | Required by this flow: the API token Funil CRM gave you.',
    );
    expect(bundle('lead-capture')['README.md']).not.toMatch(/^\| `AMANA_SECRET_/m);
  });

  it('writes a README with the deploy steps and an .env.example the bot can read', () => {
    const files = bundle('order-status', { language: 'pt-BR' });
    const readme = files['README.md'] ?? '';
    expect(readme).toContain('npm install\nnode server.js keygen');
    expect(readme).toContain('node server.js serve');
    expect(readme).toContain('Exportado pelo Amana 9.8.7');
    const env = parseEnvFile(files['.env.example'] ?? '');
    expect(env.badLines).toEqual([]);
    expect(Object.keys(env.values)).toEqual([
      'PORT',
      'WHATSAPP_APP_SECRET',
      'WHATSAPP_VERIFY_TOKEN',
      'WHATSAPP_ACCESS_TOKEN',
      'WHATSAPP_PHONE_NUMBER_ID',
      'GRAPH_API_BASE',
      'AMANA_DATA_KEY',
      'AMANA_DB',
      'ADMIN_TOKEN',
    ]);
    expect(env.values['GRAPH_API_BASE']).toBe('https://graph.facebook.com/v23.0');
  });

  it.each([
    {
      language: 'en',
      heading: '## 10. Statistics without personal data',
      never: '**What they never contain**',
      named: '“Question: What is your email?”',
      hidden: '“hidden: under 5 on each day”',
    },
    {
      language: 'pt-BR',
      heading: '## 10. Estatísticas sem dados pessoais',
      never: '**O que nunca contêm**',
      named: '“Pergunta: Qual é o seu e-mail?”',
      hidden: '“oculto: menos de 5 em cada dia”',
    },
    {
      language: 'ar',
      heading: '## 10. إحصاءات دون بيانات شخصية',
      never: '**ما لا تحتويه أبدًا**',
      named: '«سؤال: …»',
      hidden: '«مخفي: أقل من 5 في كل يوم»',
    },
  ] as const)('documents the $language README’s stats and what they never contain', (expected) => {
    const readme = bundle('order-status', { language: expected.language })['README.md'] ?? '';
    expect(readme).toContain(expected.heading);
    expect(readme).toContain('node server.js stats --from 2026-03-01 --to 2026-03-31 --json');
    expect(readme).toContain('/admin/stats?from=');
    expect(readme).toContain(expected.never);
    expect(readme).toContain('< 5');
    // The text report names steps as their cards read, and says when a total's counts were all hidden.
    expect(readme).toContain(expected.named);
    expect(readme).toContain(expected.hidden);
  });
});
