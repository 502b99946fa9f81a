import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { toLayoutInput } from '../../../src/canvas/layoutInput';
import { addTradeOff } from '../../../src/domain/commands';
import { buildGoalIndex, findCommonGround } from '../../../src/domain/engine';
import { createExampleMap } from '../../../src/domain/exampleMap';
import { createEmptyMap } from '../../../src/domain/factories';
import { asGoalId, asStakeholderId } from '../../../src/domain/ids';
import { NODE_SIZE, type LayoutPositions } from '../../../src/domain/layoutTypes';
import type { MapDocument } from '../../../src/domain/model';
import {
  EXPORT_MARGIN,
  SVG_NS,
  renderMapSvg,
  serializeSvg,
  svgSize,
  svgViewBox,
  type SvgExportOptions,
  type SvgHighlight,
} from '../../../src/io/svg';
import { graphemes, wrapText } from '../../../src/io/svg/text';
import { computeLayout } from '../../../src/layout/layout';
import { arbMapDocument } from '../domain/arbitraries';
import { allElements, parseXmlStrict, rootOf, xmlTools } from './xmlHelpers';
import { goalNodeId, stakeholderNodeId } from '../../../src/domain/nodeIds';

const NOW = '2026-01-01T00:00:00.000Z';
const example = createExampleMap(NOW);
const examplePositions = computeLayout(toLayoutInput(example));

function exportSvg(doc: MapDocument, positions: LayoutPositions, options: SvgExportOptions = {}) {
  const { xml, serializer } = xmlTools(SVG_NS, 'svg');
  const text = serializeSvg(renderMapSvg(doc, positions, options, xml), serializer);
  return { text, root: rootOf(parseXmlStrict(text, 'image/svg+xml')) };
}

const goalGroups = (root: Element) =>
  allElements(root).filter((e) => (e.getAttribute('class') ?? '').startsWith('cg-goal '));

const textsOf = (root: Element) =>
  allElements(root)
    .filter((e) => e.localName === 'text' || e.localName === 'title')
    .map((e) => e.textContent ?? '');

/** The common-ground view of Dana (sales) and Tom (finance), as the canvas would highlight it. */
function salesFinanceHighlight(): SvgHighlight {
  const result = findCommonGround(buildGoalIndex(example), [
    asStakeholderId('s-vp-sales'),
    asStakeholderId('s-cfo'),
  ]);
  if (result.status !== 'found') throw new Error(`expected a found answer, got ${result.status}`);
  const nearest = result.answers[0];
  if (nearest === undefined) throw new Error('no nearest goal');
  const colorOf = new Map(example.stakeholders.map((s) => [s.id, s.color]));
  return {
    nearestGoalId: nearest.goalId,
    paths: nearest.climbs.map((c) => ({
      stakeholderId: c.stakeholderId,
      color: colorOf.get(c.stakeholderId) ?? '#000000',
      path: c.path,
    })),
  };
}

