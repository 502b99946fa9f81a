import { createContext } from 'react';

/**
 * Semantic zoom. Below `titleZoom` a box's details are specks: goals show their title alone, at
 * `titlePx` on screen (see ZoomedTitleSize). Below `boxZoom` a KPI's title no longer fits its box
 * at a readable size and KPIs draw as plain boxes (much cheaper on big maps), while objectives
 * and the mission keep large titles over their box.
 */
export interface ZoomForms {
  readonly titleZoom: number;
  readonly boxZoom: number;
  readonly titlePx: number;
}

/** The editor: the full box (11–13 px details, 16 px titles) down to 55 %, titles at 13 px. */
export const EDITOR_FORMS: ZoomForms = { titleZoom: 0.55, boxZoom: 0.3, titlePx: 13 };

/**
 * Workshop mode is read off a projector: titles never under 16 px on screen, so below life size
 * (where the full box's 16 px titles shrink) goals show their title alone at 16 px.
 */
export const WORKSHOP_FORMS: ZoomForms = { titleZoom: 1, boxZoom: 0.35, titlePx: 16 };

export const ZoomFormsContext = createContext<ZoomForms>(EDITOR_FORMS);

export type Form = 'full' | 'title' | 'box';

export function formAt(zoom: number, forms: ZoomForms): Form {
  if (zoom >= forms.titleZoom) return 'full';
  return zoom >= forms.boxZoom ? 'title' : 'box';
}
