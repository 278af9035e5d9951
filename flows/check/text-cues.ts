/**
 * What kind of personal data a question's text asks for, read from multilingual word lists
 * (`mislabeled-data`). The lists are phrases a bot uses when it asks for that data, not topics:
 * "qual é o seu e-mail" is a cue, "we will email you" is not (only "e-mail", "email address"…
 * as words are). Matching is on normalised text: lower case, accents and Arabic diacritics
 * (harakat, tatweel) removed, and the Arabic letter variants people type interchangeably folded
 * (أ إ آ ٱ → ا, ى → ي, ة → ه), so the lists are written naturally and compared folded.
 *
 * Latin-script cues match whole words; a trailing `*` matches any ending ("sintoma*" → sintomas).
 * Arabic cues also match with the clitics written joined to a word — a leading و / ف ("and"),
 * ب / ل / ك ("with", "for", "like") and the article ال — and the possessive ending ك / كم
 * ("your"), so "بريدك" and "والبريد" match "بريد".
 */

const dataKinds = ['email', 'phone', 'government-id', 'address', 'birth-date', 'financial', 'health', 'name'] as const;
export type DataKind = (typeof dataKinds)[number];

interface CueList {
  en: readonly string[];
  pt: readonly string[];
  es: readonly string[];
  ar: readonly string[];
}

/** The word lists, by kind of data and language (pt covers Brazil and Portugal). */
const textCues: Record<DataKind, CueList> = {
  email: {
    en: ['email', 'e-mail', 'email address', 'e-mail address'],
    pt: ['e-mail', 'email', 'endereço de e-mail', 'correio eletrônico'],
    es: ['correo', 'correo electrónico', 'email', 'e-mail'],
    ar: ['البريد الإلكتروني', 'بريد', 'ايميل', 'إيميل', 'الإيميل'],
  },
  phone: {
    en: ['phone', 'phone number', 'telephone', 'mobile number', 'cell number', 'cellphone', 'whatsapp number'],
    pt: ['telefone', 'celular', 'número de telefone', 'número do whatsapp', 'número de whatsapp', 'telemóvel'],
    es: ['teléfono', 'número de teléfono', 'móvil', 'celular', 'número de whatsapp'],
    ar: ['رقم الهاتف', 'هاتف', 'جوال', 'رقم الجوال', 'موبايل', 'رقم الواتساب', 'رقم واتساب'],
  },
  'government-id': {
    en: [
      'passport',
      'passport number',
      'national id',
      'id number',
      'identity number',
      'social security number',
      'ssn',
      "driver's license",
      'driving licence',
      'driving license',
    ],
    pt: [
      'cpf',
      'rg',
      'cnh',
      'carteira de identidade',
      'carteira de motorista',
      'passaporte',
      'título de eleitor',
      'documento de identidade',
      'cartão de cidadão',
      'nif',
    ],
    es: [
      'dni',
      'nie',
      'nif',
      'pasaporte',
      'documento de identidad',
      'número de identificación',
      'cédula',
      'curp',
      'rut',
      'carnet de conducir',
    ],
    ar: [
      'رقم الهوية',
      'الهوية الوطنية',
      'هوية',
      'رقم الإقامة',
      'الإقامة',
      'جواز السفر',
      'جواز',
      'السجل المدني',
      'رخصة القيادة',
    ],
  },
  address: {
    en: [
      'address',
      'home address',
      'street',
      'postcode',
      'post code',
      'zip code',
      'postal code',
      'your location',
      'where do you live',
    ],
    pt: ['endereço', 'morada', 'cep', 'código postal', 'rua', 'bairro', 'localização', 'onde você mora'],
    es: ['dirección', 'domicilio', 'código postal', 'calle', 'ubicación', 'dónde vives'],
    ar: ['العنوان', 'عنوان', 'موقعك', 'الرمز البريدي', 'أين تسكن'],
  },
  'birth-date': {
    en: ['date of birth', 'birth date', 'birthday', 'birthdate', 'how old', 'your age'],
    pt: ['data de nascimento', 'aniversário', 'idade', 'quantos anos'],
    es: ['fecha de nacimiento', 'cumpleaños', 'edad', 'cuántos años'],
    ar: ['تاريخ الميلاد', 'تاريخ ميلاد', 'ميلاد', 'عمرك', 'كم عمرك'],
  },
  financial: {
    en: [
      'card number',
      'credit card',
      'debit card',
      'bank account',
      'account number',
      'bank details',
      'iban',
      'cvv',
      'cvc',
      'sort code',
      'routing number',
      'salary',
      'income',
    ],
    pt: [
      'cartão',
      'cartão de crédito',
      'cartão de débito',
      'número do cartão',
      'conta bancária',
      'dados bancários',
      'agência e conta',
      'chave pix',
      'iban',
      'cvv',
      'salário',
      'renda',
    ],
    es: [
      'tarjeta',
      'tarjeta de crédito',
      'tarjeta de débito',
      'número de tarjeta',
      'cuenta bancaria',
      'datos bancarios',
      'iban',
      'cvv',
      'salario',
      'ingresos',
    ],
    ar: [
      'بطاقة',
      'بطاقة الائتمان',
      'رقم البطاقة',
      'حساب بنكي',
      'الحساب البنكي',
      'الحساب المصرفي',
      'آيبان',
      'ايبان',
      'راتب',
      'الدخل',
    ],
  },
  health: {
    en: [
      'health',
      'medical',
      'symptom*',
      'diagnos*',
      'medication*',
      'medicine*',
      'allerg*',
      'illness*',
      'disease*',
      'pregnan*',
      'disabilit*',
      'blood type',
      'prescription*',
    ],
    pt: [
      'saúde',
      'médico',
      'médica',
      'sintoma*',
      'diagnóstico*',
      'medicament*',
      'remédio*',
      'alergi*',
      'doença*',
      'gravidez',
      'grávida',
      'gestante',
      'deficiência',
      'tipo sanguíneo',
      'receita médica',
    ],
    es: [
      'salud',
      'médico',
      'médica',
      'síntoma*',
      'diagnóstico*',
      'medicament*',
      'alergi*',
      'enfermedad*',
      'embarazo',
      'embarazada',
      'discapacidad',
      'tipo de sangre',
      'receta médica',
    ],
    ar: [
      'الصحة',
      'صحة',
      'صحي',
      'صحية',
      'طبي',
      'طبية',
      'أعراض',
      'مرض',
      'أمراض',
      'دواء',
      'أدوية',
      'حساسية',
      'تشخيص',
      'حامل',
      'الحمل',
      'فصيلة الدم',
    ],
  },
  name: {
    en: ['your name', 'full name', 'first name', 'last name', 'surname', 'family name'],
    pt: ['seu nome', 'nome completo', 'sobrenome', 'como você se chama', 'como se chama', 'primeiro nome'],
    es: ['tu nombre', 'su nombre', 'nombre completo', 'apellido*', 'cómo te llamas', 'cómo se llama'],
    ar: ['اسمك', 'الاسم الكامل', 'الاسم', 'اسم العائلة', 'لقبك'],
  },
};

