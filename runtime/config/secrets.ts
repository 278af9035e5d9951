import { flowSecrets, secretVariable } from '../../flows/engine/index.ts';
import { translator, type Catalogue, type UiLanguage } from '../../flows/i18n/index.ts';
import type { Flow } from '../../flows/index.ts';
import type { Settings } from './config.ts';

type Key = 'secret-missing' | 'secret-not-header';

/** What the bot says about its integration secrets at start; a value is never quoted. */
const messages: Catalogue<Key> = {
  en: {
    'secret-missing':
      '{variable} is not set. The flow sends it as {{secret.{name}}} in a request header; put the API token its recipient gave you there.',
    'secret-not-header':
      '{variable} holds spaces, line breaks or characters other than visible ASCII, so it cannot be sent in a request header.',
  },
  'pt-BR': {
    'secret-missing':
      '{variable} não está definido. O fluxo o envia como {{secret.{name}}} num cabeçalho de requisição; coloque ali o token de API que o destinatário lhe deu.',
    'secret-not-header':
      '{variable} contém espaços, quebras de linha ou caracteres que não são ASCII visível, então não pode ser enviado num cabeçalho de requisição.',
  },
  ar: {
    'secret-missing':
      '{variable} غير مضبوط. يرسله التدفق بصيغة {{secret.{name}}} في ترويسة طلب؛ ضع فيه رمز واجهة البرمجة الذي أعطتك إياه الجهة المستلمة.',
    'secret-not-header':
      '{variable} يحوي مسافات أو فواصل أسطر أو محارف غير ASCII المرئية، فلا يمكن إرساله في ترويسة طلب.',
  },
};

const say = translator(messages);

/** A header value Node's http client sends as it is: visible ASCII, no spaces. */
const headerSafe = /^[\x21-\x7e]+$/;

/**
 * The problems with the secrets a flow's requests need (`AMANA_SECRET_NAME`, DESIGN.md §2): each
 * must be set, in the environment or `.env`, and fit in a header. Checked at start with every
 * other setting, so a bot never runs with an integration that would fail on the first customer.
 */
export function secretProblems(flow: Flow, settings: Settings, language: UiLanguage): string[] {
  const problems: string[] = [];
  for (const name of flowSecrets(flow)) {
    const variable = secretVariable(name);
    const value = settings.values[variable];
    if (value === undefined || value === '') problems.push(say(language, 'secret-missing', { variable, name }));
    else if (!headerSafe.test(value)) problems.push(say(language, 'secret-not-header', { variable }));
  }
  return problems;
}

/** Reads a secret's environment variable from the settings (environment over `.env`), nothing else. */
export function secretLookup(settings: Settings): (variable: string) => string | undefined {
  return (variable) => (variable.startsWith('AMANA_SECRET_') ? settings.values[variable] : undefined);
}
