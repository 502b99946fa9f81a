import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GRAPHML_NS, exportGraphMl } from '../../../src/io/graphml';
import { importMapJson } from '../../../src/io/json';
import { exportMermaid } from '../../../src/io/mermaid';
import { parseXmlStrict, rootOf, xmlTools } from './xmlHelpers';

function fixture() {
  const text = readFileSync(new URL('../../fixtures/v2/tradeoffs.json', import.meta.url), 'utf8');
  const result = importMapJson(text);
  if (!result.ok) throw new Error('the v2 fixture does not import');
  return result.value.doc;
}

describe('exports carry what file format v2 added, where the format can say it', () => {
  it('Mermaid draws a trade-off as a dotted two-way edge and a reporting line as an arrow', () => {
    const text = exportMermaid(fixture());
    expect(text).toMatch(/ <-\.->\|"trades off against"\| /);
    expect(text.match(/-->\|"reports to"\|/g)).toHaveLength(2);
  });

  it('GraphML has an undirected trade-off edge with its note, reporting lines and owners', () => {
    const { xml: dom, serializer } = xmlTools(GRAPHML_NS, 'graphml');
    const xml = exportGraphMl(fixture(), dom, serializer);
    expect(rootOf(parseXmlStrict(xml, 'text/xml')).localName).toBe('graphml');
    expect(xml).toMatch(/<edge id="t0" source="g2" target="g3" directed="false">/);
    expect(xml).toContain('A deeper discount wins the deal and lowers margin.');
    expect(xml.match(/<data key="e_type">reporting-line<\/data>/g)).toHaveLength(2);
    expect(xml).toContain('<data key="n_owner">s-maya</data>');
  });
});
