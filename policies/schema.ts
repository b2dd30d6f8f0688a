/**
 * The admin policy model: one versioned zod schema that every other part obeys. Managed storage (Chrome and
 * Edge enterprise policy, Firefox policies.json), the organisation's policy endpoint and the defaults all use
 * these top-level keys; public/managed_schema.json is generated from this file (policies/managed-schema.ts)
 * and a test fails when the two drift. Parsing is per field (policies/layers.ts): an invalid field falls back
 * to the layer below and is reported by name, never by value.
 *
 * Key names are a contract with policy files already deployed: add keys, never rename or repurpose one.
 */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../detectors/types';
import { STRONG_CATEGORIES } from './decide';

/** Bump when a key changes meaning (never for additions); a policy may state the version it was written for. */
export const POLICY_SCHEMA_VERSION = 1;

export const MODES = ['off', 'monitor', 'warn', 'redact', 'block'] as const;
export type Mode = (typeof MODES)[number];
/** Strictness order: the user's options may only move a mode up this scale. */
/** `redact` ranks above `warn` (nothing found is ever sent) and below `block` (the prompt still goes, without them). */
export const MODE_RANK: Readonly<Record<Mode, number>> = { off: 0, monitor: 1, warn: 2, redact: 3, block: 4 };

export const UNSANCTIONED_ACTIONS = ['allow', 'warn', 'block'] as const;
export type UnsanctionedAction = (typeof UNSANCTIONED_ACTIONS)[number];

export const PLACEHOLDER_STYLES = ['typed', 'surrogate'] as const;
export type PlaceholderStyle = (typeof PLACEHOLDER_STYLES)[number];

export const IDENTITY_MODES = ['none', 'pseudonymous', 'email'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

/** Bounds that keep one admin's typo from freezing every clinician's browser. */
export const LIMITS = {
  customPatterns: 50,
  patternLength: 500,
  /** Instructions of the compiled RE2 program: bounds the per-character cost of a linear-time match. */
  patternProgram: 1000,
  /** Matches taken per pattern and text; more adds nothing to the decision. */
  patternMatches: 1000,
  customTerms: 1000,
  termLength: 200,
  sites: 500,
  sanctionedSites: 500,
  additionalAiSites: 500,
  coachingMessage: 1000,
  url: 2048,
  token: 4096,
} as const;

export const DEFAULT_COACHING =
  'Patient identifiers must not be sent to AI chatbots. Remove them, or let PHI Guard replace them with ' +
  'placeholders such as [NAME-1] before sending.';

/** A DNS host name in lower case (what URL.hostname gives), at least two labels. No wildcards, no ports. */
export function isHostname(s: string): boolean {
  if (s.length === 0 || s.length > 253) return false;
  const labels = s.split('.');
  if (labels.length < 2) return false;
  return labels.every((l) => l.length <= 63 && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(l));
}

/** https anywhere; plain http only to the machine itself (a local admin server, tests). */
export function isSecureUrl(s: string): boolean {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  if (u.username || u.password) return false;
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

const hostname = z
  .string()
  .trim()
  .toLowerCase()
  .refine(isHostname, 'not a host name such as chat.example.com (no scheme, path, port or wildcard)');

const secureUrl = z
  .string()
  .max(LIMITS.url)
  .refine(isSecureUrl, 'must be an https:// URL (http:// only for localhost)');

const modeSchema = z.enum(MODES);
const categorySchema = z.enum(CATEGORIES);

export const SiteOverrideSchema = z.strictObject({
  mode: modeSchema.meta({ description: 'Mode on this site instead of the global mode.' }),
});
export type SiteOverride = z.output<typeof SiteOverrideSchema>;

export const CategorySettingSchema = z.strictObject({
  enabled: z.boolean().optional().meta({ description: 'false: this category is not detected at all.' }),
  minConfidence: z
    .number()
    .min(0.3)
    .max(1)
    .optional()
    .meta({ description: 'Findings of this category under this confidence (0.3 to 1) are ignored.' }),
  action: z
    .enum(['warn', 'block'])
    .optional()
    .meta({
      description:
        'Confident findings of this category get at least this action (raises the mode, never lowers it). ' +
        'Built in: block for record numbers, SSNs, contact data and other strong identifiers. ' +
        'For LOCATION and DATE it also holds a city or a month and year found alone, which otherwise passes.',
    }),
});
export type CategorySetting = z.output<typeof CategorySettingSchema>;

export const CustomPatternSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, up to 64')
    .meta({ description: 'Short id, reported in events and errors instead of the pattern.' }),
  pattern: z.string().min(1).max(LIMITS.patternLength).meta({
    description: 'RE2 syntax (no backreferences or lookahead); matched in linear time.',
  }),
  flags: z
    .string()
    .regex(/^[ims]{0,3}$/, 'only i, m and s')
    .optional()
    .meta({ description: 'i (ignore case), m (multi-line ^ $), s (dot matches newline).' }),
  category: categorySchema.optional().meta({ description: 'Category reported for a match. Default OTHER_ID.' }),
  confidence: z.number().min(0.5).max(1).optional().meta({ description: '0.5 to 1. Default 0.9.' }),
  label: z.string().min(1).max(80).optional().meta({ description: 'Shown to the user as the reason.' }),
});
export type CustomPattern = z.output<typeof CustomPatternSchema>;

