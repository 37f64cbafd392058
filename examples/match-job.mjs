// Rank resumes for one job posting: what the posting asks (required and preferred), each resume's fit, and what the
// best one is missing.
//
//   node examples/match-job.mjs [posting.txt] [resume files...]
//
// Defaults: examples/postings/patient-care-technician.txt and the sample resumes in examples/resumes.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { matchJob, parseJobPosting } from 'resume-fit';

const here = new URL('.', import.meta.url).pathname;
const postingFile = process.argv[2] ?? join(here, 'postings', 'patient-care-technician.txt');
const resumeFiles = process.argv.length > 3 ? process.argv.slice(3) : readdirSync(join(here, 'resumes')).sort().map((f) => join(here, 'resumes', f));
// The library never reads the clock: `asOf` is the date years of experience are measured against.
const asOf = process.env.AS_OF ?? new Date().toISOString().slice(0, 10);

// Parse the posting once; matchJob reuses what it works out of it for every resume.
const posting = parseJobPosting(readFileSync(postingFile, 'utf8'));
console.log(`Posting: ${posting.title ?? '(no title)'} (closest role: ${posting.role?.title ?? 'none'})`);
for (const status of ['required', 'preferred']) {
  console.log(`  ${status}: ${posting.items.filter((i) => i.status === status).map((i) => i.id).join(', ') || '-'}`);
}
for (const y of posting.years) console.log(`  years: ${y.years} in ${y.skill ?? 'any work'} (${y.status}): "${y.evidence.text}"`);

// A resume file is text, or a JSON Resume document when it ends in .json.
const fits = resumeFiles.map((file) => {
  const text = readFileSync(file, 'utf8');
  return { file: basename(file), fit: matchJob(file.endsWith('.json') ? JSON.parse(text) : text, posting, { asOf }) };
}).sort((a, b) => b.fit.score - a.fit.score || (a.file < b.file ? -1 : 1));

console.log('\nRanking:');
for (const [i, { file, fit }] of fits.entries()) console.log(`  ${i + 1}. ${file}: ${fit.score.toFixed(2)} ${fit.band}`);

// The best fit explained: its contributions add up to the score; the missing items say why and how to show them.
const best = fits[0].fit;
console.log(`\nWhy ${fits[0].file} scores ${best.score.toFixed(2)}:`);
for (const c of best.contributions) console.log(`  +${c.points.toFixed(2)} ${c.component}: ${c.label} ("${c.evidence[0]?.text ?? ''}")`);
console.log('Missing:');
for (const g of best.missing) console.log(`  - ${g.label} (${g.component}): ${g.suggestion}`);
