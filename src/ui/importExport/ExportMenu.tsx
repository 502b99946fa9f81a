import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';

export const EXPORT_FORMATS = [
  'JSON',
  'PNG',
  'SVG',
  'Conflict brief',
  'Mermaid',
  'GraphML',
  'CSV',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Where arrow keys, Home and End move focus within the menu, wrapping at both ends. */
function nextIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return (current + 1) % count;
    case 'ArrowUp':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/**
 * The Export button and its menu (WAI-ARIA menu button pattern): opening focuses the first item,
 * arrows move, Enter picks, Escape closes and returns focus to the button, and so does a click
 * anywhere else.
 */
export function ExportMenu({ onPick }: { readonly onPick: (format: ExportFormat) => void }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[0]?.focus();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target;
      if (
        target instanceof Node &&
        !menu.current?.contains(target) &&
        !button.current?.contains(target)
      ) {
        setOpen(false);
      }
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === 'Tab') {
      close(false);
      return;
    }
    const all = items();
    const current = all.findIndex((item) => item === document.activeElement);
    const next = nextIndex(event.key, current, all.length);
    if (next === null) return;
    event.preventDefault();
    all[next]?.focus();
  };

  return (
    <div className="cg-menu">
      <button
        ref={button}
        type="button"
        className="cg-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        Export
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Export"
          className="cg-menu__list"
          onKeyDown={onMenuKey}
        >
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="cg-menu__item"
              onClick={() => {
                close(true);
                onPick(format);
              }}
            >
              {format}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
