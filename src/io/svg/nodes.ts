import type { Goal, GoalKind, Stakeholder } from '../../domain/model';
import { formatMetric } from '../metric';
import { createElement, safeColor, type XmlDocument, type XmlElement } from '../xml';
import type { Box } from './geometry';
import { COLORS, DIM_OPACITY, type Emphasis } from './style';
import { charsThatFit, truncate, wrapText } from './text';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with its attributes set. */
export function svgElement<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  name: string,
  attributes: Readonly<Record<string, string | number>> = {},
): E {
  return createElement(xml, SVG_NS, name, attributes);
}

/** A <text> (or <title>) whose content is set as text, so markup in it stays characters. */
export function svgText<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  content: string,
  attributes: Readonly<Record<string, string | number>> = {},
  name = 'text',
): E {
  const element = svgElement(xml, name, attributes);
  element.textContent = content;
  return element;
}

interface KindStyle {
  readonly fill: string;
  readonly stroke: string;
  readonly strokeWidth: number;
  readonly text: string;
  readonly kindText: string;
  readonly titleSize: number;
}

const KIND_STYLES: Readonly<Record<GoalKind, KindStyle>> = {
  mission: {
    fill: COLORS.mission,
    stroke: COLORS.mission,
    strokeWidth: 1.5,
    text: COLORS.white,
    kindText: COLORS.missionKind,
    titleSize: 18,
  },
  objective: {
    fill: COLORS.white,
    stroke: COLORS.objective,
    strokeWidth: 2,
    text: COLORS.ink,
    kindText: COLORS.objective,
    titleSize: 16,
  },
  kpi: {
    fill: COLORS.white,
    stroke: COLORS.kpiBorder,
    strokeWidth: 1.5,
    text: COLORS.ink,
    kindText: COLORS.muted,
    titleSize: 16,
  },
};

const KIND_LABEL: Readonly<Record<GoalKind, string>> = {
  mission: 'MISSION',
  objective: 'OBJECTIVE',
  kpi: 'KPI',
};

/** The canvas node's CSS box: padding, the kind line, two title lines, the metric line. */
const PADDING_X = 14;
const KIND_SIZE = 11;
const KIND_LINE = 14;
const GAP = 4;
const TITLE_LINE_HEIGHT = 1.25;
const METRIC_SIZE = 14;
const METRIC_LINE = 18;
/** Bold text runs wider than the 0.55 em average. */
const BOLD_EM = 0.6;

/** Chips drawn on a goal, as on the canvas; more holders show as "+n". */
const MAX_CHIPS = 5;
const CHIP_RADIUS = 8;
const CHIP_STEP = 20;

/**
 * Who holds a goal, one dot each in the person's colour across the box's bottom edge, as the
 * canvas draws holder chips (ties themselves are drawn only for the parties of a highlight).
 */
function holderChips<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  box: Box,
  holderColors: readonly string[],
): E[] {
  const cy = box.y + box.height;
  const cx = (i: number) => box.x + 10 + CHIP_RADIUS + i * CHIP_STEP;
  const chips = holderColors.slice(0, MAX_CHIPS).map((color, i) =>
    svgElement(xml, 'circle', {
      cx: cx(i),
      cy,
      r: CHIP_RADIUS,
      fill: safeColor(color, COLORS.edge),
      stroke: COLORS.white,
      'stroke-width': 2,
    }),
  );
  if (holderColors.length > MAX_CHIPS) {
    const more = `+${holderColors.length - MAX_CHIPS}`;
    chips.push(
      svgText(xml, more, {
        x: cx(MAX_CHIPS) - CHIP_RADIUS,
        y: cy + 4,
        fill: COLORS.muted,
        'font-size': 11,
        'font-weight': 600,
      }),
    );
  }
  return chips;
}

/**
 * A goal box styled by kind like the canvas node, with a chip per holder. Off-path goals are
 * dimmed; goals on a party's path get a ring in that party's colour; the nearest common goal
 * gets the orange outline.
 */
export function drawGoal<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  goal: Goal,
  box: Box,
  emphasis: Emphasis,
  holderColors: readonly string[] = [],
): E {
  const style = KIND_STYLES[goal.kind];
  const nearest = emphasis.active && goal.id === emphasis.nearestGoalId;
  const partyColors = emphasis.goalColors(goal.id);
  const group = svgElement(xml, 'g', { class: `cg-goal cg-goal--${goal.kind}` });
  if (emphasis.active && !nearest && partyColors.length === 0) {
    group.setAttribute('opacity', String(DIM_OPACITY));
  }
  const tooltip = goal.description ? `${goal.title}\n${goal.description}` : goal.title;
  group.appendChild(svgText(xml, tooltip, {}, 'title'));
  const [ring] = partyColors;
  if (ring !== undefined) group.appendChild(outline(xml, box, 1.5, ring, 3));
  if (nearest) group.appendChild(outline(xml, box, 5, COLORS.nearest, 4));
  group.appendChild(
    svgElement(xml, 'rect', {
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      rx: 10,
      fill: style.fill,
      stroke: style.stroke,
      'stroke-width': style.strokeWidth,
    }),
  );
  for (const { text, ...attributes } of goalLines(goal, box, nearest)) {
    group.appendChild(svgText(xml, text, attributes));
  }
  for (const chip of holderChips(xml, box, holderColors)) group.appendChild(chip);
  return group;
}

