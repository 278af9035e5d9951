import { translator, type Catalogue } from '../i18n/index.ts';
import type { EditError, EditProblem } from './types.ts';

const editMessages: Catalogue<EditProblem> = {
  en: {
    'unknown-node': 'There is no step “{id}” in this flow.',
    'unknown-edge': 'There is no connection “{id}” in this flow.',
    'duplicate-node': 'A step called “{id}” is already in this flow.',
    'duplicate-edge': 'A connection called “{id}” is already in this flow.',
    'bad-index': 'That place ({index}) is outside the list.',
    'key-taken': '“{key}” is already used in this flow. Choose another name.',
    'key-invalid':
      '“{key}” cannot be a data name: use letters, digits and _, starting with a letter (dots separate parts, as in order.status).',
    'key-built-in': '“{key}” is filled in by WhatsApp and cannot be renamed.',
    'key-unknown': 'Nothing in this flow is called “{key}”.',
    'language-invalid': '“{language}” is not a language code such as en, pt-BR or ar.',
    'language-present': 'The flow is already in {language}.',
    'language-absent': 'The flow is not in {language}.',
    'last-language': 'A flow needs at least one language, so {language} stays.',
    'not-a-fragment': 'What was pasted is not a copy of Amana steps.',
  },
  'pt-BR': {
    'unknown-node': 'Não há etapa “{id}” neste fluxo.',
    'unknown-edge': 'Não há ligação “{id}” neste fluxo.',
    'duplicate-node': 'Já existe uma etapa chamada “{id}” neste fluxo.',
    'duplicate-edge': 'Já existe uma ligação chamada “{id}” neste fluxo.',
    'bad-index': 'Essa posição ({index}) está fora da lista.',
    'key-taken': '“{key}” já é usado neste fluxo. Escolha outro nome.',
    'key-invalid':
      '“{key}” não serve como nome de dado: use letras, algarismos e _, começando por uma letra (pontos separam partes, como em pedido.status).',
    'key-built-in': '“{key}” é preenchido pelo WhatsApp e não pode ser renomeado.',
    'key-unknown': 'Nada neste fluxo se chama “{key}”.',
    'language-invalid': '“{language}” não é um código de idioma como en, pt-BR ou ar.',
    'language-present': 'O fluxo já está em {language}.',
    'language-absent': 'O fluxo não está em {language}.',
    'last-language': 'Um fluxo precisa de pelo menos um idioma, então {language} fica.',
    'not-a-fragment': 'O que foi colado não é uma cópia de etapas do Amana.',
  },
  ar: {
    'unknown-node': 'لا توجد خطوة «{id}» في هذا المسار.',
    'unknown-edge': 'لا يوجد اتصال «{id}» في هذا المسار.',
    'duplicate-node': 'توجد بالفعل خطوة باسم «{id}» في هذا المسار.',
    'duplicate-edge': 'يوجد بالفعل اتصال باسم «{id}» في هذا المسار.',
    'bad-index': 'هذا الموضع ({index}) خارج القائمة.',
    'key-taken': '«{key}» مستخدم بالفعل في هذا المسار. اختر اسمًا آخر.',
    'key-invalid':
      '«{key}» لا يصلح اسمًا للبيانات: استخدم حروفًا لاتينية وأرقامًا و_ مع البدء بحرف (النقاط تفصل الأجزاء كما في order.status).',
    'key-built-in': '«{key}» يملؤه واتساب ولا يمكن إعادة تسميته.',
    'key-unknown': 'لا شيء في هذا المسار يحمل الاسم «{key}».',
    'language-invalid': '«{language}» ليس رمز لغة مثل en أو pt-BR أو ar.',
    'language-present': 'المسار متوفر بالفعل بلغة {language}.',
    'language-absent': 'المسار غير متوفر بلغة {language}.',
    'last-language': 'يحتاج المسار إلى لغة واحدة على الأقل، لذلك تبقى {language}.',
    'not-a-fragment': 'ما تم لصقه ليس نسخة من خطوات أمانة.',
  },
};

const say = translator(editMessages);

/** Why an edit was refused, in plain words in an interface language. */
export function editErrorMessage(error: EditError, language: Parameters<typeof say>[0]): string {
  return say(language, error.problem, error.params);
}
