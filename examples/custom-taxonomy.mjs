// Extend the bundled taxonomy with a skill and a role of your own, then score resumes against it.
//
//   node examples/custom-taxonomy.mjs
//
// createAnalyzer validates the taxonomy once (a TaxonomyError lists every issue, with its path) and compiles
// it; reuse the analyzer for every resume.
import { createAnalyzer, defaultTaxonomy, isResumeFitError } from 'resume-fit';

// A new skill. Aliases are lower-case phrases matched case-insensitively (with inflections). An optional
// `acronyms: ['HD']` would be matched case-sensitively on word boundaries; skipped here, as "HD" is ambiguous.
const hemodialysis = {
  id: 'hemodialysis',
  label: 'Hemodialysis',
  category: 'clinical',
  aliases: ['hemodialysis', 'dialysis', 'dialysis treatment', 'dialysis machine'],
  suggestion: 'Say how many dialysis treatments you ran per shift and on which machines.',
  source: { file: 'my-company/roles.md', quote: 'hemodialysis' },
};

// A new role: its profile weights skills that already exist (vital-signs, patients, ...) and the new one.
const dialysisTechnician = {
  id: 'dialysis-technician',
  title: 'Dialysis Technician',
  description: 'Sets up and monitors hemodialysis treatments and the patient\'s vital signs during them.',
  onetSoc: ['29-2099.00'],
  titles: ['Dialysis Technician', 'Hemodialysis Technician', 'Patient Care Technician - Dialysis'],
  facts: {},
  profile: [
    { skill: 'hemodialysis', kind: 'distinct', weight: 6, quote: 'hemodialysis' },
    { skill: 'vital-signs', kind: 'shared', weight: 3, quote: 'vital signs' },
    { skill: 'patients', kind: 'share', weight: 2, quote: 'patients' },
    { skill: 'phlebotomy', kind: 'duty', weight: 2, quote: 'blood draws' },
  ],
  source: { file: 'my-company/roles.md', quote: 'Dialysis Technician' },
};

// Copies, not edits: defaultTaxonomy is shared by every default analyzer in the process.
const taxonomy = {
  ...defaultTaxonomy,
  skills: [...defaultTaxonomy.skills, hemodialysis],
  roles: [...defaultTaxonomy.roles, dialysisTechnician],
};

let analyzer;
try {
  analyzer = createAnalyzer({ taxonomy });
} catch (e) {
  // A TaxonomyError: e.issues is [{ path: 'roles[8].profile[0].skill', message: ... }, ...].
  if (isResumeFitError(e)) console.error(e.message);
  process.exit(1);
}

const resume = `EXPERIENCE
Dialysis Technician, Desert Kidney Center, 2022 - Present
• Ran hemodialysis treatments for 12 patients per shift
• Monitored vital signs and drew blood for monthly labs`;

// The library never reads the clock; pass today's date (AS_OF=YYYY-MM-DD pins it for reproducible output).
const asOf = process.env.AS_OF ?? new Date().toISOString().slice(0, 10);
const report = analyzer.analyzeResume(resume, { target: 'dialysis-technician', asOf });

const found = report.skills.find((s) => s.id === 'hemodialysis');
console.log(`Custom skill found: ${found ? `${found.label} ("${found.evidence[0].text}")` : 'no'}`);
console.log(`${report.target.title}: ${report.target.score.toFixed(2)} ${report.target.band}`);
console.log('Roles, best first:');
for (const role of report.roles.slice(0, 3)) console.log(`  ${role.id}: ${role.score.toFixed(2)}`);
console.log(`The analyzer knows ${analyzer.listRoles().length} roles.`);
