// Reads reference files as a reference manager would, with Citation.js (BibTeX, RIS, CSL-JSON parsers),
// and prints what each holds as CSL-JSON: node read-citations.mjs FILE...
// A file a parser cannot read makes the script exit with 1, naming the file and the parser's complaint.
import { readFileSync } from 'node:fs';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';

const formats = { '.bib': '@bibtex/text', '.ris': '@ris/file', '.json': '@csl/list+object' };
const results = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  const format = formats[file.slice(file.lastIndexOf('.'))];
  try {
    const data = format === '@csl/list+object' ? JSON.parse(text) : text;
    const items = await Cite.async(data, { forceType: format, strict: true });
    results[file] = { items: items.data, bibliography: items.format('bibliography', { format: 'text', template: 'apa' }) };
  } catch (error) {
    console.error(`${file}: ${error.message}`);
    process.exit(1);
  }
}
console.log(JSON.stringify(results));
