import type { Rule } from '../rule.ts';
import { collectedNotUsed } from './collected-not-used.ts';
import { consentBeforeCollection } from './consent-before-collection.ts';
import { danglingEdge } from './dangling-edge.ts';
import { disclosureFirst } from './disclosure-first.ts';
import { duplicateOutcome } from './duplicate-outcome.ts';
import { insecureTransfer } from './insecure-transfer.ts';
import { invalidErasureRoute } from './invalid-erasure-route.ts';
import { misplacedSecret } from './misplaced-secret.ts';
import { missingPurpose } from './missing-purpose.ts';
import { missingRetention } from './missing-retention.ts';
import { missingTranslation } from './missing-translation.ts';
import { mislabeledData } from './mislabeled-data.ts';
import { multipleStarts } from './multiple-starts.ts';
import { noErasurePath } from './no-erasure-path.ts';
import { noErasureRoute } from './no-erasure-route.ts';
import { noHumanPath } from './no-human-path.ts';
import { noStart } from './no-start.ts';
import { sensitiveEcho } from './sensitive-echo.ts';
import { sensitiveWithoutConsent } from './sensitive-without-consent.ts';
import { undeclaredData } from './undeclared-data.ts';
import { undeclaredSharing } from './undeclared-sharing.ts';
import { undefinedVariable } from './undefined-variable.ts';
import { unhandledOutcome } from './unhandled-outcome.ts';
import { unsafeTemplate } from './unsafe-template.ts';
import { unreachableNode } from './unreachable-node.ts';
import { unusedDeclaration } from './unused-declaration.ts';
import { waLabelTooLong } from './wa-label-too-long.ts';
import { waListTooManyRows } from './wa-list-too-many-rows.ts';
import { waTextTooLong } from './wa-text-too-long.ts';
import { waTooManyButtons } from './wa-too-many-buttons.ts';

/**
 * Every rule of DESIGN.md §3, one file each, in the order of `ruleIds` (./diagnostic.ts) and of
 * the design: declarations, paths, graph, WhatsApp limits, translations. A test checks that this
 * list and `ruleIds` match.
 */
export const rules: readonly Rule[] = [
  undeclaredData,
  mislabeledData,
  undeclaredSharing,
  unusedDeclaration,
  collectedNotUsed,
  missingRetention,
  missingPurpose,
  sensitiveWithoutConsent,
  consentBeforeCollection,
  disclosureFirst,
  noHumanPath,
  noErasurePath,
  noErasureRoute,
  invalidErasureRoute,
  undefinedVariable,
  sensitiveEcho,
  insecureTransfer,
  unsafeTemplate,
  misplacedSecret,
  noStart,
  multipleStarts,
  danglingEdge,
  duplicateOutcome,
  unhandledOutcome,
  unreachableNode,
  waTooManyButtons,
  waListTooManyRows,
  waLabelTooLong,
  waTextTooLong,
  missingTranslation,
];
