import { translator, type Catalogue } from '../flows/i18n/index.ts';

type WebMessageKey =
  | 'renderer-missing'
  | 'bad-port'
  | 'port-in-use'
  | 'cannot-start'
  | 'stopped'
  | 'wrong-host'
  | 'cross-site'
  | 'missing-token'
  | 'wrong-token'
  | 'not-found'
  | 'method-not-allowed'
  | 'not-json'
  | 'too-large'
  | 'bad-request';

/** What the browser edition's host prints on the terminal, in every interface language. */
const catalogue: Catalogue<WebMessageKey> = {
  en: {
    'wrong-host': 'This studio answers only at 127.0.0.1:{port}.',
    'cross-site': 'Requests from other sites are refused.',
    'missing-token': 'This request needs the token from the address npm run web printed.',
    'wrong-token': 'The token does not match this launch of the studio. Open the address npm run web printed last.',
    'not-found': 'There is nothing at this address.',
    'method-not-allowed': 'This address does not accept {method} requests.',
    'not-json': 'The studio’s API accepts JSON only.',
    'too-large': 'The request is too large.',
    'bad-request': 'The request is not of the form {"args": [...]}.',
    'renderer-missing': 'The studio’s interface is not built ({dir} is missing). Run: npm run build:renderer',
    'bad-port': 'PORT must be a whole number from 0 to 65535, not “{value}”.',
    'port-in-use':
      'Port {port} on 127.0.0.1 is already in use. Choose another with PORT=<number>, or leave PORT unset.',
    'cannot-start': 'The browser edition could not start: {reason}',
    stopped: 'The browser edition has stopped; the workspace is closed.',
  },
  'pt-BR': {
    'wrong-host': 'Este estúdio só responde em 127.0.0.1:{port}.',
    'cross-site': 'Pedidos vindos de outros sites são recusados.',
    'missing-token': 'Este pedido precisa do token do endereço que o npm run web mostrou.',
    'wrong-token':
      'O token não corresponde a esta execução do estúdio. Abra o último endereço que o npm run web mostrou.',
    'not-found': 'Não há nada neste endereço.',
    'method-not-allowed': 'Este endereço não aceita pedidos {method}.',
    'not-json': 'A API do estúdio aceita somente JSON.',
    'too-large': 'O pedido é grande demais.',
    'bad-request': 'O pedido não tem a forma {"args": [...]}.',
    'renderer-missing': 'A interface do estúdio não foi gerada ({dir} não existe). Execute: npm run build:renderer',
    'bad-port': 'PORT deve ser um número inteiro de 0 a 65535, não “{value}”.',
    'port-in-use':
      'A porta {port} em 127.0.0.1 já está em uso. Escolha outra com PORT=<número> ou deixe PORT sem valor.',
    'cannot-start': 'A edição para navegador não pôde iniciar: {reason}',
    stopped: 'A edição para navegador parou; o espaço de trabalho está fechado.',
  },
  ar: {
    'wrong-host': 'هذا الاستوديو لا يجيب إلا على 127.0.0.1:{port}.',
    'cross-site': 'تُرفض الطلبات القادمة من مواقع أخرى.',
    'missing-token': 'يحتاج هذا الطلب إلى الرمز الموجود في العنوان الذي طبعه npm run web.',
    'wrong-token': 'الرمز لا يطابق هذا التشغيل للاستوديو. افتح آخر عنوان طبعه npm run web.',
    'not-found': 'لا يوجد شيء على هذا العنوان.',
    'method-not-allowed': 'هذا العنوان لا يقبل طلبات {method}.',
    'not-json': 'واجهة برمجة الاستوديو تقبل JSON فقط.',
    'too-large': 'الطلب كبير جدًا.',
    'bad-request': 'الطلب ليس على الشكل {"args": [...]}.',
    'renderer-missing': 'واجهة الاستوديو غير مبنية ({dir} غير موجود). شغّل: npm run build:renderer',
    'bad-port': 'يجب أن يكون PORT عددًا صحيحًا من 0 إلى 65535، وليس «{value}».',
    'port-in-use': 'المنفذ {port} على 127.0.0.1 مستخدم بالفعل. اختر منفذًا آخر بـ PORT=<رقم> أو اترك PORT فارغًا.',
    'cannot-start': 'تعذّر تشغيل إصدار المتصفح: {reason}',
    stopped: 'توقف إصدار المتصفح؛ ومساحة العمل مغلقة.',
  },
};

export const webText = translator(catalogue);
