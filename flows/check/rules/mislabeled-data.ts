import { translator, type Catalogue } from '../../i18n/index.ts';
import { findCategory } from '../../model/categories.ts';
import type { InputKind } from '../../nodes/kind.ts';
import { isBuiltIn } from '../inventory.ts';
import { defineRule } from '../rule.ts';
import { askingPart, suggestedKinds, type DataKind } from '../text-cues.ts';
import { categoryName } from './wording.ts';
import { item, firstOf, endOf } from '../lists.ts';

/** The kind of personal data an input can only be (a `text` answer may be anything). */
const inputDataKind: Partial<Record<InputKind, DataKind>> = {
  email: 'email',
  phone: 'phone',
  cpf: 'government-id',
  location: 'address',
};

/** The category each determinate input belongs in, suggested in the message. */
export const inputCategory: Partial<Record<InputKind, string>> = {
  email: 'user.contact.email',
  phone: 'user.contact.phone_number',
  cpf: 'user.government_id.national_identification_number',
  location: 'user.location.precise',
};

/** Where each kind of data belongs in the fideslang tree (the subtrees). */
const kindTrees: Record<DataKind, readonly string[]> = {
  email: ['user.contact.email'],
  phone: ['user.contact.phone_number', 'user.contact.fax_number'],
  'government-id': ['user.government_id'],
  address: ['user.contact.address', 'user.location'],
  'birth-date': ['user.demographic.date_of_birth', 'user.demographic.age_range'],
  financial: ['user.financial', 'user.payment'],
  health: ['user.health'],
  name: ['user.name'],
};

/** Categories about whose data it is rather than what it is: any kind fits in them. */
const containerTrees: readonly string[] = ['user.children'];

const within = (key: string, root: string) => key === root || key.startsWith(`${root}.`);

/**
 * Whether a declared category can hold this kind of data: inside the kind's subtrees, one of
 * their ancestors (`user`, `user.contact` are vaguer, not wrong), or a container category.
 */
function fits(category: string, kind: DataKind): boolean {
  return (
    kindTrees[kind].some((root) => within(category, root) || within(root, category)) ||
    containerTrees.some((root) => within(category, root))
  );
}

/** A category that is not about a person (`system.*`) or that holds another kind of data. */
function contradicts(category: string, kind: DataKind): boolean {
  if (!within(category, 'user')) return true;
  if (fits(category, kind)) return false;
  return Object.entries(kindTrees).some(([, roots]) => roots.some((root) => within(category, root)));
}

const kindNames: Catalogue<DataKind> = {
  en: {
    email: 'an email address',
    phone: 'a phone number',
    'government-id': 'an official ID number (such as a CPF or passport)',
    address: 'an address or location',
    'birth-date': 'a date of birth or age',
    financial: 'card or bank details',
    health: 'health information',
    name: "the customer's name",
  },
  'pt-BR': {
    email: 'um e-mail',
    phone: 'um telefone',
    'government-id': 'um documento oficial (como CPF ou passaporte)',
    address: 'um endereço ou localização',
    'birth-date': 'data de nascimento ou idade',
    financial: 'dados de cartão ou bancários',
    health: 'informações de saúde',
    name: 'o nome do cliente',
  },
  ar: {
    email: 'بريدًا إلكترونيًا',
    phone: 'رقم هاتف',
    'government-id': 'رقم هوية رسمية (مثل الهوية الوطنية أو جواز السفر)',
    address: 'عنوانًا أو موقعًا',
    'birth-date': 'تاريخ ميلاد أو عمرًا',
    financial: 'بيانات بطاقة أو حساب بنكي',
    health: 'معلومات صحية',
    name: 'اسم العميل',
  },
};
const kindName = translator(kindNames);

/**
 * DESIGN.md §3 `mislabeled-data`. Error: what an input can only be contradicts the declaration
 * (an `email` question saved into a variable, into a `user.financial` field, into `system.*`),
 * or a value computed from personal data is stored in a variable. Warning: only the question's
 * words (./text-cues.ts) suggest another kind of personal data than the one declared; inputs
 * whose kind is determinate are judged by the input, not the words.
 */
