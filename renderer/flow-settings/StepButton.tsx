import type { FlowNode } from '../../flows/index.ts';
import { BidiText } from '../bidi/BidiText.tsx';
import type { StepTitle } from '../../flows/check/index.ts';
import { showStep } from '../problems/show-step.ts';

/**
 * A step named as the designer sees its card — "Question: What is your e-mail?" — with its id as
 * small secondary text; choosing it selects the step and centres it on the canvas. Printed, it is
 * plain text (privacy.css).
 */
export function StepButton({ node, title, children }: { node: FlowNode; title: StepTitle; children?: string }) {
  return (
    <button type="button" className="step-button" onClick={() => showStep(node.id)}>
      <span className="step-button__kind">{title.kind}</span>
      {title.text && (
        <>
          {': '}
          <bdi lang={title.text.lang} dir="auto" className="step-button__text">
            <BidiText text={title.text.value} />
          </bdi>
        </>
      )}
      {children && <span className="step-button__verb"> {children}</span>}{' '}
      <bdi dir="ltr" className="step-button__id">
        {node.id}
      </bdi>
    </button>
  );
}
