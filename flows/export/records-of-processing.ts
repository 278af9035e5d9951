import { declaredHost } from '../check/urls.ts';
import { findCategory } from '../model/categories.ts';
import type { UiLanguage } from '../i18n/index.ts';
import type { Flow } from '../model/schema.ts';
import { erasureRecipients, fieldsSharedWith, handoffShares, keywordsIn, runtimeRetention } from './facts.ts';
import { countryName, formatDate, md } from './language.ts';
import { localText } from '../i18n/lang-text.ts';
import { legalBasisText } from './legal.ts';
import { recordsText as say, type RecordsKey as Key } from './records-of-processing-texts.ts';

/**
 * `records-of-processing.md`: the controller's record of this processing activity (GDPR art. 30(1),
 * LGPD art. 37), generated from the flow's declarations, in the exporting person's language.
 */
export function recordsOfProcessing(
  flow: Flow,
  language: UiLanguage,
  context: { exportedAt: string; flowHash: string },
): string {
  const t = (key: Key, params?: Record<string, string | number>) => say(language, key, params);
  const tag =
    flow.languages.find((candidate) => candidate.split('-')[0] === language.split('-')[0]) ?? flow.languages[0] ?? 'en';
  const local = (text: Parameters<typeof localText>[0]) => md(localText(text, tag, flow.languages));
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const header = (cells: string[]) => [row(cells), row(cells.map(() => '---'))];
  const controller = md(flow.controller.name);
  const lines: string[] = [
    `# ${t('title', { flow: md(flow.name) })}`,
    '',
    t('intro', { date: formatDate(context.exportedAt, language), id: flow.id, hash: context.flowHash }),
    '',
    `## ${t('h-controller')}`,
    '',
    ...header([t('name'), t('contact'), t('dpo')]),
    row([controller, md(flow.controller.contact), md(flow.controller.dpo ?? t('not-named'))]),
    '',
    `## ${t('h-activity')}`,
    '',
    `- ${t('activity', { flow: md(flow.name) })}`,
    ...(flow.description ? [`- ${md(flow.description)}`] : []),
    `- ${t('subjects', { controller })}`,
    `- ${t('processor')}`,
    '',
    `## ${t('h-purposes')}`,
    '',
    ...header([t('purpose'), 'id', t('description')]),
    ...flow.purposes.map((purpose) => row([local(purpose.label), `\`${purpose.id}\``, local(purpose.description)])),
    '',
    `## ${t('h-categories')}`,
    '',
    ...header([t('field'), t('category'), t('sensitive'), t('purposes'), t('basis'), t('retention'), t('recipients')]),
    ...flow.data.map((field) => {
      const category = findCategory(field.category);
      const basis = category?.sensitive && field.legalBasis === 'consent' ? 'explicit_consent' : field.legalBasis;
      const recipients = (field.sharedWith ?? []).map((id) =>
        md(flow.recipients.find((recipient) => recipient.id === id)?.name ?? id),
      );
      return row([
        `${local(field.label)} (\`${field.key}\`)`,
        `${md(category?.label[language] ?? field.category)} (\`${field.category}\`)`,
        category?.sensitive ? t('yes') : t('no'),
        field.purposes
          .map((id) => local(flow.purposes.find((purpose) => purpose.id === id)?.label) || `\`${id}\``)
          .join('; '),
        legalBasisText[language][basis],
        field.retentionDays === undefined ? t('unset') : t('days', { days: field.retentionDays }),
        recipients.length > 0 ? recipients.join('; ') : t('none'),
      ]);
    }),
    '',
    t('built-in', { days: runtimeRetention.conversationIdleDays }),
    '',
    `## ${t('h-recipients')}`,
    '',
  ];
  if (flow.recipients.length === 0) {
    lines.push(t('no-recipients'), '');
  } else {
    lines.push(...header([t('recipient'), t('host'), t('country'), t('receives')]));
    for (const recipient of flow.recipients) {
      // The host the bot will send to, read as it reads it (WHATWG URL): `host`, else the desk URL's host.
      const host = declaredHost(recipient);
      const receives = fieldsSharedWith(flow, recipient.id).map((key) => `\`${key}\``);
      if (recipient.url) receives.push(md(t('handoff-desk', { url: recipient.url })));
      lines.push(
        row([
          md(recipient.name),
          host ? `\`${host}\`` : '—',
          recipient.country ? `${countryName(recipient.country, language)} (${recipient.country})` : '—',
          receives.length > 0 ? receives.join(', ') : t('none'),
        ]),
      );
    }
    lines.push('');
  }
  const shared = handoffShares(flow);
  if (shared.length > 0) lines.push(t('human-agents', { fields: shared.map((key) => `\`${key}\``).join(', ') }), '');
  lines.push(
    `## ${t('h-erasure')}`,
    '',
    `- ${t('erasure-fields')}`,
    `- ${t('erasure-conversation', { days: runtimeRetention.conversationIdleDays })}`,
    `- ${t('erasure-dedupe', { days: runtimeRetention.dedupeKeyDays })}`,
    `- ${t('erasure-statuses', { days: runtimeRetention.operationalRecordDays })}`,
    `- ${t('erasure-ledger')}`,
    ...toldOfErasure(flow, t),
    '',
    `## ${t('h-security')}`,
    '',
    ...(
      [
        'security-encryption',
        'security-phone',
        'security-erasure',
        'security-webhook',
        'security-admin',
        'security-transfer',
      ] as const
    ).map((key) => `- ${t(key)}`),
    '',
    `## ${t('h-rights')}`,
    '',
  );
  const words = keywordsIn(flow, tag);
  const quoted = (['erase', 'human', 'stop'] as const).flatMap((kind) => {
    const word = words[kind];
    return word ? [t('keyword', { word: md(word), kind: t(`kind-${kind}`) })] : [];
  });
  if (quoted.length > 0) lines.push(`- ${t('rights-keywords', { keywords: quoted.join(', ') })}`);
  lines.push(`- ${t('rights-erase')}`, `- ${t('rights-access')}`, '');
  return lines.join('\n');
}

/** Which recipients the bot asks to erase, and which must be told by other means (GDPR art. 19; LGPD art. 18 §6). */
function toldOfErasure(flow: Flow, t: (key: Key, params?: Record<string, string | number>) => string): string[] {
  const { told, notTold } = erasureRecipients(flow);
  const names = (recipients: readonly { name: string }[]) =>
    recipients.map((recipient) => md(recipient.name)).join('; ');
  return [
    ...(told.length > 0 ? [`- ${t('erasure-recipients', { recipients: names(told) })}`] : []),
    ...(notTold.length > 0 ? [`- ${t('erasure-recipients-manual', { recipients: names(notTold) })}`] : []),
  ];
}
