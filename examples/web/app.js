// The resume-fit demo: the library's own browser build, no framework, no network beyond this origin.
import { analyzeResume, compareRoles, listRoles, isResumeFitError, matchJob, parseJobPosting } from '/dist/browser/resume-fit.js';

// A fictional resume (examples/resumes/health-technician.txt).
const SAMPLE = `MARIA L. SANTOS
Tucson, AZ | (520) 555-0142 | maria.santos@example.com

PROFESSIONAL SUMMARY
Health technician with 5 years in VA outpatient clinics. Excellent interpersonal and customer service skills,
patient and calm with veterans and their families.

CORE COMPETENCIES
Vital Signs | Blood Pressure | EKG | Phlebotomy | HIPAA | EHR (CPRS, Cerner) | BLS | Patient Education

PROFESSIONAL EXPERIENCE
Health Technician, Southern Arizona VA Health Care System, Tucson, AZ          Mar 2020 – Present
• Obtained and recorded vital signs, height/weight and blood pressure for 35+ veterans per clinic day.
• Performed 12-lead EKGs and point-of-care glucose testing; flagged abnormal results to the provider.
• Maintained medical and administrative records in the electronic health record with strict confidentiality.
• Developed brochures and educational materials on hypertension for veterans and families.
• Assisted providers with physical examinations and minor procedures; stocked exam rooms.

Patient Care Technician, Banner Health, Tucson, AZ                             Jun 2018 – Feb 2020
• Provided direct patient care on a 30-bed telemetry unit; monitored cardiac rhythms.
• Greeted patients with outstanding customer service, verified insurance information and scheduled appointments.

EDUCATION
Associate of Applied Science, Medical Assisting — Pima Community College, 2018
Coursework: Medical Terminology, Anatomy and Physiology

CERTIFICATIONS
BLS (American Heart Association) | Certified Phlebotomy Technician (NHA)
`;

// A fictional posting.
const SAMPLE_POSTING = `Patient Care Technician
Responsibilities:
• Take and record vital signs and blood pressure
• Perform 12-lead EKGs and phlebotomy
• Document care in the electronic health record
Requirements:
• Current BLS certification (required)
• 1+ year of patient care experience
Preferred:
• Telemetry experience is a plus
`;

const MAX_FILE_BYTES = 2_000_000;
const MISSING_SHOWN = 5;
const $ = (id) => document.getElementById(id);

const state = { report: null, text: '', showAllMissing: false };

/** Creates an element with text and optional class. */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const fmt = (score) => score.toFixed(1);

function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = false;
  // Results of an earlier resume must not stand next to an error about this one.
  state.report = null;
  $('results').hidden = true;
  $('status').textContent = 'Not analysed.';
}

function clearError() {
  $('error').hidden = true;
  $('error').textContent = '';
}

/** A problem with what the user gave; its message is safe to show. */
class InputError extends Error {}

/** Text or a JSON Resume object. A parse failure never echoes the input (a resume is personal data). */
function parseInput(raw) {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('{')) return raw;
  try {
    return JSON.parse(trimmed);
  } catch {
    throw new InputError('This looks like JSON but is not valid JSON. Fix it, or paste the resume as plain text.');
  }
}

function analyze() {
  clearError();
  const raw = $('resume').value;
  if (!raw.trim()) {
    showError('Paste a resume, open a file or load the sample first.');
    return;
  }
  let report;
  let input;
  try {
    input = parseInput(raw);
    report = analyzeResume(input, { target: $('target').value });
  } catch (e) {
    // The library's messages name the problem, never the resume's content.
    showError(isResumeFitError(e) || e instanceof InputError ? e.message : 'The resume could not be analysed.');
    return;
  }
  state.report = report;
  state.text = report.text ?? input;
  state.showAllMissing = false;
  render();
}

function render() {
  const { report } = state;
  const best = report.roles[0];
  $('results').hidden = false;
  $('best').textContent = report.reason ? 'none' : `${best.title} · ${fmt(best.score)}`;
  $('target-score').textContent = `${report.target.title} · ${fmt(report.target.score)}`;
  $('skill-count').textContent = String(report.skills.length);
  $('duty-count').textContent = String(report.responsibilities.length);
  renderBars(report);
  renderMissing(report.target);
  $('cmp-a').value = report.target.id;
  $('cmp-b').value = report.comparison.b.id;
  renderComparison();
  renderHighlights(state.text, report.skills);
  $('status').textContent = report.reason
    ? `Analysed: ${report.reason}.`
    : `Analysed. Best fit: ${best.title}, ${fmt(best.score)} (${best.band}). ${report.target.title}: ${fmt(report.target.score)}. ${report.skills.length} skills found.`;
}

