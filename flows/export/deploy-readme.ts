import type { UiLanguage } from '../i18n/index.ts';
import type { Flow } from '../model/schema.ts';
import { flowSecrets, secretsByRecipient, secretVariable } from '../nodes/http/secrets.ts';
import { formatDate, md, oneLine } from './language.ts';
import { deployReadmeText as say, type DeployReadmeKey as Key } from './deploy-readme-texts.ts';

/** Every setting with its explanation key, in the order the README and .env.example list them. */
const settings: readonly [name: string, help: Key][] = [
  ['PORT', 'set-port'],
  ['WHATSAPP_APP_SECRET', 'set-app-secret'],
  ['WHATSAPP_VERIFY_TOKEN', 'set-verify'],
  ['WHATSAPP_ACCESS_TOKEN', 'set-access'],
  ['WHATSAPP_PHONE_NUMBER_ID', 'set-phone-id'],
  ['GRAPH_API_BASE', 'set-graph'],
  ['AMANA_DATA_KEY', 'set-key'],
  ['AMANA_DATA_KEY_NEW', 'set-key-new'],
  ['AMANA_DB', 'set-db'],
  ['DATABASE_URL', 'set-database-url'],
  ['ADMIN_TOKEN', 'set-admin'],
  ['AMANA_SEND_RATE', 'set-rate'],
  ['HANDOFF_FORWARD_SECRET', 'set-forward'],
  ['AMANA_LANG', 'set-lang'],
];

/** Example values: blank for secrets the operator must fill, commented out for optional ones. */
const examples: Readonly<Record<string, string>> = {
  PORT: 'PORT=3000',
  WHATSAPP_APP_SECRET: 'WHATSAPP_APP_SECRET=',
  WHATSAPP_VERIFY_TOKEN: 'WHATSAPP_VERIFY_TOKEN=',
  WHATSAPP_ACCESS_TOKEN: 'WHATSAPP_ACCESS_TOKEN=',
  WHATSAPP_PHONE_NUMBER_ID: 'WHATSAPP_PHONE_NUMBER_ID=',
  GRAPH_API_BASE: 'GRAPH_API_BASE=https://graph.facebook.com/v23.0',
  AMANA_DATA_KEY: 'AMANA_DATA_KEY=\n# AMANA_DATA_KEY_FILE=/etc/amana/data.key',
  AMANA_DATA_KEY_NEW: '# AMANA_DATA_KEY_NEW=',
  AMANA_DB: 'AMANA_DB=./amana.db',
  DATABASE_URL: '# DATABASE_URL=postgres://amana:password@db.example.com:5432/amana',
  ADMIN_TOKEN: 'ADMIN_TOKEN=',
  AMANA_SEND_RATE: '# AMANA_SEND_RATE=80',
  HANDOFF_FORWARD_SECRET: '# HANDOFF_FORWARD_SECRET=',
  AMANA_LANG: '# AMANA_LANG=en',
};