describe('renderMapSvg', () => {
  it('draws the example map as an SVG document sized to all its nodes', () => {
    const { text, root } = exportSvg(example, examplePositions);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(root.namespaceURI).toBe(SVG_NS);
    const size = svgSize(example, examplePositions);
    expect(root.getAttribute('width')).toBe(String(size.width));
    expect(root.getAttribute('height')).toBe(String(size.height));
    expect(goalGroups(root)).toHaveLength(example.goals.length);
    const links = allElements(root).filter((e) => e.getAttribute('marker-end') !== null);
    expect(links).toHaveLength(example.links.length);
    expect(textsOf(root)).toContain('Northwind Analytics');
  });

  it('keeps every node inside the picture, with the margin around the outermost ones', () => {
    const view = svgViewBox(example, examplePositions);
    const entries = Object.entries(examplePositions);
    const left = Math.min(...entries.map(([, p]) => p.x));
    const top = Math.min(...entries.map(([, p]) => p.y));
    expect(view.x).toBe(left - EXPORT_MARGIN);
    expect(view.y).toBe(top - EXPORT_MARGIN);
    for (const goal of example.goals) {
      const p = examplePositions[goalNodeId(goal.id)];
      if (p === undefined) throw new Error(`no position for ${goal.id}`);
      expect(p.x + NODE_SIZE[goal.kind].width).toBeLessThanOrEqual(view.x + view.width);
      expect(p.y + NODE_SIZE[goal.kind].height).toBeLessThanOrEqual(view.y + view.height);
    }
  });

  it('shows the current view when given a region', () => {
    const region = { x: 100, y: 50, width: 800.5, height: 450 };
    const { root } = exportSvg(example, examplePositions, { region });
    expect(root.getAttribute('viewBox')).toBe('100 50 800.5 450');
    expect(root.getAttribute('width')).toBe('801');
    expect(root.getAttribute('height')).toBe('450');
  });

  it('falls back to the whole map for a region that is not a rectangle', () => {
    const { root } = exportSvg(example, examplePositions, {
      region: { x: 0, y: 0, width: 0, height: Number.NaN },
    });
    const view = svgViewBox(example, examplePositions);
    expect(root.getAttribute('viewBox')).toBe(`${view.x} ${view.y} ${view.width} ${view.height}`);
  });

  it('exports an empty map as a readable picture, never a blank one', () => {
    const { root } = exportSvg(createEmptyMap('Empty', NOW), {});
    expect(Number(root.getAttribute('width'))).toBeGreaterThan(0);
    expect(textsOf(root)).toContain('This map has no goals or stakeholders yet.');
  });

  it('uses the background colour given, and white for anything that is not #rrggbb', () => {
    const background = (options: SvgExportOptions) =>
      allElements(exportSvg(example, examplePositions, options).root)
        .find((e) => e.localName === 'rect')
        ?.getAttribute('fill');
    expect(background({ background: '#f6f7f9' })).toBe('#f6f7f9');
    expect(background({ background: 'url(javascript:alert(1))' })).toBe('#ffffff');
  });

  it('shows who holds a goal as chips, not as ties across the tree', () => {
    const elements = allElements(exportSvg(example, examplePositions).root);
    expect(elements.filter((e) => e.localName === 'circle')).toHaveLength(
      new Set(example.incentives.map((i) => `${i.goalId} ${i.stakeholderId}`)).size +
        example.stakeholders.length,
    );
    expect(elements.some((e) => e.getAttribute('class')?.startsWith('cg-incentive '))).toBe(false);
  });

  it('writes a KPI as "current → target unit ↑"', () => {
    expect(textsOf(exportSvg(example, examplePositions).root)).toContain('104% → 115% ↑');
  });
});

describe('renderMapSvg with an open common-ground view', () => {
  const highlight = salesFinanceHighlight();
  const { root } = exportSvg(example, examplePositions, { highlight });
  const elements = allElements(root);

  it('outlines the nearest common goal in orange', () => {
    const nearest = goalGroups(root).find((g) =>
      allElements(g).some((e) => e.textContent === 'NEAREST COMMON GOAL'),
    );
    expect(nearest).toBeDefined();
    expect(allElements(nearest ?? root).some((e) => e.getAttribute('stroke') === '#f08c00')).toBe(
      true,
    );
  });

  it('draws the ties of the parties alone', () => {
    const parties = new Set(highlight.paths.map((p) => p.stakeholderId));
    const ties = elements.filter((e) => e.getAttribute('class')?.startsWith('cg-incentive '));
    expect(ties).toHaveLength(
      example.incentives.filter((i) => parties.has(i.stakeholderId)).length,
    );
  });

  it('draws each path thick in its party colour and dims everything else', () => {
    const onPath = new Set(highlight.paths.flatMap((p) => p.path));
    const dimmed = goalGroups(root).filter((g) => g.getAttribute('opacity') === '0.25');
    expect(dimmed).toHaveLength(example.goals.filter((g) => !onPath.has(g.id)).length);
    const thick = elements.filter(
      (e) => e.localName === 'path' && e.getAttribute('stroke-width') === '4',
    );
    const climbed = highlight.paths.reduce((n, p) => n + p.path.length - 1, 0);
    expect(thick).toHaveLength(climbed);
    const partyColors = new Set(highlight.paths.map((p) => p.color));
    for (const link of thick) expect(partyColors.has(link.getAttribute('stroke') ?? '')).toBe(true);
  });
});

