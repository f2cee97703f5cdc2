import { useId, type ReactNode } from 'react';
import { captureStore } from './store.ts';

const ACCEPT = '.pcap,.pcapng,.cap,.dmp,application/vnd.tcpdump.pcap';

/** Open a capture file into the page's store and show it on `#/capture`. */
export function openCaptureFile(file: File): void {
  captureStore.getState().open(file, file.name);
  if (!location.hash.startsWith('#/capture')) location.hash = '#/capture';
}

/** A file input behind a button-like label: opens a capture (the label takes Enter and Space too). */
export function CapturePicker({
  className,
  children,
  label,
}: {
  className: string;
  children: ReactNode;
  /** The accessible name when the visible text is short. */
  label?: string;
}) {
  const id = useId();
  return (
    <span className="capture-picker">
      <input
        id={id}
        className="capture-file-input"
        type="file"
        accept={ACCEPT}
        aria-label={label}
        onChange={(e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (f) openCaptureFile(f);
        }}
      />
      <label htmlFor={id} className={className}>
        {children}
      </label>
    </span>
  );
}