function renderBars(report) {
  const list = $('bars');
  list.replaceChildren();
  for (const role of report.roles) {
    const item = el('li', undefined, role.id === report.target.id ? 'bar is-target' : 'bar');
    item.dataset.role = role.id;
    const name = el('span', role.title, 'bar-name');
    if (role.id === report.target.id) name.append(el('span', 'target', 'pill'));
    const track = el('span', undefined, 'track');
    track.setAttribute('aria-hidden', 'true');
    const fill = el('span', undefined, `fill band-${role.band}`);
    fill.style.width = `${Math.max(0, Math.min(100, role.score))}%`; // CSSOM, allowed by the page's CSP
    track.append(fill);
    item.append(name, track, el('span', fmt(role.score), 'bar-score'), el('span', role.band, `band band-text-${role.band}`));
    list.append(item);
  }
}

function renderMissing(fit) {
  $('missing-role').textContent = fit.title;
  const list = $('missing');
  list.replaceChildren();
  const shown = state.showAllMissing ? fit.missing : fit.missing.slice(0, MISSING_SHOWN);
  for (const gap of shown) {
    const item = el('li');
    item.dataset.skill = gap.skill;
    const head = el('div', undefined, 'gap-head');
    head.append(el('strong', gap.label, 'gap-label'), el('span', `weight ${gap.weight}`, 'pill muted'));
    const suggestion = el('p', undefined, 'gap-suggestion');
    suggestion.append(el('span', 'Try: ', 'try'), gap.suggestion);
    item.append(head, el('p', gap.why, 'gap-why'), suggestion);
    list.append(item);
  }
  $('missing-none').hidden = fit.missing.length > 0;
  const more = $('more');
  more.hidden = fit.missing.length <= MISSING_SHOWN;
  more.textContent = state.showAllMissing ? 'Show fewer' : `Show all ${fit.missing.length}`;
  more.setAttribute('aria-expanded', String(state.showAllMissing));
}

function chips(title, labels, className) {
  const box = el('div', undefined, 'chip-group');
  box.append(el('h4', `${title} (${labels.length})`));
  if (labels.length === 0) {
    box.append(el('p', 'none', 'help'));
    return box;
  }
  const list = el('ul', undefined, `chips ${className}`);
  for (const label of labels) list.append(el('li', label));
  box.append(list);
  return box;
}

function renderSide(box, side, isBetter) {
  box.replaceChildren();
  const head = el('div', undefined, 'side-head');
  head.append(el('h3', side.title), el('span', fmt(side.score), isBetter ? 'side-score better' : 'side-score'));
  box.append(head, chips('Found, only this role asks', side.distinctFound, 'found'), chips('Missing, only this role asks', side.distinctMissing, 'lacking'));
}

function renderComparison() {
  if (!state.report) return;
  const a = $('cmp-a').value;
  const b = $('cmp-b').value;
  if (a === b) {
    $('cmp-summary').textContent = 'Choose two different roles to compare.';
    for (const id of ['cmp-side-a', 'cmp-side-b', 'cmp-context']) $(id).replaceChildren();
    $('cmp-shared').textContent = '';
    $('cmp-context-box').hidden = true;
    return;
  }
  const cmp = compareRoles(state.report, a, b);
  $('cmp-summary').textContent = cmp.summary;
  renderSide($('cmp-side-a'), cmp.a, cmp.better === cmp.a.id);
  renderSide($('cmp-side-b'), cmp.b, cmp.better === cmp.b.id);
  $('cmp-shared').textContent = cmp.sharedFound.length ? `Both roles ask for ${cmp.sharedFound.length} skills the resume shows.` : 'The resume shows none of the skills both roles ask for.';
  const context = $('cmp-context');
  context.replaceChildren(...cmp.context.map((line) => el('li', line)));
  $('cmp-context-box').hidden = cmp.context.length === 0;
}

function describe(e) {
  if (e.negated) return `${e.label} (negated${e.cue ? `: "${e.cue}"` : ''})`;
  if (e.hedged) return `${e.label} (hedged${e.cue ? `: "${e.cue}"` : ''})`;
  return e.label;
}

/**
 * Splits the text at every evidence boundary so overlapping evidence still yields non-nested marks; each mark
 * names every skill that covers it. Offsets are into the analysed text (report.text for JSON Resume).
 */
