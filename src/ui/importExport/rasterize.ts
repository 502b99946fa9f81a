/**
 * Browser canvas limits: Chromium refuses sides over 32,767 px and Firefox over ~16,384, and all
 * cap the area near 16,384² (268M) pixels. Above either, toBlob fails or returns a blank image, so
 * a large map is drawn at a lower scale instead, and the user is told.
 */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_PIXELS = 268_435_456;

export interface FittedSize {
  /** Device pixels per SVG unit actually used. */
  readonly scale: number;
  readonly width: number;
  readonly height: number;
  /** True when the requested scale did not fit and a lower one was used. */
  readonly reduced: boolean;
}

/** The largest scale up to `requested` at which a width × height picture fits a canvas. */
export function fitToCanvas(width: number, height: number, requested: number): FittedSize {
  const scale = Math.min(
    requested,
    MAX_CANVAS_SIDE / width,
    MAX_CANVAS_SIDE / height,
    Math.sqrt(MAX_CANVAS_PIXELS / (width * height)),
  );
  // width × (MAX / width) can come out a hair under MAX in floating point; that is still MAX.
  const pixels = (side: number) => Math.max(1, Math.floor(side * scale + 1e-6));
  return {
    scale,
    width: pixels(width),
    height: pixels(height),
    reduced: scale < requested,
  };
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the picture'));
    image.src = url;
  });
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob) resolve(blob);
      else reject(new Error('the browser could not encode the picture as PNG'));
    }, 'image/png');
  });
}

/**
 * Draws an SVG (our own, built from the model) onto a canvas at `size` and encodes it as PNG.
 * The SVG is scaled as a vector, so text and lines stay sharp at any scale.
 */
export async function rasterizeSvg(svg: string, size: FittedSize): Promise<Uint8Array> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser could not create a drawing canvas');
    context.drawImage(image, 0, 0, size.width, size.height);
    const png = await canvasToPng(canvas);
    return new Uint8Array(await png.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
