export { dropRelease, loadRelease, rebuildRelease, releaseStatus, type ReleaseStatus } from './rebuild.js';
export { updateRelease, type FullReason, type ReleaseChange, type ReleaseUpdate } from './incremental.js';
export { releaseInputsFingerprint } from './fingerprint.js';