export const CustomTermSchema = z.strictObject({
  term: z
    .string()
    .trim()
    .min(2)
    .max(LIMITS.termLength)
    .meta({ description: 'A facility name, ward or local MRN prefix. Matched ignoring case.' }),
  match: z.enum(['phrase', 'prefix']).optional().meta({
    description:
      'phrase (default): the term as whole words. prefix: the term followed by an identifier with at least 4 digits (e.g. prefix "SEH" matches SEH-0012345).',
  }),
  category: categorySchema
    .optional()
    .meta({ description: 'Category reported. Default LOCATION for phrases, MRN for prefixes.' }),
});
export type CustomTerm = z.output<typeof CustomTermSchema>;

export const AiSiteSchema = z.strictObject({
  host: hostname,
  name: z.string().trim().min(1).max(80),
  vendor: z.string().trim().min(1).max(80),
});
export type AiSiteEntry = z.output<typeof AiSiteSchema>;

/**
 * How a field is validated: as one value, or entry by entry (a list or a map), so that one bad custom
 * pattern or one misspelt host drops only itself.
 */
interface Doc {
  title: string;
  description: string;
}
export type FieldSpec =
  | { kind: 'value'; schema: z.ZodType }
  | { kind: 'list'; item: z.ZodType; max: number; doc: Doc }
  | { kind: 'map'; key: z.ZodType<string>; value: z.ZodType; max: number; doc: Doc };

const value = (schema: z.ZodType): FieldSpec => ({ kind: 'value', schema });

