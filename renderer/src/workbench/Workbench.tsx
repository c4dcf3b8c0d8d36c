import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClaimDetail, ComparisonView, ReportSummary } from '../../../shared/contract/channels';
import { normalizeForSearch, WordNormalizer } from '../../../shared/engine';
import type { EvidenceInput } from '../../../shared/model/evidence';
import { verdictNeedsNote, type Verdict } from '../../../shared/model/verdict';
import { call, desktop } from '../api/client';
import { useCommands } from '../app/commands';
import { errorText } from '../app/error-text';
import { useT } from '../i18n/use-t';
import { ActivityView } from './ActivityView';
import type { ClaimFocus } from './ClaimBlock';
import { loadComparison } from '../api/load-comparison';
import { ClaimList } from './ClaimList';
import { filterClaims, indexComparison, NO_FILTER, type ClaimFilter } from './comparison-index';
import { Connector } from './Connector';
import { Inspector } from './Inspector';
import { Legend } from './Legend';
import { ReportPane } from './ReportPane';
import { matchClaim, parseQuery } from './search-match';
import { isFind, isTypingTarget, isUndo, shortcutOf } from './shortcuts';
import { SidePanel } from './SidePanel';
import { SummaryStrip } from './SummaryStrip';
import { groupStatusRestores, useUndoStack, type UndoableChange } from './use-undo';
import type { LinkRelation } from '../../../shared/model/story-events';
import { versionChain } from '../app/version-chain';
import type { BoundsAction } from './BoundsSection';
import { readTextSelection, type TextSelection } from './text-selection';

type Reveal = Record<'a' | 'b', { claimId: string; nonce: number } | null>;
type Tab = 'claim' | 'list' | 'activity';

interface Props {
  pair: [string, string];
  reports: ReportSummary[];
  /** Bumped by the app when data changed elsewhere (an import, a removal). */
  revision: number;
  dialogOpen: boolean;
  onPair(pair: [string, string]): void;
  onError(message: string): void;
  onNotice(message: string, undo?: () => void): void;
  onShortcut(action: 'help' | 'import' | 'export'): void;
  /** The selected claim and its partners, for "export this claim group". */
  onGroupChange(claimIds: string[]): void;
  /** Opens a report's version timeline. */
  onVersions(reportId: string): void;
}