describe('renderMapSvg draws trade-offs', () => {
  const result = addTradeOff(example, {
    a: asGoalId('g-nrr'),
    b: asGoalId('g-cloud-cost'),
    note: 'Keeping every account costs infrastructure',
  });
  if (!result.ok) throw new Error(result.error.message);
  const withTradeOff = result.value;
  const layer = (root: Element) =>
    allElements(root).find((e) => e.getAttribute('class') === 'cg-trade-offs');

  it('as dashed curves between the goals’ sides, labelled as on the canvas', () => {
    const { root } = exportSvg(withTradeOff, examplePositions);
    const drawn = allElements(layer(root) ?? root);
    const curves = drawn.filter((e) => e.localName === 'path');
    expect(curves).toHaveLength(withTradeOff.tradeOffs.length);
    for (const curve of curves) {
      expect(curve.getAttribute('stroke-dasharray')).toBe('8 5');
      expect(curve.getAttribute('d')).toMatch(/^M[-\d.]+,[-\d.]+ C/);
    }
    expect(textsOf(layer(root) ?? root).filter((t) => t === '⇄ trades off')).toHaveLength(
      withTradeOff.tradeOffs.length,
    );
    expect(layer(root)?.getAttribute('opacity')).toBeNull();
  });

  it('dimmed while a common-ground view is open: the engine never climbs them', () => {
    const { root } = exportSvg(withTradeOff, examplePositions, {
      highlight: salesFinanceHighlight(),
    });
    expect(layer(root)?.getAttribute('opacity')).toBe('0.25');
  });
});

