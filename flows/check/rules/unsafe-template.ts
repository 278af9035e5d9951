import { bodyTemplateProblem, type BodyProblem } from '../../nodes/http/body-template.ts';
import { defineRule } from '../rule.ts';
import { urlParts, type UrlParts } from '../urls.ts';

/**
 * `unsafe-template` error: a request the bot builds from a template that a customer's answer
 * could bend, or that programs read in different ways. Refused, whatever data it carries:
 * - a URL (an http step's, or a recipient's desk `url`) with a backslash, a space or a control
 *   character, which WHATWG `URL` reads differently from simpler parsers (`\@` hides the real host);
 * - a URL whose scheme, user name, password, host or port is filled in from a placeholder;
 * - a body the bot cannot fill safely (see ../../nodes/http/body-template.ts): a JSON body in
 *   which a placeholder is neither inside a string nor a whole value, an XML placeholder inside a
 *   tag, comment or CDATA section, or placeholders in a body of unknown kind.
 */
export const unsafeTemplate = defineRule({
  id: 'unsafe-template',
  severity: 'error',
  title: {
    en: 'A request could be changed by what a customer types',
    'pt-BR': 'Uma requisição pode ser alterada pelo que o cliente digita',
    ar: 'يمكن أن يتغيّر طلب بسبب ما يكتبه العميل',
  },
  help: {
    en: 'Write each web address in full, without spaces or backslashes, with placeholders only after the host; in a JSON body put each placeholder inside quotes or as a whole value, in an XML body only in text or quoted attributes, and give other bodies a Content-Type header.',
    'pt-BR':
      'Escreva cada endereço web por completo, sem espaços nem barras invertidas, com marcadores só depois do host; num corpo JSON coloque cada marcador entre aspas ou como um valor inteiro, num corpo XML só no texto ou em atributos entre aspas, e dê aos outros corpos um cabeçalho Content-Type.',
    ar: 'اكتب كل عنوان ويب كاملًا، دون مسافات أو شرطات مائلة عكسية، ولا تضع العناصر النائبة إلا بعد المضيف؛ وفي جسم JSON ضع كل عنصر نائب بين علامتي تنصيص أو قيمةً كاملة، وفي جسم XML في النص أو في السمات المقتبسة فقط، وأعطِ الأجسام الأخرى ترويسة Content-Type.',
  },
  messages: {
    en: {
      'url-characters':
        'The step {node} calls {url}, which holds a space, a backslash or an invisible control character. Programs read such addresses differently, so the request could go elsewhere than it seems. Remove them (write a space as %20).',
      'url-placeholder':
        'The step {node} calls {url}, whose scheme, host, port or user name is filled in from a {{…}} placeholder, so a customer’s answer could decide where the request goes. Write the beginning of the address in full; placeholders may come after the host.',
      'desk-characters':
        'The recipient {recipient} forwards handoffs to {url}, which holds a space, a backslash or an invisible control character. Programs read such addresses differently, so the handoff could go elsewhere than it seems. Remove them.',
      'json-invalid':
        'The step {node} has a JSON body in which a {{…}} placeholder is neither inside quotes nor a whole value (or the body is not JSON), so a customer’s answer could change its structure. Write "{{key}}" inside quotes, or the placeholder alone as a value.',
      'xml-placeholder-position':
        'The step {node} has an XML body with a {{…}} placeholder inside a tag, a comment or a CDATA section, where an answer cannot be escaped. Put placeholders only in text or in quoted attribute values.',
      'kind-unknown':
        'The step {node} fills placeholders into a body without a Content-Type header, so Amana cannot tell how to escape a customer’s answer. Add a Content-Type header (application/json, application/x-www-form-urlencoded, application/xml or text/plain).',
    },
    'pt-BR': {
      'url-characters':
        'O passo {node} chama {url}, que contém um espaço, uma barra invertida ou um caractere de controle invisível. Programas leem esses endereços de jeitos diferentes, então a requisição pode ir para outro lugar do que parece. Remova-os (escreva um espaço como %20).',
      'url-placeholder':
        'O passo {node} chama {url}, cujo protocolo, host, porta ou usuário vem de um marcador {{…}}, então a resposta de um cliente poderia decidir para onde a requisição vai. Escreva o começo do endereço por completo; marcadores podem vir depois do host.',
      'desk-characters':
        'O destinatário {recipient} encaminha transferências para {url}, que contém um espaço, uma barra invertida ou um caractere de controle invisível. Programas leem esses endereços de jeitos diferentes, então a transferência pode ir para outro lugar do que parece. Remova-os.',
      'json-invalid':
        'O passo {node} tem um corpo JSON em que um marcador {{…}} não está entre aspas nem é um valor inteiro (ou o corpo não é JSON), então a resposta de um cliente poderia mudar sua estrutura. Escreva "{{chave}}" entre aspas, ou o marcador sozinho como valor.',
      'xml-placeholder-position':
        'O passo {node} tem um corpo XML com um marcador {{…}} dentro de uma tag, um comentário ou uma seção CDATA, onde uma resposta não pode ser escapada. Coloque marcadores só no texto ou em valores de atributos entre aspas.',
      'kind-unknown':
        'O passo {node} preenche marcadores num corpo sem cabeçalho Content-Type, então o Amana não sabe como escapar a resposta de um cliente. Adicione um cabeçalho Content-Type (application/json, application/x-www-form-urlencoded, application/xml ou text/plain).',
    },
    ar: {
      'url-characters':
        'الخطوة {node} تتصل بـ {url}، وفيه مسافة أو شرطة مائلة عكسية أو محرف تحكم غير مرئي. تقرأ البرامج مثل هذه العناوين بطرق مختلفة، فقد يذهب الطلب إلى غير ما يبدو. احذفها (اكتب المسافة %20).',
      'url-placeholder':
        'الخطوة {node} تتصل بـ {url}، ويُملأ بروتوكوله أو مضيفه أو منفذه أو اسم المستخدم فيه من عنصر نائب {{…}}، فقد تحدد إجابة العميل وجهة الطلب. اكتب بداية العنوان كاملة؛ ويمكن أن تأتي العناصر النائبة بعد المضيف.',
      'desk-characters':
        'الجهة المستلمة {recipient} تحوّل المحادثات إلى {url}، وفيه مسافة أو شرطة مائلة عكسية أو محرف تحكم غير مرئي. تقرأ البرامج مثل هذه العناوين بطرق مختلفة، فقد يذهب التحويل إلى غير ما يبدو. احذفها.',
      'json-invalid':
        'الخطوة {node} لها جسم JSON فيه عنصر نائب {{…}} ليس بين علامتي تنصيص ولا قيمةً كاملة (أو أن الجسم ليس JSON)، فقد تغيّر إجابة العميل بنيته. اكتب "{{key}}" بين علامتي تنصيص، أو العنصر النائب وحده قيمةً.',
      'xml-placeholder-position':
        'الخطوة {node} لها جسم XML فيه عنصر نائب {{…}} داخل وسم أو تعليق أو قسم CDATA، حيث لا يمكن تهريب الإجابة. ضع العناصر النائبة في النص أو في قيم السمات المقتبسة فقط.',
      'kind-unknown':
        'الخطوة {node} تملأ عناصر نائبة في جسم بلا ترويسة Content-Type، فلا تعرف أمانة كيف تُهرِّب إجابة العميل. أضف ترويسة Content-Type (application/json أو application/x-www-form-urlencoded أو application/xml أو text/plain).',
    },
  },
  check({ flow, naming }, report) {
    const read = new Map<string, UrlParts>();
    const partsOf = (url: string) => {
      let parts = read.get(url);
      if (parts === undefined) read.set(url, (parts = urlParts(url)));
      return parts;
    };
    for (let node = 0; node < flow.nodes.length; node += 1) {
      const step = flow.nodes[node]!;
      if (step.type !== 'http') continue;
      const parts = partsOf(step.url);
      const params = { url: naming.quote(step.url) };
      if (parts.unsafeCharacters) report({ message: 'url-characters', node, params });
      else if (parts.dynamic) report({ message: 'url-placeholder', node, params });
      if (step.body === undefined) continue;
      const problem: BodyProblem | undefined = bodyTemplateProblem(step.body, contentTypeOf(step.headers));
      if (problem) report({ message: problem, node });
    }
    for (const recipient of flow.recipients) {
      if (recipient.url === undefined || !partsOf(recipient.url).unsafeCharacters) continue;
      report({
        message: 'desk-characters',
        params: { recipient: naming.recipient(recipient.id), url: naming.quote(recipient.url) },
      });
    }
  },
});

/** The Content-Type an http step's headers set, as written (its name in any case). */
function contentTypeOf(headers: Record<string, string> | undefined): string {
  for (const name in headers) if (name.toLowerCase() === 'content-type') return headers[name] ?? '';
  return '';
}
