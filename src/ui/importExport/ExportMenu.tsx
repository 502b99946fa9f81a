import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import './importExport.css';

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

const menuItems = (menu: HTMLElement | null): HTMLElement[] => [
  ...(menu?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []),
];

/**
 * Open state and keys of a menu button (WAI-ARIA menu button pattern): opening focuses the first
 * item, arrows, Home and End move, Escape closes and returns focus to the button, Tab and a click
 * anywhere else close it.
 */
function useMenuButton() {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menuItems(menu.current)[0]?.focus();
    const closeOutside = ({ target }: PointerEvent) => {
      const inside =
        target instanceof Node &&
        (menu.current?.contains(target) === true || button.current?.contains(target) === true);
      if (!inside) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close(event.key === 'Escape');
      return;
    }
    const all = menuItems(menu.current);
    const current = all.findIndex((item) => item === document.activeElement);
    const next = nextIndex(event.key, current, all.length);
    if (next === null) return;
    event.preventDefault();
    all[next]?.focus();
  };
  return { open, setOpen, button, menu, close, onMenuKey };
}

/** The Export button and its menu of formats. */
export function ExportMenu({ onPick }: { readonly onPick: (format: ExportFormat) => void }) {
  const menuId = useId();
  const { open, setOpen, button, menu, close, onMenuKey } = useMenuButton();

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
