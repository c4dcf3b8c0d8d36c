import { useEffect, useRef, useState } from 'react';
import type { ImportResult, ReportSummary } from '../../../shared/contract/channels';
import { call } from '../api/client';
import { useFormat, useT } from '../i18n/use-t';
import { Dialog } from './Dialog';
import { errorText } from './error-text';
import { isolate } from './isolate';
import { readTextFile, type ImportFormat } from './read-text-file';

/** How long Undo is offered before a report's removal is recorded. */
const REMOVAL_DELAY_MS = 5000;

interface Props {
  reports: ReportSummary[];
  onClose(): void;
  onChanged(message: string, imported?: ImportResult): void;
}

/** Add a report (pasted or opened), or remove one. */
export function ReportsDialog({ reports, onClose, onChanged }: Props) {
  const t = useT();
  const format = useFormat();
  const [content, setContent] = useState('');
  const [fileFormat, setFormat] = useState<ImportFormat>('text');
  const [fileName, setFileName] = useState<string | null>(null);
  const [outlet, setOutlet] = useState('');
  const [title, setTitle] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [url, setUrl] = useState('');
  const [replaces, setReplaces] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const original = reports.find((r) => r.id === replaces) ?? null;
  // No text but an address: the article is fetched from it.
  const fromUrl = content.trim() === '' && url.trim() !== '';

  /** An updated version starts from the original's outlet, title, URL and date, all editable. */
  const chooseOriginal = (id: string) => {
    setReplaces(id);
    const chosen = reports.find((r) => r.id === id);
    if (!chosen) return;
    setOutlet(chosen.outlet);
    setTitle(chosen.title);
    setUrl(chosen.url ?? '');
    setPublishedAt(chosen.publishedAt?.slice(0, 10) ?? '');
  };
  const [error, setError] = useState<string | null>(null);
  // A refused removal is said by the report's own Remove button, not by the import form above the
  // list, which is scrolled out of view in a short window or at 200% zoom.
  const [removeError, setRemoveError] = useState<{ id: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingRemoval, setPendingRemoval] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; run(): void }>());

  /**
   * No confirm dialog: Remove takes effect after a few seconds, with Undo offered on the row
   * meanwhile. Closing the dialog carries out the removals still pending.
   */
  const remove = async (report: ReportSummary) => {
    timers.current.delete(report.id);
    setPendingRemoval((ids) => new Set([...ids].filter((id) => id !== report.id)));
    setBusy(true);
    setRemoveError(null);
    try {
      await call('reports:remove', { id: report.id, reason: null });
      onChanged(t('reports.removed', { outlet: isolate(report.outlet) }));
    } catch (e) {
      setRemoveError({ id: report.id, message: errorText(e, t) });
    } finally {
      setBusy(false);
    }
  };
  const scheduleRemoval = (report: ReportSummary) => {
    setRemoveError(null);
    setPendingRemoval((ids) => new Set([...ids, report.id]));
    const run = () => void remove(report);
    timers.current.set(report.id, { timer: setTimeout(run, REMOVAL_DELAY_MS), run });
  };
  const cancelRemoval = (id: string) => {
    clearTimeout(timers.current.get(id)?.timer);
    timers.current.delete(id);
    setPendingRemoval((ids) => new Set([...ids].filter((x) => x !== id)));
  };
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const { timer, run } of pending.values()) {
        clearTimeout(timer);
        run();
      }
    };
  }, []);

  const importReport = async () => {
    setBusy(true);
    setError(null);
    try {
      const meta = {
        outlet: outlet.trim() || null,
        title: title.trim() || null,
        publishedAt: publishedAt || null,
        // An updated version is in the original's language.
        language: original?.language ?? null,
        replaces: replaces || null,
      };
      const summary = fromUrl
        ? await call('reports:importUrl', { ...meta, url: url.trim() })
        : await call('reports:import', { ...meta, content, format: fileFormat, fileName, url: url.trim() || null });
      const carried = summary.carriedOver;
      onChanged(carried ? t('reports.importedVersion', { outlet: isolate(summary.outlet), ...carried }) : t('reports.imported', { outlet: isolate(summary.outlet) }), summary);
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('reports.title')} onClose={onClose} wide>
      <form
        className="import-form"
        aria-label={t('reports.add')}
        onSubmit={(event) => {
          event.preventDefault();
          void importReport();
        }}
      >
        <h3>{t('reports.add')}</h3>
        <label>
          {t('reports.openFile')}
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
                setError(errorText(e, t));
              }
            }}
          />
        </label>
        <label>
          {t('reports.paste')}
          <textarea
            ref={textRef}
            dir="auto"
            rows={6}
            value={fileFormat === 'text' ? content : t('reports.extracted', { format: fileFormat.toUpperCase(), fileName })}
            readOnly={fileFormat !== 'text'}
            onChange={(e) => {
              setContent(e.target.value);
              setFileName(null);
            }}
          />
        </label>
        <label>
          {t('reports.replaces')}
          <select value={replaces} onChange={(e) => chooseOriginal(e.target.value)} data-replaces>
            <option value="">{t('reports.newReport')}</option>
            {reports.map((r) => (
              <option key={r.id} value={r.id}>
                {isolate(r.outlet)}: {isolate(r.title.slice(0, 60))}
              </option>
            ))}
          </select>
        </label>
        {original && <p className="hint">{t('reports.updateHint')}</p>}
        <div className="row">
          <label>
            {original ? t('reports.outletFromOriginal') : t('reports.outlet')}
            <input dir="auto" required={!original && !fromUrl} value={outlet} onChange={(e) => setOutlet(e.target.value)} />
          </label>
          <label>
            {t('reports.published')}
            <input type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
          </label>
        </div>
        <label>
          {t('reports.titleField')}
          <input dir="auto" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label>
          {t('reports.url')}
          <input type="url" dir="ltr" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <p className="hint">{t('reports.urlHint')}</p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || (content.trim() === '' && !fromUrl) || (outlet.trim() === '' && !original && !fromUrl)}>
          {fromUrl ? t('reports.fetch') : t('reports.import')}
        </button>
      </form>

      <section aria-labelledby="stored-reports">
        <h3 id="stored-reports">{t('reports.stored', { count: reports.length })}</h3>
        <ul className="report-list">
          {reports.map((r) => (
            <li key={r.id} data-report-row={r.id}>
              <div>
                <bdi className="report-list__outlet">{r.outlet}</bdi> · <bdi>{format.published(r.publishedAt)}</bdi> · <bdi>{t('reports.characters', { count: r.characters })}</bdi>
                <div dir="auto" className="report-list__title">
                  {r.title}
                </div>
                {removeError?.id === r.id && (
                  <p className="error" role="alert" ref={(alert) => alert?.scrollIntoView({ block: 'nearest' })}>
                    {t('reports.removeError', { message: removeError.message })}
                  </p>
                )}
              </div>
              <span className="report-list__actions">
              <button
                type="button"
                className="small"
                disabled={busy}
                aria-label={t('reports.importUpdateLabel', { outlet: r.outlet })}
                data-import-update={r.id}
                onClick={() => {
                  chooseOriginal(r.id);
                  textRef.current?.focus();
                }}
              >
                {t('reports.importUpdate')}
              </button>
              {pendingRemoval.has(r.id) ? (
                <span className="removal-pending" role="status">
                  <span>{t('reports.removing')}</span>
                  <button type="button" className="small" aria-label={t('reports.undoRemoveLabel', { outlet: r.outlet })} onClick={() => cancelRemoval(r.id)}>
                    {t('app.undo')}
                  </button>
                </span>
              ) : (
                <button
                  type="button"
                  className="danger small"
                  disabled={busy}
                  aria-label={t('reports.removeLabel', { outlet: r.outlet })}
                  onClick={() => scheduleRemoval(r)}
                >
                  {t('reports.remove')}
                </button>
              )}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Dialog>
  );
}