/**
 * Folds a text for matching: invisible format characters removed (zero-width space and joiners,
 * soft hyphen, bidi controls), so "C\u200BPF" still reads "CPF"; NFKD, marks removed (accents, harakat, the hamza of أ إ آ ؤ ئ),
 * tatweel removed, ٱ → ا, ى → ي, ة → ه, lower case, anything but letters and digits a space.
 */
export function normaliseText(text: string): string {
  return text
    .replace(/\p{Cf}/gu, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/\u0640/g, '')
    .replace(/\u0671/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const arabic = /[\u0600-\u06FF]/;

function cuePattern(cue: string): string {
  const stem = cue.endsWith('*');
  const words = normaliseText(stem ? cue.slice(0, -1) : cue)
    .split(' ')
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const body = words.join(' ');
  if (arabic.test(cue)) return `(?:[وف]?[بلك]?(?:ال)?)${body}(?:كم|ك)?`;
  return stem ? `${body}\\p{L}*` : body;
}

/** One pattern per kind; a cue is bounded by the start or end of the text or a space. */
const patterns: readonly [DataKind, RegExp][] = dataKinds.map((kind) => {
  const cues = Object.values(textCues[kind]).flat();
  const alternatives = [...new Set(cues.map(cuePattern))].join('|');
  return [kind, new RegExp(`(?:^| )(?:${alternatives})(?= |$)`, 'u')];
});

/** The kinds of personal data a text's words suggest, in the order of `dataKinds`. */
export function suggestedKinds(text: string): DataKind[] {
  const folded = normaliseText(text.replace(/\{\{[^}]*\}\}/g, ' '));
  return patterns.filter(([, pattern]) => pattern.test(folded)).map(([kind]) => kind);
}

/**
 * The part of a question's text that asks: its sentences ending in a question mark (? ؟) when
 * it has any, else the whole text. "Thanks! Which product? We will email the quote" asks for a
 * product, not an email.
 */
export function askingPart(text: string): string {
  const sentences = text.split(/(?<=[.!?؟。\n])\s*/u);
  const questions = sentences.filter(
    (sentence) => /[?؟][\s\p{Cf}]*$/u.test(sentence.trim()) || /^[\s\p{Cf}]*¿/u.test(sentence),
  );
  return questions.length > 0 ? questions.join(' ') : text;
}