/** The bundle's `.env.example`: every setting, explained in a comment, ready to copy to `.env`. */
export function envExample(flow: Flow, language: UiLanguage): string {
  const lines = [`# ${say(language, 'env-header', { flow: oneLine(flow.name) })}`, ''];
  for (const [name, help] of settings)
    lines.push(`# ${say(language, help).replace(/`/g, '')}`, examples[name] ?? `# ${name}=`, '');
  for (const secret of secretSettings(flow, language))
    lines.push(`# ${secret.meaning.replace(/`/g, '')}`, `${secret.variable}=`, '');
  return lines.join('\n');
}

/** The `AMANA_SECRET_NAME` settings the flow's requests (http steps and erase routes) read, each with who issues it. */
function secretSettings(flow: Flow, language: UiLanguage): { variable: string; meaning: string }[] {
  const requests = secretsByRecipient(flow);
  return flowSecrets(flow).map((name) => {
    const issuers = new Set<string>();
    for (const request of requests) {
      if (!request.secrets.includes(name)) continue;
      issuers.add(
        oneLine(flow.recipients.find((recipient) => recipient.id === request.recipient)?.name ?? request.recipient),
      );
    }
    const recipients = [...issuers].join(', ');
    return { variable: secretVariable(name), meaning: say(language, 'set-secret', { recipients, name }) };
  });
}

/** The bundle's README.md: how to deploy and run the bot, in the exporting person's language. */
export function deployReadme(
  flow: Flow,
  language: UiLanguage,
  context: { appVersion: string; exportedAt: string; noticeFiles: string[] },
): string {
  const t = (key: Key, params?: Record<string, string | number>) => say(language, key, params);
  const fence = (code: string) => ['```sh', code, '```'];
  return [
    `# ${t('title', { flow: md(flow.name) })}`,
    '',
    t('intro', { version: context.appVersion, date: formatDate(context.exportedAt, language) }),
    '',
    `## ${t('files')}`,
    '',
    `- \`server.js\` — ${t('file-server')}`,
    `- \`flow.json\` — ${t('file-flow')}`,
    `- \`manifest.json\` — ${t('file-manifest')}`,
    `- ${context.noticeFiles.map((file) => `\`${file}\``).join(', ')} — ${t('file-notices')}`,
    `- \`records-of-processing.md\` — ${t('file-records')}`,
    `- \`.env.example\` — ${t('file-env')}`,
    '',
    `## ${t('h-requirements')}`,
    '',
    t('requirements'),
    '',
    `## ${t('h-install')}`,
    '',
    ...fence(
      'npm install\nnode server.js keygen   # AMANA_DATA_KEY\nnode server.js keygen   # ADMIN_TOKEN\ncp .env.example .env && chmod 600 .env',
    ),
    '',
    t('install-keys'),
    '',
    t('install-env'),
    '',
    `## ${t('h-meta')}`,
    '',
    t('meta'),
    '',
    `## ${t('h-run')}`,
    '',
    ...fence('node server.js serve'),
    '',
    t('run'),
    '',
    '```ini',
    '[Service]',
    `WorkingDirectory=/opt/${flow.id}`,
    `ExecStart=/usr/bin/node /opt/${flow.id}/server.js serve`,
    'Restart=always',
    'User=amana',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '```',
    '',
    `## ${t('h-simulate')}`,
    '',
    ...fence('AMANA_DB=./try.db node server.js simulate'),
    '',
    t('simulate'),
    '',
    `## ${t('h-agents')}`,
    '',
    t('agents'),
    '',
    ...fence(
      [
        'curl -H "Authorization: Bearer $ADMIN_TOKEN" https://<your-domain>/admin/handoffs',
        'curl -H "Authorization: Bearer $ADMIN_TOKEN" https://<your-domain>/admin/handoffs/<ref>',
        `curl -H "Authorization: Bearer $ADMIN_TOKEN" -H "Content-Type: application/json" \\\n     -H "Idempotency-Key: <a new UUID per reply>" -d '{"text": "..."}' https://<your-domain>/admin/handoffs/<ref>/reply`,
        'curl -X POST -H "Authorization: Bearer $ADMIN_TOKEN" https://<your-domain>/admin/handoffs/<ref>/release',
        'curl -H "Authorization: Bearer $ADMIN_TOKEN" https://<your-domain>/admin/status',
      ].join('\n'),
    ),
    '',
    t('agents-again'),
    '',
    t('agents-forward'),
    '',
    `## ${t('h-privacy')}`,
    '',
    ...fence(
      'node server.js purge\nnode server.js erase --phone +5511912345678\nnode server.js export-subject --phone +5511912345678 > subject.json',
    ),
    '',
    t('privacy'),
    '',
    t('consent-versions'),
    '',
    ...recipientErasure(flow, t),
    `### ${t('h-backups')}`,
    '',
    t('backups'),
    '',
    ...fence(
      [
        'node server.js backup --out /var/backups/amana/amana-$(date +%F).amana',
        'node server.js restore --from /var/backups/amana/amana-2026-01-31.amana --force',
      ].join('\n'),
    ),
    '',
    t('backups-restore'),
    '',
    t('backups-postgres'),
    '',
    ...fence(
      [
        'pg_dump --format=custom --file=amana.dump "$DATABASE_URL"',
        'node server.js save-erasures --out erasures.json',
        'pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" amana.dump',
        'node server.js replay-erasures --from erasures.json',
      ].join('\n'),
    ),
    '',
    t('backups-postgres-note'),
    '',
    `### ${t('h-rotate')}`,
    '',
    t('rotate'),
    '',
    ...fence(
      ['node server.js keygen > new.key && chmod 600 new.key', 'node server.js rotate-key --new-key-file new.key'].join(
        '\n',
      ),
    ),
    '',
    t('rotate-details'),
    '',
    `## ${t('h-scale')}`,
    '',
    t('scale'),
    '',
    t('scale-work'),
    '',
    t('scale-health'),
    '',
    t('scale-pause'),
    '',
    t('scale-keys'),
    '',
    t('scale-erasure'),
    '',
    `## ${t('h-settings')}`,
    '',
    `| ${t('setting')} | ${t('meaning')} |`,
    '| --- | --- |',
    ...settings.map(([name, key]) => `| \`${name}\` | ${t(key)} |`),
    ...secretSettings(flow, language).map((secret) => `| \`${secret.variable}\` | ${secret.meaning} |`),
    '',
    `## ${t('h-stats')}`,
    '',
    ...fence(
      'node server.js stats\nnode server.js stats --from 2026-03-01 --to 2026-03-31 --json > march.json\ncurl -H "Authorization: Bearer $ADMIN_TOKEN" "https://<your-domain>/admin/stats?from=2026-03-01&to=2026-03-31"',
    ),
    '',
    t('stats'),
    '',
    t('stats-never'),
    '',
  ].join('\n');
}

/** The paragraph on erasure at recipients, when the flow gives any recipient an erase route. */
function recipientErasure(flow: Flow, t: (key: Key, params?: Record<string, string | number>) => string): string[] {
  const told = flow.recipients.filter((recipient) => recipient.erase).map((recipient) => md(recipient.name));
  return told.length === 0 ? [] : [t('recipient-erasure', { recipients: told.join(', ') }), ''];
}
