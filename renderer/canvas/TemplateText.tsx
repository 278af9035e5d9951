import { templateParts } from '../../flows/index.ts';

/**
 * A flow text with its placeholders shown as chips. Each chip is isolated (<bdi dir="ltr">) so a
 * Latin variable name inside an Arabic sentence does not reorder the sentence around it.
 */
export function TemplateText({ value }: { value: string }) {
  return (
    <>
      {templateParts(value).map((part, index) =>
        'key' in part ? (
          <bdi key={index} dir="ltr" className="placeholder">
            {part.key}
          </bdi>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
