// Score a JSON Resume (https://jsonresume.org/schema) object and show where each skill was found, as a JSON path.
//
//   node examples/json-resume.mjs
//
// A JSON Resume is rendered to text internally; every piece of evidence keeps offsets into that rendering
// (`report.text`) and the JSON path it came from (`work[0].highlights[1]`), so an app can point at the field.
import { analyzeResume } from 'resume-fit';

/** A JSON Resume object, as you would get from JSON.parse(resume.json). */
const resume = {
  basics: { name: 'Sam Rivera', label: 'Emergency Room Technician', summary: 'ER technician with three years in a level II trauma center.' },
  work: [
    {
      name: 'Mercy General Hospital',
      position: 'Emergency Room Technician',
      startDate: '2023-03',
      highlights: [
        'Performed 12-lead EKGs and drew blood for 40 patients per shift in the emergency department',
        'Assisted physicians with splinting, wound care and trauma resuscitation',
      ],
    },
    {
      name: 'County EMS',
      position: 'EMT-Basic',
      startDate: '2021-01',
      endDate: '2023-02',
      highlights: ['Responded to 911 calls and provided patient transport'],
    },
  ],
  certificates: [{ name: 'BLS and ACLS', issuer: 'American Heart Association' }],
  skills: [{ name: 'Clinical', keywords: ['vital signs', 'phlebotomy'] }],
};

// The library never reads the clock; pass today's date (AS_OF=YYYY-MM-DD pins it for reproducible output).
const asOf = process.env.AS_OF ?? new Date().toISOString().slice(0, 10);
const report = analyzeResume(resume, { target: 'emergency-room-technician', asOf });

console.log(`Best role: ${report.roles[0].title} (${report.roles[0].score.toFixed(2)})`);
console.log(`${report.target.title}: ${report.target.score.toFixed(2)} ${report.target.band}\n`);

console.log('Evidence by JSON path:');
for (const skill of report.skills) {
  for (const e of skill.evidence) {
    // e.text === report.text.slice(e.start, e.end): the offsets point into the rendering.
    const flags = e.negated ? ' (negated)' : e.hedged ? ' (hedged)' : '';
    console.log(`  ${(e.path ?? '(no path)').padEnd(24)} ${skill.label}: "${e.text}"${flags}`);
  }
}
