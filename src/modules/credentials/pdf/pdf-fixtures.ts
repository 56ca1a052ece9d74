/**
 * Sample models for the PDF tests, the benchmark and visual checks (names in every supported script).
 * Test data only: the application passes its own translated labels.
 */
import type { CredentialPdfLabels, CredentialPdfModel, PdfLocale } from './types.js';

/** Sample labels per language. */
export const SAMPLE_LABELS: Record<PdfLocale, CredentialPdfLabels> = {
  en: {
    heading: 'Certificate of Achievement',
    certifies: 'This certifies that',
    completion: 'has successfully completed the course',
    awardedOn: 'Awarded on',
    hours: 'Hours',
    grade: 'Grade',
    components: 'Credentials counted towards this diploma',
    verify: 'Scan or visit to verify',
    attachment: 'Signed credential (Open Badges 3.0, JSON-LD)',
  },
  fr: {
    heading: 'Certificat de réussite',
    certifies: 'Ce certificat atteste que',
    completion: 'a suivi avec succès le cours',
    awardedOn: 'Délivré le',
    hours: 'Heures',
    grade: 'Note',
    components: 'Certificats pris en compte pour ce diplôme',
    verify: 'Scannez ou visitez pour vérifier',
    attachment: 'Attestation signée (Open Badges 3.0, JSON-LD)',
  },
  es: {
    heading: 'Certificado de aprovechamiento',
    certifies: 'Se certifica que',
    completion: 'ha completado con éxito el curso',
    awardedOn: 'Otorgado el',
    hours: 'Horas',
    grade: 'Calificación',
    components: 'Credenciales que cuentan para este diploma',
    verify: 'Escanee o visite para verificar',
    attachment: 'Credencial firmada (Open Badges 3.0, JSON-LD)',
  },
};

/** Labels that differ on a diploma. */
export const SAMPLE_DIPLOMA_LABELS: Record<PdfLocale, Pick<CredentialPdfLabels, 'heading' | 'completion'>> = {
  en: { heading: 'Diploma', completion: 'has been awarded the' },
  fr: { heading: 'Diplôme', completion: 'a obtenu le' },
  es: { heading: 'Diploma', completion: 'ha obtenido el' },
};

/** Course titles per language. */
export const SAMPLE_TITLES: Record<PdfLocale, string> = {
  en: 'Sustainable Water Management in Urban Environments',
  fr: 'Gestion durable de l’eau en milieu urbain',
  es: 'Gestión sostenible del agua en entornos urbanos',
};

/** Holder names, one per script, with the language each is rendered in by the tests. */
export const SAMPLE_NAMES = [
  { script: 'latin', name: 'José Ñúñez Åström-Łukasiewicz', locale: 'es' },
  { script: 'cyrillic', name: 'Мария Иванова', locale: 'fr' },
  { script: 'greek', name: 'Αικατερίνη Παπαδοπούλου', locale: 'en' },
  { script: 'vietnamese', name: 'Nguyễn Thị Lan', locale: 'fr' },
  { script: 'arabic', name: 'محمد الأحمد', locale: 'en' },
  { script: 'chinese', name: '王芳', locale: 'es' },
  { script: 'japanese', name: '山田 さくら', locale: 'fr' },
  { script: 'korean', name: '김민준', locale: 'en' },
  { script: 'hebrew', name: 'נועה כהן', locale: 'es' },
  { script: 'devanagari', name: 'सुनिता गुरुङ', locale: 'fr' },
] as const satisfies readonly { script: string; name: string; locale: PdfLocale }[];

/** A minimal signed-credential JSON (shape only; these tests do not verify signatures). */
export function sampleCredentialJson(name: string): string {
  return JSON.stringify({
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:5f0c6a8e-3f2b-4c1e-9d7a-000000000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:web:example.org', type: ['Profile'], name: 'Example Training Centre' },
    validFrom: '2026-03-12T00:00:00Z',
    credentialSubject: { type: ['AchievementSubject'], name },
    proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3FXQ' }],
  });
}

/** A certificate model for `holderName` in `locale`. */
export function sampleModel(holderName: string, locale: PdfLocale = 'en'): CredentialPdfModel {
  return {
    locale,
    kind: 'achievement',
    holderName,
    title: SAMPLE_TITLES[locale],
    awardedOn: '2026-03-12',
    hours: 24,
    grade: null,
    issuerName: 'Centre for Sustainable Development Training',
    verifyUrl: 'https://example.org/verify/5f0c6a8e-3f2b-4c1e-9d7a-000000000001',
    shortUrl: 'example.org/v/ABCD-EFGH',
    signedCredentialJson: sampleCredentialJson(holderName),
    labels: SAMPLE_LABELS[locale],
  };
}

/** A diploma model with five components (Academy, three electives, capstone). */
export function sampleDiploma(holderName: string, locale: PdfLocale = 'en'): CredentialPdfModel {
  const labels = { ...SAMPLE_LABELS[locale], ...SAMPLE_DIPLOMA_LABELS[locale] };
  return {
    ...sampleModel(holderName, locale),
    kind: 'diploma',
    title: 'Professional Diploma in Sustainable Development Practice',
    hours: 420,
    grade: 'Distinction',
    labels,
    components: [
      { title: 'Sustainable Development Academy', awardedOn: '2025-06-30' },
      { title: 'Sustainable Water Management in Urban Environments', awardedOn: '2025-09-15' },
      { title: 'Climate Finance for Local Governments', awardedOn: '2025-11-20' },
      { title: 'Gender and Environment', awardedOn: '2026-01-18' },
      { title: 'Capstone Project: Community Resilience Plan', awardedOn: '2026-03-01' },
    ],
  };
}
