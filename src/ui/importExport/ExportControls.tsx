import { useApp } from '../../store/appContext';
import { Suspense, useState } from 'react';
import { selectDoc, useDocumentStore } from '../../store/documentStore';
import { ExportMenu, type ExportFormat } from './ExportMenu';
import type { PictureFormat } from './ImageExportDialog';
import { lazyPart } from '../lazyPart';
import { downloadTextFormat, reportExportFailure } from './exportText';

// Dialogs that draw pictures or briefs load with the code they need, on first use.
const ImageExportDialog = lazyPart(
  async () => (await import('./ImageExportDialog')).ImageExportDialog,
);
const BriefDialog = lazyPart(async () => (await import('./BriefDialog')).BriefDialog);

type OpenDialog = PictureFormat | 'Conflict brief' | null;

/** The Export menu and whichever export dialog it opened. */
export function ExportControls() {
  const app = useApp();
  const doc = useDocumentStore(selectDoc);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  if (!doc) return null;
  const close = () => setDialog(null);

  const onPick = (format: ExportFormat) => {
    switch (format) {
      case 'PNG':
      case 'SVG':
      case 'Conflict brief':
        setDialog(format);
        return;
      case 'JSON':
      case 'Mermaid':
      case 'GraphML':
      case 'CSV':
        downloadTextFormat(app, format, doc).catch((error: unknown) =>
          reportExportFailure(app, error),
        );
    }
  };

  return (
    <>
      <ExportMenu onPick={onPick} />
      <Suspense fallback={null}>
        {(dialog === 'PNG' || dialog === 'SVG') && (
          <ImageExportDialog format={dialog} doc={doc} onClose={close} />
        )}
        {dialog === 'Conflict brief' && <BriefDialog doc={doc} onClose={close} />}
      </Suspense>
    </>
  );
}
