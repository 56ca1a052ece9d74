/** Credential PDFs: render one page per credential; check the fonts at start-up. */
export { checkPdfFonts, type PdfFontCheck } from './fonts.js';
export { ATTACHMENT_MIME_TYPE, ATTACHMENT_NAME, renderCredentialPdf } from './render.js';
export type {
  CredentialPdfComponent,
  CredentialPdfKind,
  CredentialPdfLabels,
  CredentialPdfModel,
  PdfLocale,
} from './types.js';
