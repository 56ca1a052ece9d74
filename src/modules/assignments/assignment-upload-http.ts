import { singleFileUpload } from '../../http/file-upload.js';
import { FILE_BYTES_LIMIT } from './assignment.js';

/**
 * The multipart upload of a submission file: the shared single-file reader, with the platform's largest
 * limit (the assignment's own, smaller, limit is checked by the use case).
 */
const upload = singleFileUpload({ maxBytes: FILE_BYTES_LIMIT, noFileKey: 'assignments.error.noFile' });

export const readSubmissionUpload = upload.read;
export const uploadedSubmissionFile = upload.file;
