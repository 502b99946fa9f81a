/**
 * Mermaid flowchart export: the goal tree bottom-to-top (mission on top, links pointing up), with
 * stakeholders and their incentives, ready to paste into a wiki or a README.
 */
import type { GoalKind, MapDocument } from '../domain/model';
import { formatMetric } from './metric';
import { safeColor } from './xml';

/** Goal shapes by kind: the mission a hexagon, objectives boxes, KPIs rounded. */
const SHAPES: Readonly<Record<GoalKind | 'stakeholder', readonly [string, string]>> = {
  mission: ['{{', '}}'],
  objective: ['[', ']'],
  kpi: ['(', ')'],
  stakeholder: ['([', '])'],
};

/** The canvas colours (src/ui/styles.css) as Mermaid class styles. */
const CLASS_DEFS = [
  'classDef mission fill:#1b2a41,stroke:#1b2a41,color:#ffffff',
  'classDef objective fill:#ffffff,stroke:#364fc7,stroke-width:2px,color:#1f2933',
  'classDef kpi fill:#ffffff,stroke:#adb5bd,color:#1f2933',
  'classDef stakeholder fill:#ffffff,stroke:#5f6b76,stroke-width:2px,color:#1f2933',
];

/**
 * Characters Mermaid would read as syntax inside a quoted label, written as its entity codes:
 * `"` ends the label, `#…;` starts an entity, `%%` a comment or directive, `<`/`>`/`&` markup,
 * and a backtick a Markdown string.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '"': '#quot;',
  '#': '#35;',
  '%': '#37;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '`': '#96;',
};

/** A quoted Mermaid label that shows `lines` as written, one per line, whatever they contain. */
export function mermaidLabel(lines: readonly string[]): string {
  const escaped = lines.map((line) =>
    line
      .replace(/["#%&<>`]/g, (c) => ENTITIES[c] ?? c)
      .replace(/\r\n?|\n/g, '<br>')
      // Other control characters have no business in a label and can break a line of syntax.
      .replace(/\p{Cc}/gu, ' '),
  );
  return `"${escaped.join('<br>')}"`;
}

/** Map ids → Mermaid node ids: letters, digits and _ only, each one distinct. */
function nodeIds(prefix: string, ids: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const result = new Map<string, string>();
  for (const id of ids) {
    const base = `${prefix}_${id.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let candidate = base;
    for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
    taken.add(candidate);
    result.set(id, candidate);
  }
  return result;
}

/** The map as a Mermaid flowchart; Mermaid's parser accepts it whatever the titles say. */
export function exportMermaid(doc: MapDocument): string {
  const ids: NodeIds = {
    goals: nodeIds(
      'g',
      doc.goals.map((g) => g.id),
    ),
    people: nodeIds(
      's',
      doc.stakeholders.map((s) => s.id),
    ),
  };
  const lines = [...CLASS_DEFS, ...nodeLines(doc, ids), ...edgeLines(doc, ids)];
  return `flowchart BT\n${lines.map((line) => `  ${line}\n`).join('')}`;
}

interface NodeIds {
  readonly goals: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, string>;
}

function nodeLines(doc: MapDocument, ids: NodeIds): string[] {
  const lines: string[] = [];
  for (const goal of doc.goals) {
    const [open, close] = SHAPES[goal.kind];
    const figures = goal.metric && formatMetric(goal.metric);
    const text = figures ? [goal.title, figures] : [goal.title];
    lines.push(
      `${ids.goals.get(goal.id) ?? ''}${open}${mermaidLabel(text)}${close}:::${goal.kind}`,
    );
  }
  const [open, close] = SHAPES.stakeholder;
  for (const s of doc.stakeholders) {
    const subtitle = [s.role, s.team].filter(Boolean).join(' · ');
    const label = mermaidLabel(subtitle ? [s.name, subtitle] : [s.name]);
    const id = ids.people.get(s.id) ?? '';
    lines.push(
      `${id}${open}${label}${close}:::stakeholder`,
      `style ${id} stroke:${colorOf(s.color)}`,
    );
  }
  return lines;
}

const colorOf = (color: string | undefined) => safeColor(color, '#5f6b76');

/** Links first, then incentives; linkStyle counts edges in that order to colour incentives. */
function edgeLines(doc: MapDocument, ids: NodeIds): string[] {
  const lines: string[] = [];
  let edge = 0;
  for (const link of doc.links) {
    const from = ids.goals.get(link.from);
    const to = ids.goals.get(link.to);
    if (from === undefined || to === undefined) continue;
    lines.push(`${from} --> ${to}`);
    edge++;
  }
  const personColor = new Map(doc.stakeholders.map((s) => [s.id, s.color]));
  for (const incentive of doc.incentives) {
    const from = ids.people.get(incentive.stakeholderId);
    const to = ids.goals.get(incentive.goalId);
    if (from === undefined || to === undefined) continue;
    const arrow = incentive.kind === 'motivated' ? '-.->' : '-->';
    lines.push(
      `${from} ${arrow}|${mermaidLabel([incentive.kind])}| ${to}`,
      `linkStyle ${edge} stroke:${colorOf(personColor.get(incentive.stakeholderId))}`,
    );
    edge++;
  }
  // Last, so the linkStyle numbers above still count links and incentives only.
  for (const tradeOff of doc.tradeOffs) {
    const a = ids.goals.get(tradeOff.a);
    const b = ids.goals.get(tradeOff.b);
    if (a !== undefined && b !== undefined) {
      lines.push(`${a} <-.->|${mermaidLabel(['trades off against'])}| ${b}`);
    }
  }
  for (const line of doc.reportingLines) {
    const from = ids.people.get(line.from);
    const to = ids.people.get(line.to);
    if (from !== undefined && to !== undefined) {
      lines.push(`${from} -->|${mermaidLabel(['reports to'])}| ${to}`);
    }
  }
  return lines;
}