export const mislabeledData = defineRule({
  id: 'mislabeled-data',
  severity: 'error',
  title: {
    en: 'Data is declared as something else than what the step collects',
    'pt-BR': 'Um dado está declarado como algo diferente do que o passo coleta',
    ar: 'البيانات مُعرَّفة على غير حقيقة ما تجمعه الخطوة',
  },
  help: {
    en: "A field's category decides how it is protected, explained in the privacy notice and echoed in messages. Declare each answer under the category of what it really is, and keep personal data out of Variables.",
    'pt-BR':
      'A categoria de um campo define como ele é protegido, explicado no aviso de privacidade e repetido em mensagens. Declare cada resposta na categoria do que ela realmente é, e não guarde dados pessoais em Variáveis.',
    ar: 'فئة الحقل تحدد كيف يُحمى وكيف يُشرح في إشعار الخصوصية. عرّف كل إجابة ضمن فئة ما هي عليه فعلًا، ولا تضع البيانات الشخصية في «المتغيرات».',
  },
  messages: {
    en: {
      'input-variable':
        'The step {node} asks for {kind} but saves it as {key}, which is declared as a variable, not as personal data. Declare {key} under Data instead, as {expected}.',
      'input-category':
        "The step {node} asks for {kind} but saves it as {field}, declared as {declared}. Change the field's category to {expected}.",
      'copy-variable':
        'The step {node} copies {source} into {key}, which is declared as a variable, not as personal data. Declare {key} under Data instead.',
      'words-variable':
        'The text of the step {node} suggests it asks for {kind}, but the answer is saved as {key}, declared as a variable, not as personal data. If it is personal data, declare it under Data.',
      'words-category':
        "The text of the step {node} suggests it asks for {kind}, but {field} is declared as {declared}. Check the field's category.",
    },
    'pt-BR': {
      'input-variable':
        'O passo {node} pede {kind}, mas guarda a resposta como {key}, declarado como variável e não como dado pessoal. Declare {key} em Dados, como {expected}.',
      'input-category':
        'O passo {node} pede {kind}, mas guarda a resposta como {field}, declarado como {declared}. Mude a categoria do campo para {expected}.',
      'copy-variable':
        'O passo {node} copia {source} para {key}, declarado como variável e não como dado pessoal. Declare {key} em Dados.',
      'words-variable':
        'O texto do passo {node} sugere que ele pede {kind}, mas a resposta é guardada como {key}, declarado como variável e não como dado pessoal. Se for um dado pessoal, declare-o em Dados.',
      'words-category':
        'O texto do passo {node} sugere que ele pede {kind}, mas {field} está declarado como {declared}. Confira a categoria do campo.',
    },
    ar: {
      'input-variable':
        'الخطوة {node} تطلب {kind} لكنها تحفظه باسم {key}، وهو مُعرَّف كمتغير لا كبيانات شخصية. عرّف {key} في «البيانات» بدلًا من ذلك، بفئة {expected}.',
      'input-category':
        'الخطوة {node} تطلب {kind} لكنها تحفظه في {field} المُعرَّف بفئة {declared}. غيّر فئة الحقل إلى {expected}.',
      'copy-variable':
        'الخطوة {node} تنسخ {source} إلى {key}، وهو مُعرَّف كمتغير لا كبيانات شخصية. عرّف {key} في «البيانات» بدلًا من ذلك.',
      'words-variable':
        'نص الخطوة {node} يوحي بأنها تطلب {kind}، لكن الإجابة تُحفظ باسم {key} المُعرَّف كمتغير لا كبيانات شخصية. إن كانت بيانات شخصية فعرّفها في «البيانات».',
      'words-category': 'نص الخطوة {node} يوحي بأنها تطلب {kind}، لكن {field} مُعرَّف بفئة {declared}. راجع فئة الحقل.',
    },
  },
  check({ graph, inventory, naming, language, texts }, report) {
    const categoryOf = (key: string) => {
      const declared = inventory.fields.get(key)?.category;
      return declared === undefined ? undefined : (findCategory(declared)?.key ?? declared);
    };
    const named = (key: string) => ({ key: naming.quote(key), field: naming.field(key) });
    const kindAndExpected = (kind: DataKind, input: InputKind) => ({
      kind: kindName(language, kind),
      expected: naming.quote(categoryName(inputCategory[input] ?? '', language)),
    });
    const declaredName = (key: string) =>
      naming.quote(categoryName(inventory.fields.get(key)?.category ?? '', language));

    // Flows repeat their questions (“What is your name?” in every branch): read each text once.
    const cuesOf = new Map<string, readonly DataKind[]>();
    const suggestedBy = (value: string): readonly DataKind[] => {
      let kinds = cuesOf.get(value);
      if (kinds === undefined) cuesOf.set(value, (kinds = suggestedKinds(askingPart(value))));
      return kinds;
    };

    for (let at = 0; at < graph.collecting.length; at += 1) {
      const node = item(graph.collecting, at);
      for (let c = firstOf(graph.collectStart, node); c < endOf(graph.collectStart, node); c += 1) {
        const collection = item(graph.collections, c);
        const key = collection.key;
        const isVariable = inventory.variables.has(key) && !inventory.fields.has(key);
        const category = categoryOf(key);
        if (isBuiltIn(key) || (!isVariable && category === undefined)) continue;

        if (collection.source === 'computed') {
          if (!isVariable) continue;
          const personal = graph.reads
            .slice(graph.readStart[node], graph.readStart[node + 1])
            .filter((read) => inventory.fields.has(read));
          if (personal.length > 0)
            report({
              message: 'copy-variable',
              node,
              dataKey: key,
              params: { ...named(key), source: naming.fields(personal) },
            });
          continue;
        }
        if (collection.source !== 'answer') continue;

        const inputKind = collection.input === undefined ? undefined : inputDataKind[collection.input];
        if (inputKind !== undefined && collection.input !== undefined) {
          if (isVariable)
            report({
              message: 'input-variable',
              node,
              dataKey: key,
              params: { ...named(key), ...kindAndExpected(inputKind, collection.input) },
            });
          else if (category !== undefined && contradicts(category, inputKind))
            report({
              message: 'input-category',
              node,
              dataKey: key,
              params: { ...named(key), ...kindAndExpected(inputKind, collection.input), declared: declaredName(key) },
            });
          continue;
        }

        const suggested: DataKind[] = [];
        const sites = texts(node);
        for (let t = 0; t < sites.length; t += 1) {
          const site = item(sites, t);
          if (site.path.length !== 1 || site.path[0] !== 'text') continue;
          for (const tag in site.text) {
            for (const kind of suggestedBy(site.text[tag] ?? '')) if (!suggested.includes(kind)) suggested.push(kind);
          }
        }
        if (suggested.length === 0) continue;
        const kind = () => naming.alternatives(suggested.map((each) => kindName(language, each)));
        if (isVariable)
          report({
            message: 'words-variable',
            severity: 'warning',
            node,
            dataKey: key,
            params: { ...named(key), kind: kind() },
          });
        else if (category !== undefined && !suggested.some((candidate) => fits(category, candidate)))
          report({
            message: 'words-category',
            severity: 'warning',
            node,
            dataKey: key,
            params: { ...named(key), kind: kind(), declared: declaredName(key) },
          });
      }
    }
  },
});
