// The gradebook reporters' public surface, for the CLI.
export { gradebookReporterFor, gradebookReporters, isGradebookFormat, knownGradebookFormats, type GradebookFormat } from './registry.js';
export type { GradebookFile, GradebookOptions, GradebookOutput, GradebookReporter } from './types.js';
export { renderGradesCsv } from './grades-csv.js';
export { NO_ROSTER_WARNING } from './canvas.js';
export { classroomPayload, classroomRunners, renderClassroomResult, type ClassroomPayload } from './classroom.js';
export { renderFeedback } from './feedback.js';
export { findSimilar, similarTo, type SimilarGroup, type Similarity, type SimilarityOptions } from './similar.js';
export { normaliseCommand, scriptLines } from './command-lines.js';
export { parseCanvasRoster, type Roster } from '../canvas-roster.js';