function renderHighlights(text, skills) {
  const spans = skills.flatMap((s) => s.evidence.map((e) => ({ start: e.start, end: e.end, label: s.label, negated: e.negated, hedged: e.hedged, cue: e.cue })));
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort((x, y) => x - y);
  const pieces = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const over = spans.filter((s) => s.start <= from && s.end >= to);
    const key = over.map(describe).join('; ');
    const last = pieces[pieces.length - 1];
    // Adjacent pieces covered by the same evidence are one mark.
    if (last && last.key === key && last.spans.every((s, j) => s === over[j]) && last.spans.length === over.length) last.to = to;
    else pieces.push({ from, to, key, spans: over });
  }
  const out = $('highlighted');
  out.replaceChildren();
  for (const p of pieces) {
    const slice = text.slice(p.from, p.to);
    if (p.spans.length === 0) {
      out.append(slice);
      continue;
    }
    const mark = el('mark', slice);
    mark.title = p.key;
    mark.dataset.tip = p.key;
    mark.tabIndex = 0;
    if (p.spans.every((s) => s.negated)) mark.className = 'neg';
    else if (p.spans.every((s) => s.hedged || s.negated)) mark.className = 'hedge';
    out.append(mark);
  }
}

async function readFile(file) {
  clearError();
  const name = file.name.toLowerCase();
  if (/\.(pdf|docx?|odt|rtf)$/.test(name)) {
    showError('PDF and Word files go through the resume-fit command-line tool, which reads them. Here, paste the text or open a .txt, .md or .json file.');
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError(`That file is ${(file.size / 1e6).toFixed(1)} MB; a resume file here can be at most 2 MB.`);
    return;
  }
  $('resume').value = await file.text();
  analyze();
}

function init() {
  const roles = listRoles();
  for (const select of [$('target'), $('cmp-a'), $('cmp-b')]) {
    select.replaceChildren(...roles.map((r) => { const o = el('option', r.title); o.value = r.id; return o; }));
  }
  $('target').value = 'health-technician';
  for (const id of ['target', 'analyze', 'sample']) $(id).disabled = false;

  $('form').addEventListener('submit', (e) => { e.preventDefault(); analyze(); });
  $('resume').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); analyze(); }
  });
  $('sample').addEventListener('click', () => { $('resume').value = SAMPLE; analyze(); });
  $('clear').addEventListener('click', () => {
    $('resume').value = '';
    $('file').value = '';
    state.report = null;
    $('results').hidden = true;
    clearError();
    $('status').textContent = 'Cleared.';
    $('resume').focus();
  });
  $('target').addEventListener('change', () => { if (state.report) analyze(); });
  $('more').addEventListener('click', () => { state.showAllMissing = !state.showAllMissing; renderMissing(state.report.target); });
  $('cmp-a').addEventListener('change', renderComparison);
  $('cmp-b').addEventListener('change', renderComparison);
  $('file').addEventListener('change', () => {
    const file = $('file').files?.[0];
    if (file) readFile(file);
  });

  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('dragging'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('dragging');
    const file = e.dataTransfer?.files?.[0];
    if (file) readFile(file);
  });
  $('status').textContent = 'Ready. Paste a resume or load the sample.';
  document.body.dataset.ready = 'true';
}

init();

/** Scores the resume against the pasted posting: matchJob's fit, missing items (required first) and items shown. */
function matchPosting() {
  clearError();
  const raw = $('resume').value;
  const postingText = $('posting').value;
  if (!raw.trim() || !postingText.trim()) {
    showError('Paste a resume and a job posting first.');
    return;
  }
  let fit;
  try {
    const posting = parseJobPosting(postingText);
    // The date experience is measured against: today, read here (the library reads no clock).
    fit = matchJob(parseInput(raw), posting, { asOf: new Date().toISOString().slice(0, 10) });
  } catch (e) {
    showError(isResumeFitError(e) || e instanceof InputError ? e.message : 'The posting could not be matched.');
    return;
  }
  $('job').hidden = false;
  $('job-summary').textContent = fit.reason
    ? `Score 0: ${fit.reason}.`
    : `${fit.title ?? 'This posting'}: ${fmt(fit.score)} (${fit.band}). ${fit.shown.length} of ${fit.shown.length + fit.missing.length} items shown.`;
  const missing = $('job-missing');
  missing.replaceChildren();
  for (const gap of fit.missing) {
    const item = el('li');
    item.dataset.skill = gap.skill;
    item.append(el('strong', gap.label), el('span', gap.component, `pill ${gap.component === 'required' ? '' : 'muted'}`), el('p', `${gap.why} ${gap.suggestion}`, 'gap-suggestion'));
    missing.append(item);
  }
  const shown = $('job-shown');
  shown.replaceChildren();
  for (const s of fit.shown) shown.append(el('li', `${s.label} (${s.status}): “${s.evidence[0]?.text ?? ''}”`));
  $('status').textContent = `Matched to the posting: ${fmt(fit.score)} (${fit.band}).`;
}

$('match').addEventListener('click', matchPosting);
$('posting-sample').addEventListener('click', () => { $('posting').value = SAMPLE_POSTING; });
$('match').disabled = false;
$('posting-sample').disabled = false;
