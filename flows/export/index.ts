/** The bundle builder (DESIGN.md §5): flow in, files out, refused while the checker finds errors. */
export { buildBundle, type BundleOptions, type BundleResult } from './bundle.ts';
export { bundleFormat, bundleFormatVersion, manifestFlowHash, type BundleManifest } from './manifest.ts';
export { privacyNotice } from './privacy-notice.ts';
export { recordsOfProcessing } from './records-of-processing.ts';
export { deployReadme, envExample } from './deploy-readme.ts';
export { documentLanguage } from './language.ts';
export { runtimeRetention } from './facts.ts';
export { sha256Hex } from '../model/sha256.ts';