describe('renderMapSvg keeps user text as text', () => {
  const hostile = [
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '"><script>alert(1)</script>',
    "' onload='alert(1)",
    ']]><svg onload=alert(1)>',
  ];
  const doc: MapDocument = {
    ...example,
    map: { ...example.map, name: '<script>alert("name")</script>' },
    goals: example.goals.map((g, i) => ({ ...g, title: hostile[i % hostile.length] ?? g.title })),
    stakeholders: example.stakeholders.map((s, i) => ({
      ...s,
      name: hostile[i % hostile.length] ?? s.name,
      role: 'javascript:void(0)',
      color: i === 0 ? 'red" onmouseover="alert(1)' : s.color,
    })),
  };
  const { root } = exportSvg(doc, examplePositions, { highlight: salesFinanceHighlight() });
  const elements = allElements(root);

  it('has no script element, no event handler attribute and no javascript: URL', () => {
    expect(elements.filter((e) => (e.localName ?? '').toLowerCase() === 'script')).toEqual([]);
    for (const element of elements) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name.toLowerCase().startsWith('on')).toBe(false);
        expect(attribute.value.toLowerCase()).not.toContain('javascript:');
      }
    }
  });

  it('shows each label verbatim as text', () => {
    const texts = textsOf(root);
    expect(texts).toContain('<script>alert("name")</script>');
    for (const label of hostile) {
      expect(texts.some((t) => t.startsWith(label))).toBe(true);
    }
  });

  it('never puts an invalid colour into an attribute', () => {
    const colors = elements.flatMap((e) => [e.getAttribute('fill'), e.getAttribute('stroke')]);
    for (const color of colors) {
      if (color !== null && color !== 'none') expect(color).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
});

describe('renderMapSvg on random maps', () => {
  it('always gives a well-formed picture with every goal inside it', () => {
    const arbPositions = (doc: MapDocument) =>
      fc.tuple(
        ...[
          ...doc.goals.map((g) => goalNodeId(g.id)),
          ...doc.stakeholders.map((s) => stakeholderNodeId(s.id)),
        ].map((id) =>
          fc.record({
            id: fc.constant(id),
            x: fc.integer({ min: -5000, max: 5000 }),
            y: fc.integer({ min: -5000, max: 5000 }),
          }),
        ),
      );
    fc.assert(
      fc.property(
        arbMapDocument({ maxGoals: 16 }).chain((doc) =>
          arbPositions(doc).map((placed) => ({ doc, placed })),
        ),
        ({ doc, placed }) => {
          const positions = Object.fromEntries(placed.map((p) => [p.id, { x: p.x, y: p.y }]));
          const { root } = exportSvg(doc, positions);
          expect(goalGroups(root)).toHaveLength(doc.goals.length);
          const view = svgViewBox(doc, positions);
          for (const p of placed) {
            expect(p.x).toBeGreaterThanOrEqual(view.x);
            expect(p.y).toBeGreaterThanOrEqual(view.y);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('wrapText', () => {
  it('wraps at word boundaries into two lines and ends a longer title with an ellipsis', () => {
    expect(wrapText('Every mid-market team decides with data', 20, 2)).toEqual([
      'Every mid-market',
      'team decides with…',
    ]);
  });

  it('keeps a short title on one line and cuts a word longer than a line', () => {
    expect(wrapText('Uptime', 20, 2)).toEqual(['Uptime']);
    expect(wrapText('Supercalifragilisticexpialidocious', 10, 2)).toEqual([
      'Supercalif',
      'ragilisti…',
    ]);
  });

  it('never cuts an accented letter, an emoji or a flag in half', () => {
    expect(graphemes('Cafe\u0301 🚀👍🏽🇩🇪')).toEqual([
      'C',
      'a',
      'f',
      'e\u0301',
      ' ',
      '🚀',
      '👍🏽',
      '🇩🇪',
    ]);
    expect(wrapText('🚀🚀🚀 👍🏽👍🏽👍🏽', 3, 1)).toEqual(['🚀🚀…']);
  });

  it('collapses newlines and runs of spaces', () => {
    expect(wrapText('  New\n\nARR  ', 20, 2)).toEqual(['New ARR']);
  });

  it('never returns more lines than asked, or lines longer than asked', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (text, n) => {
        const lines = wrapText(text, n, 2);
        expect(lines.length).toBeLessThanOrEqual(2);
        for (const line of lines) expect(graphemes(line).length).toBeLessThanOrEqual(n);
      }),
    );
  });
});

it('finds goal ids through the positions map without walking the prototype chain', () => {
  const doc: MapDocument = {
    ...createEmptyMap('Proto', NOW),
    goals: [
      {
        id: asGoalId('constructor'),
        title: 'Constructor',
        kind: 'objective',
        description: '',
        metric: null,
        position: { x: 10, y: 20, pinned: true },
        owner: null,
      },
    ],
  };
  expect(svgViewBox(doc, {})).toEqual({
    x: 10 - EXPORT_MARGIN,
    y: 20 - EXPORT_MARGIN,
    width: NODE_SIZE.objective.width + 2 * EXPORT_MARGIN,
    height: NODE_SIZE.objective.height + 2 * EXPORT_MARGIN,
  });
});

describe('SVG export of a map drawn left to right', () => {
  const input = toLayoutInput(example, 'leftRight');
  const positions = computeLayout(input);

  it('draws each link from the child’s left side to the parent’s right side, as the canvas does', () => {
    const { root } = exportSvg(example, positions, { orientation: 'leftRight' });
    const layer = allElements(root).find((e) => e.getAttribute('class') === 'cg-links');
    const paths = layer ? allElements(layer).filter((e) => e.localName === 'path') : [];
    expect(paths).toHaveLength(example.links.length);
    example.links.forEach((link, k) => {
      const [child, parent] = [positions[goalNodeId(link.from)], positions[goalNodeId(link.to)]];
      const [childGoal, parentGoal] = [link.from, link.to].map((id) =>
        example.goals.find((g) => g.id === id),
      );
      if (!child || !parent || !childGoal || !parentGoal) throw new Error(`${link.id} not placed`);
      const points = (paths[k]?.getAttribute('d') ?? '').split(' ').map((p) => p.slice(1));
      const childSize = NODE_SIZE[childGoal.kind];
      const parentSize = NODE_SIZE[parentGoal.kind];
      expect(points[0]).toBe(`${child.x},${child.y + childSize.height / 2}`);
      expect(points.at(-1)).toBe(
        `${parent.x + parentSize.width},${parent.y + parentSize.height / 2}`,
      );
    });
  });
});