export function Workbench({ pair, reports, revision, dialogOpen, onPair, onError, onNotice, onShortcut, onGroupChange, onVersions }: Props) {
  const t = useT();
  const [view, setView] = useState<ComparisonView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [detail, setDetail] = useState<ClaimDetail | null>(null);
  const [pending, setPending] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<Tab>('list');
  const [filter, setFilter] = useState<ClaimFilter>(NO_FILTER);
  const [query, setQuery] = useState('');
  const [panes, setPanes] = useState<HTMLDivElement | null>(null);
  const [changes, setChanges] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const evidenceRef = useRef<HTMLSelectElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const inspectorRef = useRef<HTMLElement>(null);
  const viewRef = useRef<ComparisonView | null>(null);
  viewRef.current = view;
  const undoStack = useUndoStack();

  useEffect(() => {
    let live = true;
    setLoadError(null);
    loadComparison({ a: pair[0], b: pair[1] })
      .then((result) => live && setView(result))
      .catch((error: unknown) => live && setLoadError(errorText(error, t)));
    return () => {
      live = false;
    };
    // The catalog changing does not call for a new comparison.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pair, revision, attempt]);

  // While a newly chosen pair is compared, the previous comparison is not shown (or acted on) as if
  // it were the new one; a reload of the same pair (after an import) keeps it on screen meanwhile.
  const shown = view && view.summaries[0].id === pair[0] && view.summaries[1].id === pair[1] ? view : null;
  const index = useMemo(() => (shown ? indexComparison(shown) : null), [shown]);
  const focus = useMemo<ClaimFocus>(() => {
    const partnersOf = (id: string | null) => new Set(id ? (index?.byId.get(id)?.partners ?? []) : []);
    return { selected, partners: partnersOf(selected), hovered, hoveredPartners: partnersOf(hovered) };
  }, [index, selected, hovered]);
  // Bring the selected claim and its first partner into view, each in its own pane. Only a
  // selection moves the panes: pointing at a claim highlights its partner where it is, and never
  // scrolls the selected claim's partner away.
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
  useEffect(() => {
    onGroupChange(selected && index ? [selected, ...(index.byId.get(selected)?.partners ?? [])] : []);
  }, [selected, index, onGroupChange]);

  // The claim selected now, for replies that arrive after the editor has moved on: a slow reply
  // for an earlier claim must not put its evidence and history under the current one.
  const selectedRef = useRef<string | null>(null);
  const showDetail = useCallback((fresh: ClaimDetail) => {
    if (fresh.claimId === selectedRef.current) setDetail(fresh);
  }, []);

  const loadDetail = useCallback(
    async (claimId: string) => {
      try {
        showDetail(await call('claims:get', { claimId }));
      } catch (error) {
        onError(errorText(error, t));
      }
    },
    [onError, showDetail, t],
  );
  // The record changed under the editor (a colleague's decision arrived): the claim on screen is read again.
  useEffect(() => {
    if (selectedRef.current) void loadDetail(selectedRef.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  const select = useCallback(
    (claimId: string | null, options: { focusInspector?: boolean } = {}) => {
      selectedRef.current = claimId;
      setSelected(claimId);
      setPending(null);
      setDetail(null);
      if (claimId) {
        setTab('claim');
        revealClaims([claimId, index?.byId.get(claimId)?.partners[0]]);
        void loadDetail(claimId);
        // The list row or link that had focus is gone with the tab: focus follows to the claim.
        if (options.focusInspector) setFocusRequest((n) => n + 1);
      }
    },
    [index, loadDetail, revealClaims],
  );
  useEffect(() => {
    if (focusRequest > 0 && tab === 'claim') inspectorRef.current?.focus({ preventScroll: true });
  }, [focusRequest, tab, selected]);

  // A claim of the previous pair is not on screen: keys and "export this group" must not act on it.
  // A hovered one is gone too (its highlight was removed under the pointer, with no mouseleave).
  useEffect(() => {
    if (selected && index && !index.byId.has(selected)) select(null);
  }, [selected, index, select]);
  useEffect(() => {
    if (hovered && index && !index.byId.has(hovered)) setHovered(null);
  }, [hovered, index]);

  // A claim chosen in the activity view whose report was not on screen: selected once it is.
  const wanted = useRef<string | null>(null);
  useEffect(() => {
    if (wanted.current && index?.byId.has(wanted.current)) {
      select(wanted.current, { focusInspector: true });
      wanted.current = null;
    }
  }, [index, select]);
  const goTo = useCallback(
    (claimId: string, reportId: string) => {
      if (index?.byId.has(claimId)) return select(claimId, { focusInspector: true });
      wanted.current = claimId;
      if (reportId !== pair[0] && reportId !== pair[1]) onPair([reportId, pair[1]]);
    },
    [index, pair, onPair, select],
  );

  /** Runs one change of the record: the controls wait for it, and a refusal is shown, not thrown. */
  const change = useCallback(
    async (work: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      try {
        await work();
        setChanges((n) => n + 1);
        return true;
      } catch (error) {
        onError(errorText(error, t));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [onError, t],
  );

  const applyStatus = useCallback(
    async (claimIds: string[], status: Verdict, note: string | null) => {
      const statuses = await call('claims:setStatus', { claimIds, status, note });
      setView((v) => {
        if (!v) return v;
        const next = { ...v.statuses, ...Object.fromEntries(statuses.map((s) => [s.claimId, s])) };
        // Back to "unverified" with no note: the claim has no status record of its own to show.
        for (const id of claimIds) if (!statuses.some((s) => s.claimId === id)) delete next[id];
        // A decision made is the editor acting on the claim: a "re-check" flag on it is answered.
        const recheck = { ...v.recheck };
        for (const id of claimIds) delete recheck[id];
        return { ...v, statuses: next, recheck };
      });
      // The editor may have moved on while this was saved: a status (and note) they are now
      // choosing for another claim is theirs, not this change's to clear.
      const now = selectedRef.current;
      if (now && claimIds.includes(now)) {
        setPending(null);
        await loadDetail(now);
      }
    },
    [loadDetail],
  );

  const refreshEvidence = useCallback(
    async (claimId: string) => {
      const fresh = await call('claims:get', { claimId });
      showDetail(fresh);
      setView((v) => (v ? { ...v, evidenceCounts: { ...v.evidenceCounts, [claimId]: fresh.evidence.length } } : v));
    },
    [showDetail],
  );

  /** Takes back one change by a compensating change, recorded like any other. */
  const undoChange = useCallback(
    (undone: UndoableChange) =>
      change(async () => {
        undoStack.remove(undone);
        if (undone.kind === 'status') {
          for (const group of groupStatusRestores(undone.before)) await applyStatus(group.claimIds, group.status, group.note);
          onNotice(t('app.undone', { what: t('undo.status', { count: undone.before.length }) }));
        } else if (undone.kind === 'evidence-added') {
          await call('evidence:remove', { claimId: undone.claimId, evidenceId: undone.evidenceId, reason: t('undo.reason') });
          await refreshEvidence(undone.claimId);
          onNotice(t('app.undone', { what: t('undo.evidenceAdded') }));
        } else {
          await call('evidence:add', { claimId: undone.claimId, evidence: undone.evidence });
          await refreshEvidence(undone.claimId);
          onNotice(t('app.undone', { what: t('undo.evidenceRemoved') }));
        }
      }),
    [change, undoStack, applyStatus, refreshEvidence, onNotice, t],
  );

  const undoLast = useCallback(() => {
    const last = undoStack.pop();
    if (!last) return onNotice(t('app.nothingToUndo'));
    void undoChange(last);
  }, [undoStack, undoChange, onNotice, t]);

  const setStatus = useCallback(
    (claimIds: string[], status: Verdict, note: string | null) => {
      const before = claimIds.map((claimId) => {
        const current = viewRef.current?.statuses[claimId];
        return { claimId, status: current?.status ?? ('unverified' as Verdict), note: current?.note ?? null };
      });
      return change(async () => {
        // On the stack before the change shows: an Undo that arrives while the claim's details
        // are read again must find it.
        const undoable: UndoableChange = { kind: 'status', before };
        undoStack.push(undoable);
        try {
          await applyStatus(claimIds, status, note);
        } catch (error) {
          undoStack.remove(undoable);
          throw error;
        }
        onNotice(t('workbench.marked', { count: claimIds.length, status: t(`verdict.${status}`).toLowerCase() }), () => void undoChange(undoable));
      });
    },
    [change, applyStatus, undoStack, undoChange, onNotice, t],
  );

  /**
   * One verdict for the claim's whole group across the story, in one event: the button and the G
   * key both come here. Undo puts each member's verdict back as it was.
   */
  const applyToGroup = useCallback(
    (claimId: string, status: Verdict, note: string | null, only: 'all' | 'undecided') =>
      change(async () => {
        const group = await call('claims:group', { claimId });
        const before = group.members.map((m) => ({ claimId: m.claimId, status: m.status?.status ?? ('unverified' as Verdict), note: m.status?.note ?? null }));
        const statuses = await call('claims:setGroupStatus', { claimId, status, note, only });
        const changed = before.filter((b) => {
          const now = statuses.find((s) => s.claimId === b.claimId);
          return (now?.status ?? 'unverified') !== b.status || (now?.note ?? null) !== b.note;
        });
        setView((v) => {
          if (!v) return v;
          const next = { ...v.statuses };
          const recheck = { ...v.recheck };
          for (const s of statuses) if (s.claimId in next || v.a.claims.some((c) => c.id === s.claimId) || v.b.claims.some((c) => c.id === s.claimId)) next[s.claimId] = s;
          for (const b of changed) delete recheck[b.claimId];
          return { ...v, statuses: next, recheck };
        });
        const now = selectedRef.current;
        if (now) await loadDetail(now);
        if (changed.length === 0) return onNotice(t('workbench.groupUnchanged', { status: t(`verdict.${status}`).toLowerCase() }));
        const undoable: UndoableChange = { kind: 'status', before: changed };
        undoStack.push(undoable);
        onNotice(t('workbench.groupMarked', { count: changed.length, status: t(`verdict.${status}`).toLowerCase() }), () => void undoChange(undoable));
      }),
    [change, loadDetail, undoStack, undoChange, onNotice, t],
  );

  const addEvidence = useCallback(
    (claimId: string, evidence: EvidenceInput) =>
      change(async () => {
        const added = await call('evidence:add', { claimId, evidence });
        await refreshEvidence(claimId);
        const undoable: UndoableChange = { kind: 'evidence-added', claimId, evidenceId: added.id };
        undoStack.push(undoable);
        onNotice(t('workbench.evidenceAdded'), () => void undoChange(undoable));
      }),
    [change, refreshEvidence, undoStack, undoChange, onNotice, t],
  );

  // No confirm dialog: the removal is done at once, and the toast offers it back.
  const removeEvidence = useCallback(
    async (claimId: string, evidenceId: string) => {
      const item = detail?.evidence.find((e) => e.id === evidenceId);
      await change(async () => {
        await call('evidence:remove', { claimId, evidenceId, reason: null });
        await refreshEvidence(claimId);
        if (!item) return;
        const undoable: UndoableChange = {
          kind: 'evidence-removed',
          claimId,
          evidence: { kind: item.kind, stance: item.stance, url: item.url, quote: item.quote, note: item.note },
        };
        undoStack.push(undoable);
        onNotice(t('workbench.evidenceRemoved'), () => void undoChange(undoable));
      });
    },
    [detail, change, refreshEvidence, undoStack, undoChange, onNotice, t],
  );

  /** Links or unlinks the selected claim and another; the comparison is read again, with the editor's word applied. */
  const relink = useCallback(
    (partnerId: string, relation: LinkRelation | null) => {
      const claimId = selectedRef.current;
      if (!claimId) return;
      void change(async () => {
        if (relation) await call('claims:link', { a: claimId, b: partnerId, relation, note: null });
        else await call('claims:unlink', { a: claimId, b: partnerId, note: null });
        setAttempt((n) => n + 1);
        await loadDetail(claimId);
        onNotice(t(relation ? 'links.linked' : 'links.unlinked'));
      });
    },
    [change, loadDetail, onNotice, t],
  );

  // The text the editor selects in a report, for splitting, moving, drawing claims.
  const [textSelection, setTextSelection] = useState<TextSelection | null>(null);
  useEffect(() => {
    // Only a change of span renders again: a selection being dragged fires this on every move.
    const onChange = () => {
      const next = readTextSelection(document.getSelection());
      setTextSelection((current) => (current?.reportId === next?.reportId && current?.start === next?.start && current?.end === next?.end ? current : next));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  /** Which boundary corrections apply now, for the buttons and the keys alike. */
  const boundsAvailable = useMemo((): Record<BoundsAction, boolean> => {
    const none = { split: false, resize: false, draw: false, 'merge-next': false, 'merge-previous': false };
    if (!shown) return none;
    const claim = selected ? index?.byId.get(selected)?.claim : undefined;
    const parsedOf = (reportId: string) => [shown.a, shown.b].find((p) => p.report.id === reportId);
    const sel = textSelection;
    const selParsed = sel ? parsedOf(sel.reportId) : undefined;
    let trimmed: { start: number; end: number } | null = null;
    if (sel && selParsed) {
      const text = selParsed.report.text;
      let [start, end] = [sel.start, sel.end];
      while (start < end && /\s/u.test(text[start]!)) start++;
      while (end > start && /\s/u.test(text[end - 1]!)) end--;
      trimmed = start < end ? { start, end } : null;
    }
    const overlapping = trimmed && selParsed ? selParsed.claims.filter((c) => c.start < trimmed.end && trimmed.start < c.end) : [];
    const siblings = claim ? [...(parsedOf(claim.reportId)?.claims ?? [])].sort((x, y) => x.start - y.start) : [];
    const at = claim ? siblings.findIndex((c) => c.id === claim.id) : -1;
    const sameReport = claim !== undefined && sel?.reportId === claim.reportId;
    // Two claims merge only within one paragraph, as the store requires.
    const paragraphOf = (c: { start: number; end: number } | undefined) =>
      c && claim ? parsedOf(claim.reportId)?.blocks.find((b) => b.kind === 'paragraph' && b.start <= c.start && c.end <= b.end) : undefined;
    const mergeable = (other: { start: number; end: number } | undefined) => other !== undefined && paragraphOf(other) !== undefined && paragraphOf(other) === paragraphOf(claim);
    return {
      split: sameReport && sel!.start > claim.start && sel!.start < claim.end,
      resize: sameReport && trimmed !== null && overlapping.every((c) => c.id === claim.id) && (trimmed.start !== claim.start || trimmed.end !== claim.end),
      draw: trimmed !== null && overlapping.length === 0,
      'merge-next': at >= 0 && mergeable(siblings[at + 1]),
      'merge-previous': at > 0 && mergeable(siblings[at - 1]),
    };
  }, [shown, index, selected, textSelection]);

  /** One correction of claim boundaries; the comparison is read again and the new claim selected. */
  const correctBounds = useCallback(
    (action: BoundsAction) => {
      const current = selectedRef.current;
      const claim = current ? index?.byId.get(current)?.claim : undefined;
      const sel = textSelection;
      const siblings = claim ? [...([shown?.a, shown?.b].find((p) => p?.report.id === claim.reportId)?.claims ?? [])].sort((x, y) => x.start - y.start) : [];
      const at = claim ? siblings.findIndex((c) => c.id === claim.id) : -1;
      void change(async () => {
        let result;
        if (action === 'split' && claim && sel) result = await call('claims:split', { claimId: claim.id, at: sel.start });
        else if (action === 'resize' && claim && sel) result = await call('claims:resize', { claimId: claim.id, start: sel.start, end: sel.end });
        else if (action === 'draw' && sel) result = await call('claims:draw', { reportId: sel.reportId, start: sel.start, end: sel.end });
        else if (action === 'merge-next' && claim && siblings[at + 1]) result = await call('claims:merge', { a: claim.id, b: siblings[at + 1]!.id });
        else if (action === 'merge-previous' && claim && siblings[at - 1]) result = await call('claims:merge', { a: siblings[at - 1]!.id, b: claim.id });
        else return;
        document.getSelection()?.removeAllRanges();
        wanted.current = result.claimIds[0] ?? null;
        setAttempt((n) => n + 1);
        const kind = action === 'merge-next' || action === 'merge-previous' ? 'merged' : action === 'draw' ? 'drawn' : action === 'resize' ? 'resized' : 'split';
        onNotice(t(`bounds.done.${kind}`));
      });
    },
    [index, shown, textSelection, change, onNotice, t],
  );

  const normalizer = useMemo(() => new WordNormalizer(), []);
  const visible = useMemo(() => {
    if (!index) return [];
    const filtered = filterClaims(index.claims, { ...filter, query: '' }, normalizeForSearch);
    const parsed = parseQuery(query, normalizer);
    if (!parsed) return filtered.map((entry) => ({ entry, hits: null }));
    return filtered.flatMap((entry) => {
      const hits = matchClaim(entry.claim.text, parsed, normalizer);
      return hits ? [{ entry, hits }] : [];
    });
  }, [index, filter, query, normalizer]);

  const step = useCallback(
    (delta: number) => {
      if (visible.length === 0) return;
      const at = visible.findIndex((c) => c.entry.claim.id === selected);
      const next = at === -1 ? (delta > 0 ? 0 : visible.length - 1) : Math.min(visible.length - 1, Math.max(0, at + delta));
      select(visible[next]!.entry.claim.id);
    },
    [visible, selected, select],
  );
  const [searchRequest, setSearchRequest] = useState(0);
  const find = useCallback(() => {
    setTab('list');
    setSearchRequest((n) => n + 1);
  }, []);
  // Focused once the list is on screen, whether the request came by key or from the menu.
  useEffect(() => {
    if (searchRequest > 0 && tab === 'list') searchRef.current?.focus();
  }, [searchRequest, tab]);

  // The application menu's commands (the desktop app), the same as the keys below.
  useCommands((command) => {
    if (dialogOpen || !index) return;
    if (command === 'next-claim') step(1);
    else if (command === 'previous-claim') step(-1);
    else if (command === 'find') find();
    else if (command === 'undo') {
      // In a field, the menu's Undo undoes typing, as everywhere else.
      if (isTypingTarget(document.activeElement)) document.execCommand('undo');
      else undoLast();
    }
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (dialogOpen || !index) return;
      // In the desktop app the menu owns Ctrl+Z and Ctrl+F and sends them as commands.
      if (!desktop && isFind(event)) {
        event.preventDefault();
        return find();
      }
      if (!desktop && isUndo(event) && !isTypingTarget(event.target)) {
        event.preventDefault();
        return undoLast();
      }
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const action = shortcutOf(event);
      if (!action) return;
      if (action.kind === 'next') step(1);
      else if (action.kind === 'previous') step(-1);
      else if (action.kind === 'partner') {
        const partner = selected ? index.byId.get(selected)?.partners[0] : undefined;
        if (partner) select(partner);
      } else if (action.kind === 'status') {
        if (!selected) return;
        setTab('claim');
        if (verdictNeedsNote(action.status)) setPending(action.status);
        else void setStatus([selected], action.status, null);
      } else if (action.kind === 'bounds') {
        if (boundsAvailable[action.action]) correctBounds(action.action);
        else onNotice(t('bounds.noSelection'));
      } else if (action.kind === 'group') {
        if (!selected) return;
        setTab('claim');
        const current = viewRef.current?.statuses[selected];
        // Never a reset of the group by a stray key: only a decided claim's verdict is applied.
        if (!current || current.status === 'unverified') onNotice(t('workbench.groupNeedsDecision'));
        else void applyToGroup(selected, current?.status ?? 'unverified', current?.note ?? null, 'all');
      } else if (action.kind === 'evidence') {
        if (!selected) return;
        setTab('claim');
        setTimeout(() => evidenceRef.current?.focus());
      } else if (action.kind === 'search') find();
      else if (action.kind === 'help') onShortcut('help');
      else if (action.kind === 'import') onShortcut('import');
      else if (action.kind === 'export') onShortcut('export');
      else if (action.kind === 'escape') select(null);
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialogOpen, index, selected, select, setStatus, applyToGroup, boundsAvailable, correctBounds, onNotice, t, onShortcut, step, find, undoLast]);

  if (loadError) {
    return (
      <div className="error-panel" role="alert">
        <p>{t('workbench.loadError', { message: loadError })}</p>
        <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
          {t('workbench.retry')}
        </button>
      </div>
    );
  }
  if (!shown || !index) return <p className="loading">{t('workbench.comparing')}</p>;

  const linked = hovered ?? selected;
  const partner = linked ? (index.byId.get(linked)?.partners[0] ?? null) : null;
  const selectFromList = (claimId: string) => select(claimId, { focusInspector: true });

  return (
    <div className="workbench">
      <SummaryStrip
        index={index}
        filter={filter}
        onFilter={(chip) => {
          setFilter(chip ? { ...NO_FILTER, ...chip } : NO_FILTER);
          setQuery('');
          setTab('list');
        }}
      />
      <div className="workbench__main">
        <div className="panes" ref={setPanes}>
          {(['a', 'b'] as const).map((side, i) => (
            <ReportPane
              key={side}
              side={side}
              summary={shown.summaries[i]!}
              parsed={side === 'a' ? shown.a : shown.b}
              index={index}
              focus={focus}
              reveal={reveal[side]}
              versions={versionChain(reports, shown.summaries[i]!.id).length}
              onVersions={() => onVersions(shown.summaries[i]!.id)}
              onPick={select}
              onHover={setHovered}
            />
          ))}
          <Connector root={panes} from={linked} to={partner} />
        </div>
        <SidePanel label={t('workbench.claims')}>
          <div role="tablist" className="tabs">
            <button role="tab" type="button" aria-selected={tab === 'claim'} onClick={() => setTab('claim')}>
              {t('workbench.tab.claim')}
            </button>
            <button role="tab" type="button" aria-selected={tab === 'list'} onClick={() => setTab('list')}>
              {t('workbench.tab.list', { count: index.claims.length })}
            </button>
            <button role="tab" type="button" aria-selected={tab === 'activity'} onClick={() => setTab('activity')}>
              {t('workbench.tab.activity')}
            </button>
          </div>
          <div className="side__body" role="tabpanel">
            {tab === 'list' ? (
              <ClaimList
                ref={searchRef}
                index={index}
                visible={visible}
                outlets={[shown.summaries[0].outlet, shown.summaries[1].outlet]}
                filter={filter}
                query={query}
                selected={selected}
                onFilter={setFilter}
                onQuery={setQuery}
                onClear={() => {
                  setFilter(NO_FILTER);
                  setQuery('');
                  searchRef.current?.focus();
                }}
                onSelect={selectFromList}
              />
            ) : tab === 'activity' ? (
              <ActivityView reports={reports} selected={selected} revision={revision + changes} onGoTo={goTo} />
            ) : selected ? (
              <Inspector
                key={selected}
                ref={inspectorRef}
                index={index}
                claimId={selected}
                detail={detail}
                revision={revision + changes}
                language={shown.a.report.language}
                pendingStatus={pending}
                busy={busy}
                evidenceRef={evidenceRef}
                onSelect={(id) => select(id, { focusInspector: true })}
                onSetStatus={setStatus}
                onCancelPending={() => setPending(null)}
                onApplyGroup={(status, note, only) => void applyToGroup(selected, status, note, only)}
                onAddEvidence={(evidence: EvidenceInput) => addEvidence(selected, evidence)}
                onRemoveEvidence={(evidenceId) => removeEvidence(selected, evidenceId)}
                textSelection={textSelection}
                boundsAvailable={boundsAvailable}
                onBounds={correctBounds}
                onLink={(partnerId, relation) => relink(partnerId, relation)}
                onUnlink={(partnerId) => relink(partnerId, null)}
              />
            ) : (
              <>
                <p className="hint empty-state">{t('workbench.empty', { next: 'J' })}</p>
                {boundsAvailable.draw && (
                  <button type="button" className="small" data-bounds-action="draw" disabled={busy} onClick={() => correctBounds('draw')}>
                    {t('bounds.draw')} <kbd>D</kbd>
                  </button>
                )}
              </>
            )}
          </div>
        </SidePanel>
      </div>
      <Legend />
    </div>
  );
}
