import { Fragment, useEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import './printView.css';
import { parseBrief, type Block, type Inline } from './briefBlocks';

function InlineText({ content }: { readonly content: Inline }) {
  return content.map((span, i) => {
    const text = span.em ? <em>{span.text}</em> : span.text;
    return <Fragment key={i}>{span.strong ? <strong>{text}</strong> : text}</Fragment>;
  });
}

function BlockView({ block }: { readonly block: Block }) {
  switch (block.kind) {
    case 'heading': {
      const Heading = block.level === 1 ? 'h1' : block.level === 2 ? 'h2' : 'h3';
      return (
        <Heading>
          <InlineText content={block.content} />
        </Heading>
      );
    }
    case 'paragraph':
      return (
        <p>
          <InlineText content={block.content} />
        </p>
      );
    case 'list': {
      const List = block.ordered ? 'ol' : 'ul';
      return (
        <List>
          {block.items.map((item, i) => (
            <li key={i}>
              <InlineText content={item} />
            </li>
          ))}
        </List>
      );
    }
    case 'quote':
      return (
        <blockquote>
          {block.paragraphs.map((p, i) => (
            <p key={i}>
              <InlineText content={p} />
            </p>
          ))}
        </blockquote>
      );
  }
}

/** While mounted, printing shows only the brief (see the print rules in printView.css). */
function usePrintOnlyThis(): void {
  useEffect(() => {
    document.body.classList.add('cg-printing');
    return () => document.body.classList.remove('cg-printing');
  }, []);
}

/**
 * A clean page with the conflict brief, over the app: Print hands it to the browser, whose "Save
 * as PDF" makes the PDF. Rendered from the brief's Markdown as React elements, so user text stays
 * text.
 */
export function BriefPrintView({
  markdown,
  onClose,
}: {
  readonly markdown: string;
  readonly onClose: () => void;
}) {
  const blocks = useMemo(() => parseBrief(markdown), [markdown]);
  const printButton = useRef<HTMLButtonElement>(null);
  usePrintOnlyThis();
  useEffect(() => printButton.current?.focus(), []);
  return createPortal(
    <section
      className="cg-print"
      aria-label="Conflict brief print view"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="cg-print__bar">
        <button
          ref={printButton}
          type="button"
          className="cg-button cg-button--primary"
          onClick={() => window.print()}
        >
          Print
        </button>
        <button type="button" className="cg-button" onClick={onClose}>
          Close
        </button>
        <span className="cg-modal__hint">Choose “Save as PDF” in the print dialog for a PDF.</span>
      </div>
      <article className="cg-print__page">
        {blocks.map((block, i) => (
          <BlockView key={i} block={block} />
        ))}
      </article>
    </section>,
    document.body,
  );
}