function outline<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  box: Box,
  spread: number,
  color: string,
  width: number,
): E {
  return svgElement(xml, 'rect', {
    x: box.x - spread,
    y: box.y - spread,
    width: box.width + 2 * spread,
    height: box.height + 2 * spread,
    rx: 10 + spread,
    fill: 'none',
    stroke: color,
    'stroke-width': width,
  });
}

interface TextLine extends Readonly<Record<string, string | number>> {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly fill: string;
  readonly 'font-size': number;
  readonly 'font-weight': number;
}

/** The lines inside a goal box, centred vertically as the canvas's flex column does. */
function goalLines(goal: Goal, box: Box, nearest: boolean): TextLine[] {
  const style = KIND_STYLES[goal.kind];
  const inner = box.width - 2 * PADDING_X;
  const titleLine = style.titleSize * TITLE_LINE_HEIGHT;
  const title = wrapText(goal.title, charsThatFit(inner, style.titleSize, BOLD_EM), 2);
  const metric = goal.metric && formatMetric(goal.metric);
  const height =
    KIND_LINE + GAP + title.length * titleLine + (metric === null ? 0 : GAP + METRIC_LINE);
  const x = box.x + PADDING_X;
  let top = box.y + (box.height - height) / 2;
  // Baseline of a line box: its top, plus half the leading, plus the font's ascent (~0.8 em).
  const baseline = (lineHeight: number, size: number) => top + (lineHeight - size) / 2 + size * 0.8;
  const lines: TextLine[] = [];
  const kindLabel = nearest ? 'NEAREST COMMON GOAL' : KIND_LABEL[goal.kind];
  lines.push({
    text: kindLabel,
    x,
    y: baseline(KIND_LINE, KIND_SIZE),
    fill: nearest ? COLORS.nearest : style.kindText,
    'font-size': KIND_SIZE,
    'font-weight': 600,
    'letter-spacing': '0.08em',
  });
  top += KIND_LINE + GAP;
  for (const text of title) {
    lines.push({
      text,
      x,
      y: baseline(titleLine, style.titleSize),
      fill: style.text,
      'font-size': style.titleSize,
      'font-weight': 600,
    });
    top += titleLine;
  }
  if (metric !== null) {
    top += GAP;
    lines.push({
      text: truncate(metric, charsThatFit(inner, METRIC_SIZE)),
      x,
      y: baseline(METRIC_LINE, METRIC_SIZE),
      fill: style.text,
      'font-size': METRIC_SIZE,
      'font-weight': 400,
    });
  }
  return lines;
}

/** The person's pill: a dot and border in their colour, name and "role · team". */
export function drawStakeholder<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  stakeholder: Stakeholder,
  box: Box,
  emphasis: Emphasis,
): E {
  const color = safeColor(stakeholder.color, COLORS.muted);
  const group = svgElement(xml, 'g', { class: 'cg-person' });
  if (emphasis.active && !emphasis.isParty(stakeholder.id)) {
    group.setAttribute('opacity', String(DIM_OPACITY));
  }
  const subtitle = [stakeholder.role, stakeholder.team].filter(Boolean).join(' · ');
  group.appendChild(
    svgText(xml, subtitle ? `${stakeholder.name}\n${subtitle}` : stakeholder.name, {}, 'title'),
  );
  const middle = box.y + box.height / 2;
  group.appendChild(
    svgElement(xml, 'rect', {
      x: box.x,
      y: box.y,
      width: box.width,
      height: box.height,
      rx: box.height / 2,
      fill: COLORS.white,
      stroke: color,
      'stroke-width': 2.5,
    }),
  );
  group.appendChild(svgElement(xml, 'circle', { cx: box.x + 23, cy: middle, r: 7, fill: color }));
  appendPersonText(xml, group, box, stakeholder.name, subtitle);
  return group;
}

/** Name in bold, then "role · team" muted beneath it, both cut to fit beside the dot. */
function appendPersonText<E extends XmlElement<E>>(
  xml: XmlDocument<E>,
  group: E,
  box: Box,
  name: string,
  subtitle: string,
): void {
  const x = box.x + 40;
  const inner = box.width - 40 - 16;
  const middle = box.y + box.height / 2;
  group.appendChild(
    svgText(xml, truncate(name, charsThatFit(inner, 15, BOLD_EM)), {
      x,
      y: subtitle ? middle - 2 : middle + 5,
      fill: COLORS.ink,
      'font-size': 15,
      'font-weight': 700,
    }),
  );
  if (!subtitle) return;
  group.appendChild(
    svgText(xml, truncate(subtitle, charsThatFit(inner, 12)), {
      x,
      y: middle + 14,
      fill: COLORS.muted,
      'font-size': 12,
    }),
  );
}
