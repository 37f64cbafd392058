// Use resume-fit from CommonJS: the package ships a require() build (dist/index.cjs) next to the ES module.
//
//   node examples/commonjs.cjs
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { analyzeResume, InvalidInputError } = require('resume-fit');

const text = readFileSync(join(__dirname, 'resumes', 'customer-care-technician.txt'), 'utf8');

// The library never reads the clock; pass today's date (AS_OF=YYYY-MM-DD pins it for reproducible output).
const asOf = process.env.AS_OF ?? new Date().toISOString().slice(0, 10);
const report = analyzeResume(text, { target: 'customer-care-technician', asOf });

const best = report.roles[0];
console.log(`Best role: ${best.title} (${best.id}) ${best.score.toFixed(2)} ${best.band}`);
console.log(`Skills found: ${report.skills.map((s) => s.id).join(', ')}`);

// Errors are typed: bad input throws an InvalidInputError with a stable code (no resume text in the message).
try {
  analyzeResume(42);
} catch (e) {
  if (e instanceof InvalidInputError) console.log(`Rejected a number: ${e.code}`);
  else throw e;
}
