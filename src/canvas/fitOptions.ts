/** "Fit view" (button and F key): the whole map, never zoomed in beyond life size. */
export const FIT_ALL = { duration: 300, padding: 0.08, maxZoom: 1 } as const;
