import { useState } from 'react';
import type { ImportResult, ReportSummary } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { formatPublished } from '../workbench/format-date';
import { Dialog } from './Dialog';
import { isolate } from './isolate';
import { readTextFile, type ImportFormat } from './read-text-file';

interface Props {
  reports: ReportSummary[];
  onClose(): void;
  onChanged(message: string, imported?: ImportResult): void;
}

/** Add a report (pasted or opened), or remove one. */
export function ReportsDialog({ reports, onClose, onChanged }: Props) {
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<ImportFormat>('text');
  const [fileName, setFileName] = useState<string | null>(null);
  const [outlet, setOutlet] = useState('');
  const [title, setTitle] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [url, setUrl] = useState('');
  const [replaces, setReplaces] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A refused removal is said by the report's own Remove button, not by the import form above the
  // list, which is scrolled out of view in a short window or at 200% zoom.
  const [removeError, setRemoveError] = useState<{ id: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const importReport = async () => {
    setBusy(true);
    setError(null);
    try {
      const summary = await call('reports:import', {
        content,
        format,
        fileName,
        outlet: outlet.trim(),
        title: title.trim() || null,
        publishedAt: publishedAt || null,
        url: url.trim() || null,
        language: null,
        replaces: replaces || null,
      });
      const carried = summary.carriedOver;
      onChanged(
        carried
          ? `Imported the updated “${isolate(summary.outlet)}”: ${carried.claims} decided claim(s) carried over${carried.lost > 0 ? `, ${carried.lost} no longer in the text` : ''}`
          : `Imported “${isolate(summary.outlet)}”`,
        summary,
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Reports" onClose={onClose} wide>
      <form
        className="import-form"
        aria-label="Add a report"
        onSubmit={(event) => {
          event.preventDefault();
          void importReport();
        }}
      >
        <h3>Add a report</h3>
        <label>
          Open a file (.txt, .md, .html)
          <input
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              try {
                const read = await readTextFile(file);
                setContent(read.content);
                setFormat(read.format);
                setFileName(file.name);
                if (!outlet) setOutlet(file.name.replace(/\.[^.]+$/, ''));
                setError(null);
              } catch (e) {
                setError((e as Error).message);
              }
            }}
          />
        </label>
        <label>
          …or paste the report's text
          <textarea
            dir="auto"
            rows={6}
            value={format === 'text' ? content : `[${format.toUpperCase()} from ${fileName}: the article text is extracted on import]`}
            readOnly={format !== 'text'}
            onChange={(e) => {
              setContent(e.target.value);
              setFileName(null);
            }}
          />
        </label>
        <div className="row">
          <label>
            Outlet (required)
            <input dir="auto" required value={outlet} onChange={(e) => setOutlet(e.target.value)} />
          </label>
          <label>
            Published
            <input type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
          </label>
        </div>
        <label>
          Title (optional: the first line otherwise)
          <input dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          URL
          <input type="url" dir="ltr" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <label>
          Updated version of
          <select value={replaces} onChange={(e) => setReplaces(e.target.value)}>
            <option value="">— a new report —</option>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {isolate(r.outlet)}: {isolate(r.title.slice(0, 60))}
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || content.trim() === '' || outlet.trim() === ''}>
          Import report
        </button>
      </form>

      <section aria-labelledby="stored-reports">
        <h3 id="stored-reports">In Isnad ({reports.length})</h3>
        <ul className="report-list">
          {reports.map((r) => (
            <li key={r.id} data-report-row={r.id}>
              <div>
                <bdi className="report-list__outlet">{r.outlet}</bdi> · {formatPublished(r.publishedAt)} · {r.characters.toLocaleString('en')} characters
                <div dir="auto" className="report-list__title">
                  {r.title}
                </div>
                {removeError?.id === r.id && (
                  <p className="error" role="alert">
                    Could not remove it: {removeError.message}
                  </p>
                )}
              </div>
              <button
                type="button"
                className="danger small"
                disabled={busy}
                aria-label={`Remove report ${r.outlet}`}
                onClick={async () => {
                  if (!window.confirm(`Remove “${isolate(r.outlet)}”? Its history stays in the log.`)) return;
                  setBusy(true);
                  setRemoveError(null);
                  try {
                    await call('reports:remove', { id: r.id, reason: null });
                    onChanged(`Removed “${isolate(r.outlet)}”`);
                  } catch (e) {
                    setRemoveError({ id: r.id, message: (e as Error).message });
                  } finally {
                    setBusy(false);
                  }
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      </section>
    </Dialog>
  );
}
