/** The bundle builder (DESIGN.md §5): flow in, files out, refused while the checker finds errors. */
export { buildBundle } from './bundle.ts';
export { manifestFlowHash } from './manifest.ts';
export { privacyNotice } from './privacy-notice.ts';
export { recordsOfProcessing } from './records-of-processing.ts';
export { documentLanguage } from './language.ts';
export { runtimeRetention } from './facts.ts';
export { sha256Hex } from '../model/sha256.ts';
