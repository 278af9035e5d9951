import { translator, type Catalogue } from '../../flows/i18n/index.ts';

/** What `node server.js agent …` says to the operator, in the operator's language. */
const en = {
  'agent-usage':
    'Usage:\n  node server.js agent add --name <name> --role agent --queue <queue> [--queue <queue> …]\n  node server.js agent add --name <name> --role supervisor\n  node server.js agent list\n  node server.js agent disable --name <name>\n  node server.js agent reset-password --name <name>\n\nThe flow’s queues: {queues}.',
  'agent-unknown-option': '"{option}" is not an option here. See: node server.js agent help',
  'agent-missing-name': 'Give the person’s name: --name "Ana Souza".',
  'agent-bad-name': 'A name has 1 to 80 characters, without line breaks.',
  'agent-bad-role': 'The role is agent or supervisor (--role agent).',
  'agent-needs-queue': 'An agent answers at least one queue: --queue {queues}.',
  'agent-unknown-queue': 'The flow has no queue "{queue}". Its queues: {queues}.',
  'agent-name-taken': 'There is already an account named "{name}".',
  'agent-not-found': 'There is no account named "{name}". See them with: node server.js agent list',
  'agent-added':
    'Account "{name}" ({role}) added. Give this person their one-time password privately:\n\n  {password}\n\nAt the first sign-in at /desk/ they set up a second factor with an authenticator app.',
  'agent-password-reset':
    'New password for "{name}":\n\n  {password}\n\nTheir sessions are ended and their second factor is set up again at the next sign-in.',
  'agent-disabled': 'Account "{name}" is disabled and signed out everywhere. Its entries in the access log stay.',
  'agent-none': 'No accounts yet. Add one with: node server.js agent add --name <name> --role supervisor',
  'agent-row': '{name}  {role}  {queues}  {state}',
  'agent-state-active': 'active',
  'agent-state-enrol': 'second factor not set up yet',
  'agent-state-disabled': 'disabled',
  'agent-every-queue': 'every queue',
  'agent-no-queues': '(the flow hands no conversation to people)',
};
type Key = keyof typeof en;

const deskMessages: Catalogue<Key> = {
  en,
  'pt-BR': {
    'agent-usage':
      'Uso:\n  node server.js agent add --name <nome> --role agent --queue <fila> [--queue <fila> …]\n  node server.js agent add --name <nome> --role supervisor\n  node server.js agent list\n  node server.js agent disable --name <nome>\n  node server.js agent reset-password --name <nome>\n\nAs filas do fluxo: {queues}.',
    'agent-unknown-option': '"{option}" não é uma opção aqui. Veja: node server.js agent help',
    'agent-missing-name': 'Informe o nome da pessoa: --name "Ana Souza".',
    'agent-bad-name': 'Um nome tem de 1 a 80 caracteres, sem quebras de linha.',
    'agent-bad-role': 'O papel é agent (atendente) ou supervisor (--role agent).',
    'agent-needs-queue': 'Um atendente atende pelo menos uma fila: --queue {queues}.',
    'agent-unknown-queue': 'O fluxo não tem a fila "{queue}". Suas filas: {queues}.',
    'agent-name-taken': 'Já existe uma conta chamada "{name}".',
    'agent-not-found': 'Não existe conta chamada "{name}". Veja as contas com: node server.js agent list',
    'agent-added':
      'Conta "{name}" ({role}) criada. Entregue a esta pessoa, em particular, a senha de uso único:\n\n  {password}\n\nNo primeiro acesso a /desk/ ela configura um segundo fator com um aplicativo autenticador.',
    'agent-password-reset':
      'Nova senha de "{name}":\n\n  {password}\n\nAs sessões foram encerradas e o segundo fator será configurado de novo no próximo acesso.',
    'agent-disabled':
      'A conta "{name}" foi desativada e desconectada em todo lugar. Seus registros no log de acesso permanecem.',
    'agent-none': 'Ainda não há contas. Crie uma com: node server.js agent add --name <nome> --role supervisor',
    'agent-row': '{name}  {role}  {queues}  {state}',
    'agent-state-active': 'ativa',
    'agent-state-enrol': 'segundo fator ainda não configurado',
    'agent-state-disabled': 'desativada',
    'agent-every-queue': 'todas as filas',
    'agent-no-queues': '(o fluxo não transfere conversas para pessoas)',
  },
  ar: {
    'agent-usage':
      'الاستخدام:\n  node server.js agent add --name <الاسم> --role agent --queue <الطابور> [--queue <الطابور> …]\n  node server.js agent add --name <الاسم> --role supervisor\n  node server.js agent list\n  node server.js agent disable --name <الاسم>\n  node server.js agent reset-password --name <الاسم>\n\nطوابير المسار: {queues}.',
    'agent-unknown-option': '"{option}" ليس خيارًا هنا. انظر: node server.js agent help',
    'agent-missing-name': 'اكتب اسم الشخص: ‎--name "Ana Souza".',
    'agent-bad-name': 'الاسم من 1 إلى 80 حرفًا، بلا أسطر جديدة.',
    'agent-bad-role': 'الدور هو agent (موظف) أو supervisor (مشرف) (‎--role agent).',
    'agent-needs-queue': 'الموظف يجيب طابورًا واحدًا على الأقل: ‎--queue {queues}.',
    'agent-unknown-queue': 'ليس في المسار طابور باسم "{queue}". طوابيره: {queues}.',
    'agent-name-taken': 'يوجد حساب باسم "{name}" بالفعل.',
    'agent-not-found': 'لا يوجد حساب باسم "{name}". اعرض الحسابات بالأمر: node server.js agent list',
    'agent-added':
      'أُضيف الحساب "{name}" ({role}). أعطِ هذا الشخص كلمة المرور المؤقتة بشكل خاص:\n\n  {password}\n\nعند أول دخول إلى ‎/desk/ يُعِدّ عاملًا ثانيًا بتطبيق مصادقة.',
    'agent-password-reset':
      'كلمة مرور جديدة لـ "{name}":\n\n  {password}\n\nأُنهيت جلساته، وسيُعِدّ العامل الثاني من جديد عند الدخول التالي.',
    'agent-disabled': 'عُطّل الحساب "{name}" وسُجّل خروجه من كل مكان. تبقى قيوده في سجل الوصول.',
    'agent-none': 'لا حسابات بعد. أضف حسابًا بالأمر: node server.js agent add --name <الاسم> --role supervisor',
    'agent-row': '{name}  {role}  {queues}  {state}',
    'agent-state-active': 'نشط',
    'agent-state-enrol': 'لم يُعَدّ العامل الثاني بعد',
    'agent-state-disabled': 'معطّل',
    'agent-every-queue': 'كل الطوابير',
    'agent-no-queues': '(لا يحوّل المسار أي محادثة إلى أشخاص)',
  },
};

export const deskText = translator(deskMessages);
