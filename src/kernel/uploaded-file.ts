/** A file as received from a form or the API: the name the browser sent is only shown, never used as a path or a key. */
export interface UploadedUserFile {
  fileName: string | undefined;
  bytes: Buffer;
  /** The upload went past the size limit (the bytes were cut). */
  tooLarge?: boolean;
}