/** Every policy key, in the order the admin documentation and the managed schema list them. */
export const FIELDS = {
  schemaVersion: value(
    z
      .number()
      .int()
      .min(1)
      .max(1000)
      .meta({
        title: 'Policy schema version',
        description: `The version of this schema the policy was written for (current: ${POLICY_SCHEMA_VERSION}).`,
      }),
  ),
  mode: value(
    modeSchema.meta({
      title: 'Default action for PHI',
      description:
        'off: no checks. monitor: never interrupt, record what would have been held. warn: hold and allow Send anyway (strong identifiers still block unless categories say otherwise). redact: replace what was found with placeholders and send, without asking (a notice says so; a failed check still holds). block: hold with no Send anyway.',
    }),
  ),
  sites: {
    kind: 'map',
    key: hostname,
    value: SiteOverrideSchema,
    max: LIMITS.sites,
    doc: {
      title: 'Per-site overrides',
      description:
        'Host name (covers its subdomains) to settings for that site, e.g. {"claude.ai": {"mode": "block"}}.',
    },
  },
  sanctionedSites: {
    kind: 'list',
    item: hostname,
    max: LIMITS.sanctionedSites,
    doc: {
      title: 'Sanctioned AI sites',
      description: 'Host names of the AI tools your organisation approves (subdomains included).',
    },
  },
  unsanctionedAction: value(
    z.enum(UNSANCTIONED_ACTIONS).meta({
      title: 'Action on unsanctioned AI sites',
      description:
        'For AI sites in the catalog that are not in sanctionedSites: allow (record the visit), warn (interstitial, the user may continue) or block.',
    }),
  ),
  sanctionedToolUrl: value(
    secureUrl.meta({
      title: 'Sanctioned AI tool',
      description: 'Linked from the warn and block pages.',
    }),
  ),
  redirectToSanctioned: value(
    z.boolean().meta({
      title: 'Redirect blocked AI sites to the sanctioned tool',
      description: 'With unsanctionedAction block: go straight to sanctionedToolUrl instead of the block page.',
    }),
  ),
  additionalAiSites: {
    kind: 'list',
    item: AiSiteSchema,
    max: LIMITS.additionalAiSites,
    doc: {
      title: 'More AI sites',
      description: 'AI sites to add to the built-in catalog for shadow-AI discovery: {host, name, vendor}.',
    },
  },
  categories: {
    kind: 'map',
    key: categorySchema,
    value: CategorySettingSchema,
    max: CATEGORIES.length,
    doc: {
      title: 'PHI categories',
      description: 'Per category (SSN, MRN, NAME...): enabled, minConfidence, action.',
    },
  },
  customPatterns: {
    kind: 'list',
    item: CustomPatternSchema,
    max: LIMITS.customPatterns,
    doc: {
      title: 'Custom patterns',
      description: `Your own identifiers as RE2 regular expressions (up to ${LIMITS.customPatterns}, ${LIMITS.patternLength} characters each).`,
    },
  },
  customTerms: {
    kind: 'list',
    item: CustomTermSchema,
    max: LIMITS.customTerms,
    doc: {
      title: 'Custom terms',
      description: `Facility names and local MRN prefixes to treat as identifiers (up to ${LIMITS.customTerms}).`,
    },
  },
  coachingMessage: value(
    z.string().trim().min(1).max(LIMITS.coachingMessage).meta({
      title: 'Coaching message',
      description: 'Shown when a prompt is held and on the warn and block pages.',
    }),
  ),
  helpLink: value(
    secureUrl.meta({ title: 'Help link', description: 'Your guidance on AI use, linked from the dialog.' }),
  ),
  requireJustification: value(
    z.boolean().meta({ title: 'Send anyway needs a reason', description: 'The user picks a reason first.' }),
  ),
  failClosed: value(
    z.boolean().meta({
      title: 'Fail closed',
      description: 'true: a check that fails or runs out of time holds the prompt. false: it lets it through.',
    }),
  ),
  reportingEndpoint: value(
    secureUrl.meta({
      title: 'Admin server',
      description:
        'Base URL of the PHI Guard admin server: events go to <url>/v1/events, the organisation policy comes from <url>/v1/policy. Managed policy only.',
    }),
  ),
  enrollmentToken: value(
    z.string().min(8).max(LIMITS.token).meta({
      title: 'Enrollment token',
      description: 'Sent to the admin server as a bearer token. Managed policy only.',
      sensitiveValue: true,
    }),
  ),
  identityMode: value(
    z.enum(IDENTITY_MODES).meta({
      title: 'User identity in events',
      description:
        'none, pseudonymous (a random id per browser profile) or email (the profile email where the browser is managed).',
    }),
  ),
  refreshIntervalMinutes: value(
    z.number().int().min(5).max(1440).meta({
      title: 'Policy refresh interval (minutes)',
      description: 'How often the organisation policy is fetched from the admin server (5 to 1440).',
    }),
  ),
  restoreAnswers: value(
    z.boolean().meta({
      title: 'Restore placeholders in answers',
      description: "Put the original values back into the chatbot's answer, on this device only.",
    }),
  ),
  placeholderStyle: value(
    z.enum(PLACEHOLDER_STYLES).meta({
      title: 'What redaction puts in place of a value',
      description:
        'typed: placeholders such as [NAME-1] and [DATE-1]. surrogate: realistic stand-in values from ranges that cannot be real (555-01xx phones, 9xx SSNs, example.com), dates shifted by one random offset per conversation so intervals stay true.',
    }),
  ),
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;
export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

/** Keys only the managed (browser-policy) layer may set: the organisation endpoint must not redirect itself. */
export const MANAGED_ONLY: ReadonlySet<FieldName> = new Set<FieldName>(['reportingEndpoint', 'enrollmentToken']);

/** The zod schema of a field as a whole (lists and maps with their entry schemas). */
export function fieldSchema(spec: FieldSpec): z.ZodType {
  if (spec.kind === 'value') return spec.schema;
  if (spec.kind === 'list')
    return z
      .array(spec.item)
      .max(spec.max)
      .meta({ ...spec.doc });
  return z.partialRecord(spec.key, spec.value).meta({ ...spec.doc });
}

/** One policy layer: every key optional. The schema the managed-storage schema is generated from. */
export const PolicySchema = z.object(
  Object.fromEntries(FIELD_NAMES.map((k) => [k, fieldSchema(FIELDS[k]).optional()])) as {
    [K in FieldName]: z.ZodOptional<z.ZodType>;
  },
);

/** A layer after parsing: the fields it set validly. */
export interface PolicyLayer {
  schemaVersion?: number;
  mode?: Mode;
  sites?: Record<string, SiteOverride>;
  sanctionedSites?: string[];
  unsanctionedAction?: UnsanctionedAction;
  sanctionedToolUrl?: string;
  redirectToSanctioned?: boolean;
  additionalAiSites?: AiSiteEntry[];
  categories?: Partial<Record<Category, CategorySetting>>;
  customPatterns?: CustomPattern[];
  customTerms?: CustomTerm[];
  coachingMessage?: string;
  helpLink?: string;
  requireJustification?: boolean;
  failClosed?: boolean;
  reportingEndpoint?: string;
  enrollmentToken?: string;
  identityMode?: IdentityMode;
  refreshIntervalMinutes?: number;
  restoreAnswers?: boolean;
  placeholderStyle?: PlaceholderStyle;
}

type OptionalKey = 'sanctionedToolUrl' | 'helpLink' | 'reportingEndpoint' | 'enrollmentToken';
/** The merged policy: every field set except the ones that have no sensible default. */
export type Policy = Required<Omit<PolicyLayer, OptionalKey>> & Pick<PolicyLayer, OptionalKey>;

/** Built-in defaults, the lowest layer: the behaviour of the unmanaged extension. */
export const DEFAULT_POLICY: Policy = {
  schemaVersion: POLICY_SCHEMA_VERSION,
  mode: 'warn',
  sites: {},
  sanctionedSites: [],
  unsanctionedAction: 'allow',
  redirectToSanctioned: false,
  additionalAiSites: [],
  // Strong identifiers block in warn mode: the same decisions as DEFAULT_DECISION_POLICY (a test checks).
  categories: Object.fromEntries([...STRONG_CATEGORIES].map((c) => [c, { action: 'block' }])),
  customPatterns: [],
  customTerms: [],
  coachingMessage: DEFAULT_COACHING,
  requireJustification: true,
  failClosed: true,
  identityMode: 'none',
  refreshIntervalMinutes: 60,
  restoreAnswers: true,
  placeholderStyle: 'typed',
};

/** What the user's own options may set: each can only tighten what the layers above allow. */
export const UserOptionsSchema = z.object({
  mode: modeSchema.optional(),
  requireJustification: z.boolean().optional(),
  /** The clinician may switch restored answers off (showing less is never looser); never on. */
  restoreAnswers: z.literal(false).optional(),
  categories: z
    .partialRecord(
      categorySchema,
      z.strictObject({ enabled: z.boolean().optional(), action: z.literal('block').optional() }),
    )
    .optional(),
});
export type UserOptions = z.output<typeof UserOptionsSchema>;
