import { offersHuman } from '../check/index.ts';
import { findCategory } from '../model/categories.ts';
import { listOf } from '../i18n/index.ts';
import type { Flow } from '../model/schema.ts';
import { describeRecipient, erasureRecipients, handoffShares, keywordsIn, runtimeRetention } from './facts.ts';
import { countryName, documentLanguage, formatDate, md, mdUrl } from './language.ts';
import { localText } from '../i18n/lang-text.ts';
import { legalBasisText } from './legal.ts';
import { privacyNoticeText as say, type PrivacyNoticeKey as Key } from './privacy-notice-texts.ts';

/**
 * `privacy-notice.<tag>.md`: what a customer is told, in one of the flow's languages, generated
 * from the flow's declarations (GDPR arts. 13–14; LGPD art. 9): controller and DPO, each field
 * with purpose, legal basis, retention and recipients, and how to erase (the keyword).
 */
export function privacyNotice(flow: Flow, tag: string, context: { exportedAt: string; flowHash: string }): string {
  const { language, translated } = documentLanguage(tag);
  const t = (key: Key, params?: Record<string, string | number>) => say(language, key, params);
  const local = (text: Parameters<typeof localText>[0]) => localText(text, tag, flow.languages);
  const controller = flow.controller.name;
  const keywords = keywordsIn(flow, tag);
  const lines: string[] = [`# ${t('title', { flow: md(flow.name) })}`, ''];
  if (!translated) lines.push(t('not-translated', { tag, controller: md(controller) }), '');
  lines.push(t('intro', { controller: md(controller) }), '');

  lines.push(`## ${t('h-controller')}`, '');
  lines.push(`- ${t('controller', { name: md(controller), contact: md(flow.controller.contact) })}`);
  if (flow.controller.dpo) lines.push(`- ${t('dpo', { dpo: md(flow.controller.dpo) })}`);
  const noticeUrl = flow.controller.privacyNoticeUrl ? mdUrl(flow.controller.privacyNoticeUrl) : undefined;
  if (noticeUrl) lines.push(`- ${t('full-notice', { url: noticeUrl })}`);
  lines.push('');

  lines.push(`## ${t('h-collects')}`, '');
  if (flow.data.length === 0) lines.push(t('none-collected'), '');
  for (const field of flow.data) {
    const category = findCategory(field.category);
    const purposes = field.purposes.map((id) => local(flow.purposes.find((purpose) => purpose.id === id)?.label) || id);
    const recipients = (field.sharedWith ?? []).map((id) => {
      const recipient = describeRecipient(flow, id);
      return recipient.country
        ? t('recipient-in', { name: md(recipient.name), country: countryName(recipient.country, language) })
        : md(recipient.name);
    });
    const basis = category?.sensitive && field.legalBasis === 'consent' ? 'explicit_consent' : field.legalBasis;
    lines.push(`### ${md(local(field.label) || field.key)}`, '');
    lines.push(
      `- **${t('kind')}:** ${md(category?.label[language] ?? field.category)}${category?.sensitive ? ` — ${t('sensitive')}` : ''}`,
    );
    lines.push(`- **${t('why')}:** ${md(listOf(language, purposes))}`);
    lines.push(`- **${t('basis')}:** ${legalBasisText[language][basis]}`);
    lines.push(
      `- **${t('kept')}:** ${field.retentionDays === undefined ? t('kept-unset') : t('kept-days', { days: field.retentionDays })}`,
    );
    lines.push(
      `- **${t('shared')}:** ${recipients.length > 0 ? listOf(language, recipients) : t('shared-none', { controller: md(controller) })}`,
    );
    lines.push('');
  }

  lines.push(`## ${t('h-always')}`, '');
  lines.push(t('always', { days: runtimeRetention.conversationIdleDays }), '');
  lines.push(t('whatsapp', { controller: md(controller) }), '');

  const shared = handoffShares(flow);
  if (offersHuman(flow)) {
    const labelOf = (key: string) =>
      flow.data.find((field) => field.key === key)?.label ??
      flow.variables.find((variable) => variable.key === key)?.label;
    const labels = shared.map((key) => md(local(labelOf(key)) || key));
    lines.push(`## ${t('h-human')}`, '');
    lines.push(
      labels.length > 0
        ? t('human', { controller: md(controller), fields: listOf(language, labels) })
        : t('human-nothing', { controller: md(controller) }),
      '',
    );
  }

  if (flow.data.some((field) => field.legalBasis === 'consent')) {
    lines.push(`## ${t('h-consent')}`, '', t('consent-withdraw'), '', t('consent-record'), '');
    lines.push(t('consent-wording', { controller: md(controller) }), '');
  }

  const contact = md(flow.controller.dpo ?? flow.controller.contact);
  lines.push(`## ${t('h-rights')}`, '', t('rights'), '');
  lines.push(
    `- ${keywords.erase ? t('erase-keyword', { keyword: md(keywords.erase) }) : t('erase-contact', { contact })}`,
    `  ${t('erase-conversation')}`,
  );
  const { told, notTold } = erasureRecipients(flow);
  const names = (recipients: readonly { name: string }[]) =>
    listOf(
      language,
      recipients.map((recipient) => md(recipient.name)),
    );
  if (told.length > 0) lines.push(`  ${t('erase-recipients', { recipients: names(told) })}`);
  if (notTold.length > 0) lines.push(`  ${t('erase-recipients-manual', { recipients: names(notTold), contact })}`);
  if (keywords.human) lines.push(`- ${t('human-keyword', { keyword: md(keywords.human) })}`);
  if (keywords.stop) lines.push(`- ${t('stop-keyword', { keyword: md(keywords.stop) })}`);
  lines.push(`- ${t('other-requests', { contact })}`, '', t('authority'), '');

  lines.push(`## ${t('h-security')}`, '', t('security'), '');
  const generated = t('generated', {
    date: formatDate(context.exportedAt, language),
    id: flow.id,
    hash: context.flowHash.slice(0, 16),
  });
  lines.push('---', '', `_${generated}_`, '');
  return lines.join('\n');
}
