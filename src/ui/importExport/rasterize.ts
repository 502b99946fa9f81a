/**
 * A3 at 300 dpi (420 × 297 mm = 4,961 × 3,508 dots): all a printer can use, so a PNG is never
 * drawn larger. A whole map at 2× would otherwise be 100–270 megapixels and take seconds to
 * draw and encode for no visible gain. The cap sits well inside every browser's canvas limit
 * (Chromium 32,767 px a side, Firefox about 16,384, and an area near 268 M pixels).
 */
export const PRINT_LONG_SIDE = 4961;
export const PRINT_SHORT_SIDE = 3508;

export interface FittedSize {
  /** Device pixels per SVG unit actually used. */
  readonly scale: number;
  readonly width: number;
  readonly height: number;
  /** True when the requested scale would exceed A3 at 300 dpi and a lower one was used. */
  readonly reduced: boolean;
}

/**
 * The largest scale up to `requested` at which a width × height picture fits A3 at 300 dpi,
 * in whichever orientation suits it; the aspect is kept.
 */
export function fitToPrint(width: number, height: number, requested: number): FittedSize {
  const [long, short] = width >= height ? [width, height] : [height, width];
  const scale = Math.min(requested, PRINT_LONG_SIDE / long, PRINT_SHORT_SIDE / short);
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
