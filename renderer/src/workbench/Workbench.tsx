import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimDetail, ComparisonView } from '../../../shared/contract/channels';
import { normalizeForSearch } from '../../../shared/engine';
import type { EvidenceInput } from '../../../shared/model/evidence';
import { verdictNeedsNote, type Verdict } from '../../../shared/model/verdict';
import { call } from '../api/client';
import { loadComparison } from '../api/load-comparison';
import { ClaimList } from './ClaimList';
import { filterClaims, indexComparison, NO_FILTER, type ClaimFilter } from './comparison-index';
import { Connector } from './Connector';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { ReportPane } from './ReportPane';
import { isTypingTarget } from './shortcuts';
import { STATUS_KEYS } from './status-style';
import type { ClaimFocus } from './ClaimBlock';

type Reveal = Record<'a' | 'b', { claimId: string; nonce: number } | null>;

interface Props {
  pair: [string, string];
  /** Bumped by the app when data changed elsewhere (an import, a removal). */
  revision: number;
  dialogOpen: boolean;
  onError(message: string): void;
  onNotice(message: string): void;
  onShortcut(action: 'help' | 'import' | 'export'): void;
  /** The selected claim and its partners, for "export this claim group". */
  onGroupChange(claimIds: string[]): void;
}

export function Workbench({ pair, revision, dialogOpen, onError, onNotice, onShortcut, onGroupChange }: Props) {
  const [view, setView] = useState<ComparisonView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [detail, setDetail] = useState<ClaimDetail | null>(null);
  const [pending, setPending] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<'claim' | 'list'>('list');
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [query, setQuery] = useState('');
  const [panes, setPanes] = useState<HTMLDivElement | null>(null);
  const evidenceRef = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    loadComparison({ a: pair[0], b: pair[1] })
      .then((result) => live && setView(result))
      .catch((error: Error) => live && setLoadError(error.message));
    return () => {
      live = false;
    };
  }, [pair, revision]);

  // While a newly chosen pair is compared, the previous comparison is not shown (or acted on) as if
  // it were the new one; a reload of the same pair (after an import) keeps it on screen meanwhile.
  const shown = view && view.summaries[0].id === pair[0] && view.summaries[1].id === pair[1] ? view : null;
  const index = useMemo(() => (shown ? indexComparison(shown) : null), [shown]);
  const focus = useMemo<ClaimFocus>(() => {
    const partnersOf = (id: string | null) => new Set(id ? (index?.byId.get(id)?.partners ?? []) : []);
    return { selected, partners: partnersOf(selected), hovered, hoveredPartners: partnersOf(hovered) };
  }, [index, selected, hovered]);
  // Bring the selected claim and its first partner into view, each in its own pane; a hovered
  // claim's partner too, so the eye finds it without scrolling.
  const [reveal, setReveal] = useState<Reveal>({ a: null, b: null });
  const revealClaims = useCallback(
    (ids: (string | undefined)[]) => {
      if (!index) return;
      const next: Reveal = { a: null, b: null };
      for (const id of ids) {
        const side = id ? index.byId.get(id)?.side : undefined;
        if (id && side && !next[side]) next[side] = { claimId: id, nonce: Date.now() };
      }
      setReveal((current) => ({ a: next.a ?? current.a, b: next.b ?? current.b }));
    },
    [index],
  );
  // Revealed when the editor picks or points at a claim, not whenever the index is rebuilt: a
  // status or evidence change rebuilds it, and must not pull the panes away from where the editor
  // scrolled to read.
  const hover = useCallback(
    (claimId: string | null) => {
      setHovered(claimId);
      if (claimId) revealClaims([index?.byId.get(claimId)?.partners[0]]);
    },
    [index, revealClaims],
  );
  useEffect(() => {
    onGroupChange(selected && index ? [selected, ...(index.byId.get(selected)?.partners ?? [])] : []);
  }, [selected, index, onGroupChange]);

  // The claim selected now, for replies that arrive after the editor has moved on: a slow reply
  // for an earlier claim must not put its evidence and history under the current one.
  const selectedRef = useRef<string | null>(null);
  const showDetail = useCallback((fresh: ClaimDetail) => {
    if (fresh.claimId === selectedRef.current) setDetail(fresh);
  }, []);

  const loadDetail = useCallback(async (claimId: string) => {
    try {
      showDetail(await call('claims:get', { claimId }));
    } catch (error) {
      onError((error as Error).message);
    }
  }, [onError, showDetail]);

  const select = useCallback((claimId: string | null) => {
    selectedRef.current = claimId;
    setSelected(claimId);
    setPending(null);
    setDetail(null);
    if (claimId) {
      setTab('claim');
      revealClaims([claimId, index?.byId.get(claimId)?.partners[0]]);
      void loadDetail(claimId);
    }
  }, [index, loadDetail, revealClaims]);

  // A claim of the previous pair is not on screen: keys and "export this group" must not act on it.
  // A hovered one is gone too (its highlight was removed under the pointer, with no mouseleave).
  useEffect(() => {
    if (selected && index && !index.byId.has(selected)) select(null);
  }, [selected, index, select]);
  useEffect(() => {
    if (hovered && index && !index.byId.has(hovered)) setHovered(null);
  }, [hovered, index]);

  /** Runs one change of the record: the controls wait for it, and a refusal is shown, not thrown. */
  const change = useCallback(async (work: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    try {
      await work();
      return true;
    } catch (error) {
      onError((error as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  }, [onError]);

  const setStatus = useCallback((claimIds: string[], status: Verdict, note: string | null) =>
    change(async () => {
      const statuses = await call('claims:setStatus', { claimIds, status, note });
      setView((v) => (v ? { ...v, statuses: { ...v.statuses, ...Object.fromEntries(statuses.map((s) => [s.claimId, s])) } } : v));
      // The editor may have moved on while this was saved: a status (and note) they are now
      // choosing for another claim is theirs, not this change's to clear.
      const now = selectedRef.current;
      if (now && claimIds.includes(now)) {
        setPending(null);
        await loadDetail(now);
      }
      onNotice(`Marked ${claimIds.length > 1 ? `${claimIds.length} claims` : 'claim'} ${status.replace('-', ' ')}`);
    }), [change, loadDetail, onNotice]);

  const changeEvidence = useCallback((work: () => Promise<unknown>) =>
    !selected ? Promise.resolve(false) : change(async () => {
      await work();
      const fresh = await call('claims:get', { claimId: selected });
      showDetail(fresh);
      setView((v) => (v ? { ...v, evidenceCounts: { ...v.evidenceCounts, [selected]: fresh.evidence.length } } : v));
    }), [change, selected, showDetail]);

  const visible = useMemo(() => (index ? filterClaims(index.claims, { ...filter, query: normalizeForSearch(query) }, normalizeForSearch) : []), [index, filter, query]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialogOpen || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target) || !index) return;
      const step = (delta: number) => {
        if (visible.length === 0) return;
        const at = visible.findIndex((c) => c.claim.id === selected);
        const next = at === -1 ? (delta > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + delta));
        select(visible[next]!.claim.id);
      };
      const key = event.key;
      if (key === 'j' || key === 'ArrowDown') step(1);
      else if (key === 'k' || key === 'ArrowUp') step(-1);
      else if (key === 'p' && selected) {
        const partner = index.byId.get(selected)?.partners[0];
        if (partner) select(partner);
      } else if (key in STATUS_KEYS && selected) {
        const status = STATUS_KEYS[key]!;
        setTab('claim');
        if (verdictNeedsNote(status)) setPending(status);
        else void setStatus([selected], status, null);
      } else if (key === 'e' && selected) {
        setTab('claim');
        setTimeout(() => evidenceRef.current?.focus());
      } else if (key === '/') {
        setTab('list');
        setTimeout(() => searchRef.current?.focus());
      } else if (key === '?') onShortcut('help');
      else if (key === 'i') onShortcut('import');
      else if (key === 'x') onShortcut('export');
      else if (key === 'Escape') select(null);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialogOpen, index, visible, selected, select, setStatus, onShortcut]);

  if (loadError) return <p className="error-panel" role="alert">Could not compare these reports: {loadError}</p>;
  if (!shown || !index) return <p className="loading">Comparing reports…</p>;

  const counts = { same: 0, related: 0, a: 0, b: 0 };
  for (const c of index.claims) {
    if (c.kind === 'single') counts[c.side]++;
    else if (c.side === 'a') counts[c.kind]++;
  }
  const linked = hovered ?? selected;
  const partner = linked ? index.byId.get(linked)?.partners[0] ?? null : null;

  return (
    <div className="workbench">
      <div className="summary-strip" role="group" aria-label="Comparison summary">
        <span className="claim--same summary-chip">⇄ {counts.same} shared</span>
        <span className="claim--related summary-chip">≈ {counts.related} related</span>
        <span className="summary-chip">• {counts.a} only in A</span>
        <span className="summary-chip">• {counts.b} only in B</span>
        <span className="hint">Select a claim to inspect it · J/K to move · 1–6 to set a status</span>
      </div>
      <div className="workbench__main">
        <div className="panes" ref={setPanes}>
          <ReportPane side="a" summary={shown.summaries[0]} parsed={shown.a} index={index} focus={focus} reveal={reveal.a} onPick={select} onHover={hover} />
          <ReportPane side="b" summary={shown.summaries[1]} parsed={shown.b} index={index} focus={focus} reveal={reveal.b} onPick={select} onHover={hover} />
          <Connector root={panes} from={linked} to={partner} />
        </div>
        <aside className="side" aria-label="Claims">
          <div role="tablist" className="tabs">
            <button role="tab" type="button" aria-selected={tab === 'claim'} onClick={() => setTab('claim')}>
              Claim
            </button>
            <button role="tab" type="button" aria-selected={tab === 'list'} onClick={() => setTab('list')}>
              All claims ({index.claims.length})
            </button>
          </div>
          <div className="side__body" role="tabpanel">
            {tab === 'list' ? (
              <ClaimList ref={searchRef} index={index} outlets={[shown.summaries[0].outlet, shown.summaries[1].outlet]} filter={filter} query={query} selected={selected} onFilter={setFilter} onQuery={setQuery} onSelect={select} />
            ) : selected ? (
              <Inspector
                key={selected}
                index={index}
                claimId={selected}
                detail={detail}
                language={shown.a.report.language}
                pendingStatus={pending}
                busy={busy}
                evidenceRef={evidenceRef}
                onSelect={select}
                onSetStatus={setStatus}
                onCancelPending={() => setPending(null)}
                onAddEvidence={(evidence: EvidenceInput) => changeEvidence(() => call('evidence:add', { claimId: selected, evidence }))}
                onRemoveEvidence={async (evidenceId) => {
                  await changeEvidence(() => call('evidence:remove', { claimId: selected, evidenceId, reason: null }));
                }}
              />
            ) : (
              <p className="hint empty-state">Select a highlighted claim in either report, or press J, to see both versions, their differences, status and evidence.</p>
            )}
          </div>
        </aside>
      </div>
      <Legend />
    </div>
  );
}
