// The input stage of `grade batch`: a batch folder, in any of the layouts courses have, to BatchItems.
export { discoverSubmissions, type DiscoverRequest } from './discover-submissions.js';
export { NO_EXERCISE } from './split-exercises.js';
export { LEARNER_ARCHIVE_LIMITS, LMS_DOWNLOAD_LIMITS, type ArchiveLimits } from './archive-limits.js';
