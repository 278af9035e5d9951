import { translator, type Catalogue } from '../i18n/index.ts';

/**
 * What the engine itself says to the customer (re-ask hints, apologies, confirmations), in
 * the conversation language when it is English, Portuguese or Arabic, else in English.
 * Designers' own texts always come from the flow.
 */
const en = {
  'hint-text': 'Please send your answer as a text message.',
  'hint-email': "That doesn't look like an email address. Please send it like name@example.com.",
  'hint-phone':
    "That doesn't look like a phone number. Please send it with the country or area code, like +1 415 555 0123.",
  'hint-number': 'Please send just a number, like 12 or 12.5.',
  'hint-date': 'Please send a date as {order}, like {example}.',
  'hint-cpf': "That CPF isn't valid. Please check the 11 digits, like 123.456.789-09.",
  'hint-location': 'Please share a location: tap 📎 (or +) and choose Location.',
  'hint-image': 'Please send a photo.',
  'hint-document': 'Please send the file: tap 📎 (or +) and choose Document.',
  'hint-choice': 'Please choose one of the options above: tap it, or reply with its number.',
  'order-day-first': 'day/month/year',
  'order-month-first': 'month/day/year',
  'apology-invalid': "Sorry, I couldn't understand your answer, so I can't go on with this conversation.",
  'apology-error': "Sorry, something went wrong on our side and I can't go on right now.",
  'offer-keyword': 'To talk to a person, write “{keyword}”.',
  'offer-contact': 'A person from {controller} can help you: {contact}.',
  'handoff-built-in': "I'm passing you to a person from our team. Please wait a moment.",
  erased: 'Done: I have erased the data you gave in this conversation.',
  'skipped-question':
    'I’ll skip the question about “{field}”: keeping that needs your consent ({purposes}), which you have not given.',
  'notice-changed':
    'Our privacy notice has changed since you agreed to: {purposes}. You can read it here: {url}\nPlease answer again below.',
  'notice-changed-contact':
    'Our privacy notice has changed since you agreed to: {purposes}. {controller} can send it to you: {contact}.\nPlease answer again below.',
};

export type EngineMessageKey = keyof typeof en;

const engineMessages: Catalogue<EngineMessageKey> = {
  en,
  'pt-BR': {
    'hint-text': 'Por favor, envie sua resposta em uma mensagem de texto.',
    'hint-email': 'Isso não parece um e-mail. Envie no formato nome@exemplo.com.br.',
    'hint-phone': 'Isso não parece um número de telefone. Envie com DDD, por exemplo (11) 91234-5678.',
    'hint-number': 'Por favor, envie só um número, por exemplo 12 ou 12,5.',
    'hint-date': 'Por favor, envie uma data no formato {order}, por exemplo {example}.',
    'hint-cpf': 'Esse CPF não é válido. Confira os 11 dígitos, por exemplo 123.456.789-09.',
    'hint-location': 'Por favor, compartilhe uma localização: toque em 📎 (ou +) e escolha Localização.',
    'hint-image': 'Por favor, envie uma foto.',
    'hint-document': 'Por favor, envie o arquivo: toque em 📎 (ou +) e escolha Documento.',
    'hint-choice': 'Por favor, escolha uma das opções acima: toque nela ou responda com o número.',
    'order-day-first': 'dia/mês/ano',
    'order-month-first': 'mês/dia/ano',
    'apology-invalid': 'Desculpe, não consegui entender sua resposta e não posso continuar esta conversa.',
    'apology-error': 'Desculpe, algo deu errado do nosso lado e não consigo continuar agora.',
    'offer-keyword': 'Para falar com uma pessoa, escreva “{keyword}”.',
    'offer-contact': 'Uma pessoa da {controller} pode ajudar você: {contact}.',
    'handoff-built-in': 'Vou passar você para uma pessoa da nossa equipe. Aguarde um momento, por favor.',
    erased: 'Pronto: apaguei os dados que você informou nesta conversa.',
    'skipped-question':
      'Vou pular a pergunta sobre “{field}”: para guardar isso eu preciso do seu consentimento ({purposes}), que você não deu.',
    'notice-changed':
      'Nosso aviso de privacidade mudou desde que você concordou com: {purposes}. Você pode lê-lo aqui: {url}\nPor favor, responda de novo abaixo.',
    'notice-changed-contact':
      'Nosso aviso de privacidade mudou desde que você concordou com: {purposes}. A {controller} pode enviá-lo a você: {contact}.\nPor favor, responda de novo abaixo.',
  },
  ar: {
    'hint-text': 'من فضلك أرسل إجابتك في رسالة نصية.',
    'hint-email': 'لا يبدو هذا عنوان بريد إلكتروني. أرسله بهذا الشكل: name@example.com.',
    'hint-phone': 'لا يبدو هذا رقم هاتف. أرسله مع رمز الدولة، مثل ‎+966 50 123 4567.',
    'hint-number': 'من فضلك أرسل رقمًا فقط، مثل 12 أو 12.5.',
    'hint-date': 'من فضلك أرسل التاريخ بصيغة {order}، مثل {example}.',
    'hint-cpf': 'رقم CPF هذا غير صحيح. تحقّق من الأرقام الأحد عشر، مثل 123.456.789-09.',
    'hint-location': 'من فضلك شارك موقعًا: اضغط 📎 (أو +) واختر «الموقع».',
    'hint-image': 'من فضلك أرسل صورة.',
    'hint-document': 'من فضلك أرسل الملف: اضغط 📎 (أو +) واختر «مستند».',
    'hint-choice': 'من فضلك اختر أحد الخيارات أعلاه: اضغط عليه أو أرسل رقمه.',
    'order-day-first': 'يوم/شهر/سنة',
    'order-month-first': 'شهر/يوم/سنة',
    'apology-invalid': 'عذرًا، لم أفهم إجابتك، ولا يمكنني متابعة هذه المحادثة.',
    'apology-error': 'عذرًا، حدث خطأ من جهتنا ولا يمكنني المتابعة الآن.',
    'offer-keyword': 'للتحدث مع شخص من فريقنا، اكتب «{keyword}».',
    'offer-contact': 'يمكن لشخص من {controller} مساعدتك: {contact}.',
    'handoff-built-in': 'سأحوّلك إلى شخص من فريقنا. انتظر لحظة من فضلك.',
    erased: 'تم: حذفتُ البيانات التي قدّمتها في هذه المحادثة.',
    'skipped-question': 'سأتخطى السؤال عن «{field}»: حفظ هذه المعلومة يحتاج إلى موافقتك ({purposes})، ولم تمنحها.',
    'notice-changed':
      'تغيّر إشعار الخصوصية لدينا منذ أن وافقت على: {purposes}. يمكنك قراءته هنا: {url}\nمن فضلك أجب مرة أخرى أدناه.',
    'notice-changed-contact':
      'تغيّر إشعار الخصوصية لدينا منذ أن وافقت على: {purposes}. يمكن أن ترسله إليك {controller}: {contact}.\nمن فضلك أجب مرة أخرى أدناه.',
  },
};

export const engineText = translator(engineMessages);
