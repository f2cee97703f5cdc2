/**
 * The capture pieces of the app shell, on every lab: a page-level drop zone (drop a capture
 * anywhere: it opens on `#/capture`, and the drag is announced), and the share bar's capture
 * actions (open a capture; export the lab's case as a `.pcapng`, for the labs that have one).
 */
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { loadCatalogPart } from '../../core/i18n/index.ts';
import { downloadBlob } from '../embed/download.ts';
import { fmt } from '../i18n/format.tsx';
import type { LabInstance } from '../lab-kit/define-lab.ts';
import { CapturePicker, openCaptureFile } from './CapturePicker.tsx';
import { W } from './words.ts';
import './shell.css';

const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');

/** Drop a file anywhere on the page: it opens as a capture. */
export function CaptureDropZone() {
  const intl = useIntl();
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current += 1;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      depth.current = 0;
      setOver(false);
      const f = e.dataTransfer?.files?.[0];
      if (!f) return;
      e.preventDefault();
      openCaptureFile(f);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return (
    <>
      {/* A live region without role="status": the page's one status is the lab's issues banner. */}
      <p className="visually-hidden" aria-live="polite">
        {over ? fmt(intl, W.dropAnnounce) : ''}
      </p>
      {over && (
        <div className="capture-dropzone" aria-hidden="true">
          <p>{fmt(intl, W.dropHere)}</p>
        </div>
      )}
    </>
  );
}

/** Open capture (every lab) and Export pcapng (Fragmentation, Reassembly, Netlink), in the share bar. */
export function CaptureActions({ instance }: { instance: LabInstance }) {
  const intl = useIntl();
  const [status, setStatus] = useState('');
  const path = instance.lab.path;
  const exportable = path === 'fragment' || path === 'reassemble' || path === 'netlink';
  const save = async () => {
    try {
      // The writer and the models load with the first export, not with the page; their words
      // first (a catalog part of their own in the build: core/i18n/tools/catalog-parts.ts).
      await loadCatalogPart('page.export');
      const { labExport, isCaptureLab } = await import('./lab-export.ts');
      const live = instance.live;
      if (!live || !isCaptureLab(path)) return setStatus(fmt(intl, W.exportNothing));
      const r = labExport(path, live.store.getState());
      if (r.ok) {
        downloadBlob(new Blob([r.bytes as BlobPart], { type: 'application/x-pcapng' }), r.name);
        setStatus(fmt(intl, W.exported, { name: r.name, packets: r.packets }));
      } else if (r.reason === 'nothing') setStatus(fmt(intl, W.exportNothing));
      else setStatus(fmt(intl, W.exportFailed, { why: r.message }));
    } catch (e) {
      setStatus(fmt(intl, W.exportFailed, { why: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <>
      <CapturePicker className="share-btn" label={fmt(intl, W.openCapture)}>
        <span className="share-long">{fmt(intl, W.openCapture)}</span>
        <span className="share-short" aria-hidden="true">
          pcap
        </span>
      </CapturePicker>
      {exportable && (
        <button type="button" className="share-btn" onClick={() => void save()}>
          <span className="share-long">{fmt(intl, W.exportPcapng)}</span>
          <span className="share-short" aria-hidden="true">
            pcapng
          </span>
        </button>
      )}
      <span className="capture-export-status" role="status">
        {status}
      </span>
    </>
  );
}
