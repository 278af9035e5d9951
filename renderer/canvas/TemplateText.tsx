import { templateParts } from '../../flows/index.ts';
import { BidiText } from '../bidi/BidiText.tsx';

/**
 * A flow text with its placeholders shown as chips. Each chip is isolated (<bdi dir="ltr">) so a
 * Latin variable name inside an Arabic sentence does not reorder the sentence around it; so are
 * the text's URLs, e-mail addresses, numbers and Latin names. `asTyped` shows a chip as it is
 * written, braces and all (a help text that says what to type).
 */
export function TemplateText({ value, asTyped = false }: { value: string; asTyped?: boolean }) {
  return (
    <>
      {templateParts(value).map((part, index) =>
        'key' in part ? (
          <bdi key={index} dir="ltr" className="placeholder">
            {asTyped ? `{{${part.key}}}` : part.key}
          </bdi>
        ) : (
          <BidiText key={index} text={part.text} />
        ),
      )}
    </>
  );
}
