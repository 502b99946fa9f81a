/** SVG export: the map drawn from the model (not a screenshot), built with DOM methods. */
export { EMPTY_VIEW, EXPORT_MARGIN, svgSize, svgViewBox, type Box } from './geometry';
export { SVG_NS } from './nodes';
export { renderMapSvg, serializeSvg, type SvgExportOptions } from './render';
export type { SvgHighlight, SvgPartyPath } from './style';
