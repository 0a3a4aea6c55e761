import { type ReactNode, useId, useRef } from 'react';

interface Props {
  readonly accept: string;
  readonly disabled: boolean;
  /** Marks the button busy while `onFile` runs. */
  readonly busy: boolean;
  /** Reads the chosen file; reports its own failures. */
  readonly onFile: (file: File) => Promise<void>;
  /** The button's text, which also names the file input. */
  readonly children: ReactNode;
}

/**
 * A file input shown as a small button: the input is visually hidden but keeps the focus, and its label
 * is what shows. Once a file is read the input is cleared, so the same file can be chosen again.
 */
export function FileButton({ accept, disabled, busy, onFile, children }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        id={id}
        className="file-button-input visually-hidden"
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (!file) return;
          void onFile(file).finally(() => {
            if (input.current) input.current.value = '';
          });
        }}
      />
      <label htmlFor={id} className="button button-small file-button" aria-busy={busy || undefined}>
        {children}
      </label>
    </>
  );
}
