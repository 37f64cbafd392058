/**
 * Writes the fixed bench corpus (bench/corpus/*.txt|md): 40 realistic resumes of about 5 KB in varied formats
 * (capital headings with bullets, Markdown, pipes, PDF-to-text with mojibake and broken lines, run-on narrative).
 * Seeded, so it is reproducible; the output is committed and the bench reads the files, not this script.
 *
 *   npx tsx bench/make-corpus.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

let seed = 20261124;
const rand = (): number => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], n: number): T[] => [...xs].sort(() => rand() - 0.5).slice(0, n);

const names = ['Maria Santos', 'Devon Carter', 'Aisha Rahman', 'Luis Ortega', 'Grace Kim', 'Tom Becker', 'Nia Johnson', 'Owen Walsh'];
const employers = ['VA Medical Center', 'Banner Health', 'Mercy Hospital', 'County EMS', 'Sunrise Home Care', 'Riverside Behavioral Health', 'Lakeside Physical Therapy', 'St. Luke\'s Health System', 'Comcast Customer Care', 'Valley Medical Records Services'];
const titles = ['Health Technician', 'Patient Care Technician', 'Emergency Room Technician', 'EMT-Basic', 'Home Health Aide', 'Psychiatric Technician', 'Physical Therapy Aide', 'Medical Records Clerk', 'Customer Care Representative', 'Mental Health Technician'];
const bullets = [
  'Obtained and recorded vital signs, height, weight and blood pressure for 30+ patients per shift.',
  'Performed 12-lead EKGs on chest pain patients and handed tracings to the attending physician.',
  'Drew blood and collected lab specimens; labeled and sent samples to the laboratory.',
  'Maintained medical and administrative records in Cerner with strict HIPAA confidentiality.',
  'Assisted providers with physical examinations, minor procedures and splinting of fractures.',
  'Responded to 911 calls as part of a two-person EMS crew providing basic life support.',
  'Provided home health care: bathing, grooming, meal preparation and medication reminders.',
  'Conducted 15-minute observational checks and co-led group therapy sessions on coping skills.',
  'Guided patients through therapeutic exercise and gait training under the physical therapist\'s plan of care.',
  'Abstracted and coded diagnoses with ICD-10-CM and CPT; resolved insurance claim denials.',
  'Answered 60 inbound calls a day, resolved technical problems and kept customer satisfaction above 95%.',
  'Developed educational materials and brochures on hypertension for veterans and their families.',
  'Monitored telemetry for a 32-bed step-down unit and reported rhythm changes to nursing staff.',
  'Performed CPR during code blues and initiated emergency alert notifications.',
  'Administered ABA therapy for children with autism and supported IEP goals in the classroom.',
  'Cleaned and decontaminated the ambulance and restocked supplies after every call.',
  'Scheduled radiology procedures and coordinated diets and lab draws for admitted patients.',
  'Greeted patients with outstanding customer service and verified insurance information at check-in.',
  'Transported patients by stretcher and wheelchair to imaging and procedures.',
  'Performed point-of-care glucose testing and documented results in the electronic health record.',
  'Supported telehealth visits by setting up video calls and collecting patient-reported readings.',
  'Entered charges and posted payments for patient billing; managed the records database.',
  'Taught patients to use continuous glucose monitors and fitness trackers at home.',
  'Provided compassion and reassurance to anxious patients and their families.',
];
const skillsList = ['Vital Signs', 'Blood Pressure', 'EKG/ECG', 'Phlebotomy', 'BLS', 'CPR/First Aid', 'HIPAA', 'EHR (Epic, Cerner)', 'Medical Terminology', 'Patient Care', 'Customer Service', 'ICD-10', 'Telemetry', 'Splinting', 'Infection Control', 'Data Entry', 'Microsoft Office', 'De-escalation', 'ABA', 'Home Health'];
const narrative = 'In this role I worked closely with nurses and physicians on a busy unit, where I was responsible for patient intake, taking vitals and charting, keeping the exam rooms stocked, and making sure every patient felt heard; I also trained two new technicians and helped the clinic move from paper charts to an electronic medical record, which cut our check-in time by a third and improved patient satisfaction scores.';

function mojibake(s: string): string {
  return s.replace(/–/g, 'â€“').replace(/’/g, 'â€™').replace(/é/g, 'Ã©');
}

function job(style: number, i: number): string {
  const title = pick(titles);
  const emp = pick(employers);
  const y = 2012 + Math.floor(rand() * 10);
  const dates = pick([`Jan ${y} – Present`, `${String(1 + (i % 12)).padStart(2, '0')}/${y} - 03/${y + 2}`, `${y}-${y + 3}`, `March ${y} to current`]);
  const bs = some(bullets, 6 + Math.floor(rand() * 3));
  switch (style) {
    case 0: return `${title.toUpperCase()} | ${emp} | ${dates}\n${bs.map((b) => `• ${b}`).join('\n')}\n`;
    case 1: return `**${title}** — ${emp} (${dates})\n${bs.map((b) => `- ${b}`).join('\n')}\n`;
    case 2: return `${title}, ${emp}\n${dates}\n${bs.map((b) => `\uf0b7 ${b.replace(/(.{60,70}) /, '$1\n  ')}`).join('\n')}\n`;
    default: return `${title} at ${emp}, ${dates}. ${narrative} ${bs.slice(0, 4).join(' ')}\n`;
  }
}

function resume(k: number): { name: string; text: string } {
  const style = k % 4;
  const name = names[k % names.length]!;
  const h = (s: string): string => (style === 1 ? `## ${s[0]}${s.slice(1).toLowerCase()}` : style === 3 ? `${s[0]}${s.slice(1).toLowerCase()}:` : s);
  let text = style === 1 ? `# ${name}\n` : `${name.toUpperCase()}\n`;
  text += `${name.split(' ')[0]!.toLowerCase()}@example.com | (555) 010-${String(1000 + k).slice(1)} | Tucson, AZ\n\n`;
  text += `${h('SUMMARY')}\nAllied health professional with ${3 + (k % 9)} years of experience in hospitals, clinics and the community. ${narrative}\n\n`;
  text += `${h('SKILLS')}\n${some(skillsList, 12).join(style === 0 ? ' | ' : style === 1 ? ' · ' : ', ')}\n\n`;
  text += `${h('PROFESSIONAL EXPERIENCE')}\n`;
  let jobs = '';
  for (let i = 0; i < 5 && (text.length + jobs.length) < 4700; i++) jobs += `${job(style === 3 ? 3 : style, i + k)}\n`;
  text += jobs;
  text += `${h('EDUCATION')}\nAssociate of Applied Science, Health Sciences — Pima Community College, ${2008 + (k % 8)}\nCoursework: medical terminology, anatomy and physiology, communications\n\n`;
  text += `${h('CERTIFICATIONS')}\n${some(['BLS (AHA)', 'CPR and First Aid', 'Certified Phlebotomy Technician', 'EMT-B (NREMT)', 'CNA', 'RHIT', 'Licensed Psychiatric Technician'], 3).join('\n')}\n`;
  if (style === 2) text = mojibake(text.replace(/ - /g, ' – ').replace(/'/g, '’'));
  return { name: `resume-${String(k).padStart(2, '0')}.${style === 1 ? 'md' : 'txt'}`, text };
}

const dir = join(import.meta.dirname ?? '.', 'corpus');
mkdirSync(dir, { recursive: true });
let total = 0;
for (let k = 0; k < 40; k++) {
  const r = resume(k);
  writeFileSync(join(dir, r.name), r.text);
  total += r.text.length;
}
console.log(`bench corpus: 40 resumes, ${(total / 40 / 1024).toFixed(1)} KB on average, in ${dir}`);
