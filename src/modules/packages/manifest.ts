/**
 * Reading a package's structure: SCORM 1.2 / 2004 `imsmanifest.xml` and cmi5 `cmi5.xml`. Pure. The XML is
 * parsed with entity processing off (fast-xml-parser, `processEntities: false`); a document that declares
 * entities is refused outright, and only the five predefined entities and character references are decoded
 * in text. A broken rule throws `PackageProblem` with a message id (`packages.error.*`).
 * PERSISTED SHAPE: `PackageStructure` is stored as JSON on the package.
 */
import { XMLParser } from 'fast-xml-parser';

export type PackageStandard = 'scorm12' | 'scorm2004' | 'cmi5';

export interface Sco {
  /** The item identifier (SCORM) or the AU id (cmi5, an IRI). */
  id: string;
  title: string;
  /** Relative path inside the package, with its query (SCORM parameters), or an absolute URL (cmi5). */
  href: string;
  /** SCORM 1.2 `adlcp:masteryscore` / cmi5 `masteryScore` (0–1 for cmi5, 0–100 for SCORM 1.2). */
  masteryScore: number | null;
  /** cmi5 only. */
  moveOn?: Cmi5MoveOn;
  launchMethod?: 'OwnWindow' | 'AnyWindow';
  launchParameters?: string;
}

export type Cmi5MoveOn =
  | 'Passed'
  | 'Completed'
  | 'CompletedAndPassed'
  | 'CompletedOrPassed'
  | 'NotApplicable';

export interface PackageStructure {
  standard: PackageStandard;
  title: string;
  /** cmi5: the course's id (IRI). */
  courseId?: string;
  scos: Sco[];
}

export class PackageProblem extends Error {
  constructor(
    readonly messageId: string,
    readonly values: Record<string, string | number> = {},
  ) {
    super(messageId);
    this.name = 'PackageProblem';
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['organization', 'item', 'resource', 'au', 'block', 'langstring', 'file'].includes(name),
});

type Node = Record<string, unknown>;

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

function parse(xml: string): Node {
  if (/<!ENTITY/i.test(xml)) throw new PackageProblem('packages.error.entities');
  try {
    return parser.parse(xml) as Node;
  } catch {
    throw new PackageProblem('packages.error.manifestInvalid');
  }
}

const asArray = (value: unknown): Node[] =>
  value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as Node[]);

/** Text of an element that may be plain text, `{ '#text' }` or cmi5's `<langstring lang>` list. */
function text(value: unknown): string {
  if (typeof value === 'string') return decode(value);
  if (value && typeof value === 'object') {
    const node = value as Node;
    if (node.langstring) {
      const strings = asArray(node.langstring);
      const en = strings.find((s) => String(s['@lang'] ?? '').startsWith('en')) ?? strings[0];
      return text(en);
    }
    if (typeof node['#text'] === 'string') return decode(node['#text']);
  }
  return '';
}

function attr(node: Node, name: string): string | undefined {
  const value = node[`@${name}`];
  return typeof value === 'string' ? decode(value) : undefined;
}

/** Reads an imsmanifest.xml: the default organisation's items that launch a SCO (or asset), in order. */
export function parseScormManifest(xml: string): PackageStructure {
  const root = parse(xml).manifest as Node | undefined;
  if (!root) throw new PackageProblem('packages.error.manifestInvalid');
  const metadata = (root.metadata ?? {}) as Node;
  const version = String(text(metadata.schemaversion));
  const standard: PackageStandard =
    /2004|CAM 1\.3/i.test(version) || /2004/.test(xml.slice(0, 2000)) ? 'scorm2004' : 'scorm12';
  const resources = new Map<string, Node>();
  for (const r of asArray((root.resources as Node | undefined)?.resource)) {
    const id = attr(r, 'identifier');
    if (id) resources.set(id, r);
  }
  const organizations = (root.organizations ?? {}) as Node;
  const all = asArray(organizations.organization);
  const chosen = all.find((o) => attr(o, 'identifier') === attr(organizations, 'default')) ?? all[0];
  if (!chosen) throw new PackageProblem('packages.error.noOrganization');
  const scos: Sco[] = [];
  const visit = (items: Node[]) => {
    for (const item of items) {
      const ref = attr(item, 'identifierref');
      const resource = ref ? resources.get(ref) : undefined;
      const href = resource ? attr(resource, 'href') : undefined;
      if (ref && !resource) throw new PackageProblem('packages.error.missingResource', { ref });
      if (href) {
        const base = attr(resource as Node, 'base') ?? '';
        const parameters = attr(item, 'parameters') ?? '';
        const mastery = text(item.masteryscore);
        scos.push({
          id: attr(item, 'identifier') ?? ref ?? href,
          title: text(item.title) || href,
          href: `${base}${href}${parameters && !parameters.startsWith('?') && !parameters.startsWith('#') ? `?${parameters}` : parameters}`,
          masteryScore: mastery === '' ? null : Number(mastery),
        });
      }
      visit(asArray(item.item));
    }
  };
  visit(asArray(chosen.item));
  if (scos.length === 0) throw new PackageProblem('packages.error.noSco');
  return { standard, title: text(chosen.title) || 'Package', scos };
}

const MOVE_ON: readonly Cmi5MoveOn[] = [
  'Passed',
  'Completed',
  'CompletedAndPassed',
  'CompletedOrPassed',
  'NotApplicable',
];

/** Reads a cmi5.xml course structure: the course and its AUs (blocks flattened, in order). */
export function parseCmi5(xml: string): PackageStructure {
  const root = parse(xml).courseStructure as Node | undefined;
  if (!root) throw new PackageProblem('packages.error.manifestInvalid');
  const course = (root.course ?? {}) as Node;
  const aus: Sco[] = [];
  const visit = (node: Node) => {
    for (const au of asArray(node.au)) {
      const id = attr(au, 'id');
      const url = text(au.url);
      if (!id || !url) throw new PackageProblem('packages.error.manifestInvalid');
      const moveOn = (attr(au, 'moveOn') ?? 'NotApplicable') as Cmi5MoveOn;
      if (!MOVE_ON.includes(moveOn)) throw new PackageProblem('packages.error.manifestInvalid');
      const mastery = attr(au, 'masteryScore');
      aus.push({
        id,
        title: text(au.title) || id,
        href: url,
        masteryScore: mastery === undefined ? null : Number(mastery),
        moveOn,
        launchMethod: attr(au, 'launchMethod') === 'OwnWindow' ? 'OwnWindow' : 'AnyWindow',
        launchParameters: text(au.launchParameters) || undefined,
      });
    }
    for (const block of asArray(node.block)) visit(block);
  };
  visit(root);
  if (aus.length === 0) throw new PackageProblem('packages.error.noSco');
  return {
    standard: 'cmi5',
    title: text(course.title) || 'cmi5 course',
    courseId: attr(course, 'id'),
    scos: aus,
  };
}
