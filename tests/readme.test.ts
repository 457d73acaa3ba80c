/** The README is what staff follow: it must name what the code offers. */
import { readFileSync } from 'node:fs';
import { PLACEHOLDERS } from '../src/core/documents';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README', () => {
  it('lists every placeholder a template may use', () => {
    for (const p of PLACEHOLDERS) expect(readme).toContain(`\`{{${p.name}}}\``);
  });
  it('keeps the two quick-start commands', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
