/**
 * The shape of an AnalysisReport, written independently of the TypeScript types, so property tests can check that
 * any input gives a well-formed report (strict objects: no field more, none missing, every number finite).
 */
import { z } from 'zod';

const num = z.number().finite();
const unit = num.min(0).max(1);
const offset = z.number().int().min(0);
const section = z.enum(['summary', 'skills', 'experience', 'education', 'certifications', 'volunteer', 'other']).nullable();
const span = { start: offset, end: offset, text: z.string(), section, path: z.string().optional() };

export const EvidenceSchema = z.strictObject({
  ...span,
  kind: z.enum(['exact', 'alias', 'stem', 'fuzzy']),
  negated: z.boolean(),
  hedged: z.boolean(),
  cue: z.string().optional(),
  confidence: unit,
});

const component = z.enum(['signature', 'skills', 'responsibilities', 'soft', 'titles']);
const band = z.enum(['strong', 'moderate', 'weak', 'none']);

const RoleFitSchema = z.strictObject({
  id: z.string(),
  title: z.string(),
  score: num.min(0).max(100),
  band,
  contributions: z.array(z.strictObject({ component, id: z.string(), label: z.string(), points: num.gt(0), weight: num.gt(0), strength: unit, evidence: z.array(EvidenceSchema) })),
  missing: z.array(z.strictObject({ skill: z.string(), label: z.string(), weight: num.gt(0), component, why: z.string().min(1), suggestion: z.string().min(1) })),
  reason: z.string().optional(),
});

const side = z.strictObject({ id: z.string(), title: z.string(), score: num, distinctFound: z.array(z.string()), distinctMissing: z.array(z.string()) });

export const ReportSchema = z.strictObject({
  target: RoleFitSchema,
  roles: z.array(RoleFitSchema).length(8),
  skills: z.array(z.strictObject({
    id: z.string(), label: z.string(), category: z.string(), evidence: z.array(EvidenceSchema).min(1),
    experience: z.strictObject({ months: z.number().int().min(0), lastUsed: z.string().regex(/^\d{4}-\d{2}$/).nullable(), entries: z.array(z.number().int().min(0)) }).optional(),
  })),
  experience: z.array(z.strictObject({
    title: z.string().nullable(), employer: z.string().nullable(), start: offset.nullable(), end: offset.nullable(),
    from: z.string().regex(/^\d{4}-\d{2}$/).nullable(), to: z.string().regex(/^(\d{4}-\d{2}|present)$/).nullable(),
    months: z.number().int().min(0).nullable(), section: z.string().nullable(), path: z.string().optional(),
  })),
  responsibilities: z.array(z.strictObject({ id: z.string(), text: z.string(), similarity: unit, matched: z.literal(true), evidence: z.array(z.strictObject({ ...span, similarity: unit })) })),
  sections: z.array(z.strictObject({ kind: section.unwrap(), heading: z.string(), start: offset, end: offset })),
  comparison: z.strictObject({ better: z.string().nullable(), difference: num.min(0), a: side, b: side, sharedFound: z.array(z.string()), context: z.array(z.string()), summary: z.string().min(1) }),
  text: z.string().optional(),
  reason: z.string().optional(),
});
