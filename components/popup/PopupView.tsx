/**
 * The popup's view: a pure function of the tab's status and the reader's settings. All data comes
 * in as props and every action goes out as a callback, so tests render it with a fixed report.
 *
 *   header (name, site) → article head (title, kind badge + reason, opinion share)
 *   → highlight switch → entities by type → earlier coverage by name → opinion passages → footer
 * or, when there is nothing to show, one [data-testid=empty] block saying why.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { PageStatus, TabStatus } from '../../lib/messaging';
import { kindReason, type CoverageHit, type LinkedEntity, type OpinionFlag, type PageReport } from '../../lib/report';
import { reasonText, sentenceStart, t, tn, type MessageKey } from '../i18n';
import { safeHref } from '../safe-href';
import { Switch } from '../Switch';
import {
  explainSignals,
  firstMention,
  articleMeta,
  formatDate,
  groupEntities,
  opinionPassages,
  opinionShare,
  pageScheme,
  firstCoverage,
  groupCoverage,
  snippet,
} from './model';

export type PopupState =
  | { phase: 'loading' }
  | { phase: 'error'; message: string }
  | {
      phase: 'ready';
      status: TabStatus;
      url: string | null;
      /** When the background has no status: what the page itself said ('unreachable': no answer). */
      page?: PageStatus | 'unreachable';
      /** No more asking: an 'article' page that still has no report is shown as not found. */
      final?: boolean;
    };

export interface RevealTarget {
  paragraph: number;
  start?: number;
  end?: number;
}

export interface PopupViewProps {
  state: PopupState;
  /** Global on/off. */
  enabled: boolean;
  /** The page's hostname, or null for pages that have none (browser pages). */
  site: string | null;
  siteEnabled: boolean;
  opinionHighlight: boolean;
  /** The keyboard shortcut of the toggle-opinion command, '' when unassigned, null when unknown. */
  shortcut: string | null;
  onReveal(target: RevealTarget): void;
  onHighlightChange(on: boolean): void;
  onSiteChange(on: boolean): void;
  onOpenOptions(): void;
}

const COVERAGE_SHOWN = 6;

const TYPE_HEADINGS: Record<string, MessageKey> = {
  person: 'typePeople',
  organization: 'typeOrganizations',
  place: 'typePlaces',
  event: 'typeEvents',
};

const KIND_LABELS: Record<string, MessageKey> = {
  news: 'kindNews',
  opinion: 'kindOpinion',
  analysis: 'kindAnalysis',
  other: 'kindOther',
};

export function PopupView(props: PopupViewProps) {
  const { state, site } = props;
  return (
    <div class="popup">
      <header class="popup-bar">
        <img class="popup-logo" src="/icon/32.png" alt="" width={20} height={20} />
        <span class="popup-name">{t('extName')}</span>
        {site ? <span class="popup-site" title={site}>{site}</span> : null}
      </header>
      <main class="popup-main" aria-live="polite" aria-busy={state.phase === 'loading'}>
        <PopupBody {...props} />
      </main>
      <footer class="popup-foot">
        {site ? (
          <Switch
            id="site-toggle"
            testId="site-toggle"
            checked={props.siteEnabled}
            onChange={props.onSiteChange}
            label={t('siteToggle', site)}
          />
        ) : null}
        <button type="button" class="link-button" onClick={props.onOpenOptions}>
          {t('openOptions')}
        </button>
      </footer>
    </div>
  );
}

function PopupBody(props: PopupViewProps) {
  const { state } = props;
  if (state.phase === 'loading') return <Loading />;
  if (state.phase === 'error') {
    return <Empty title={t('errorTitle')} body={state.message} />;
  }
  if (!props.enabled) {
    return <Empty title={t('offTitle')} body={t('offBody')} />;
  }
  if (props.site && !props.siteEnabled) {
    return <Empty title={t('siteOffTitle', props.site)} body={t('siteOffBody')} />;
  }
  const { status } = state;
  if (status.state === 'unknown') {
    const scheme = pageScheme(state.url);
    if (scheme === 'browser' || scheme === 'file') return <Empty title={t('unsupportedTitle')} body={t('unsupportedBody')} />;
    // The page's own answer (the background hears nothing from pages that fail the cheap gate).
    const page = state.page;
    if (page && page !== 'unreachable' && page.state === 'not-article') return <NotArticle signals={page.signals} title={page.title ?? ''} />;
    // Still asking: the page may be loading, waiting for late content, or being analysed.
    if (page && !state.final) return <Loading />;
    if (page === 'unreachable') return <Empty title={t('unreachableTitle')} body={t('unreachableBody')} />;
    return <Empty title={t('notYetTitle')} body={t('notYetBody')} />;
  }
  if (status.state === 'not-article') {
    return <NotArticle signals={status.signals} title={status.title} />;
  }
  const report = status.report;
  if (!report.article.detected) return <NotArticle signals={report.article.signals} title={report.article.title} />;
  return <ArticleReport report={report} {...props} />;
}

function Loading() {
  return (
    <div class="loading" data-testid="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {t('loading')}
    </div>
  );
}

function Empty({ title, body, children }: { title: string; body?: string; children?: ComponentChildren }) {
  return (
    <div class="empty" data-testid="empty">
      <p class="empty-title">{title}</p>
      {body ? <p class="empty-body">{body}</p> : null}
      {children}
    </div>
  );
}

function NotArticle({ signals, title }: { signals: string[]; title: string }) {
  return (
    <Empty title={t('notArticleTitle')} body={title ? t('notArticleBody', title) : undefined}>
      <p class="empty-why">{t('notArticleWhy')}</p>
      <ul class="signals" data-testid="why">
        {explainSignals(signals).map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </Empty>
  );
}

function ArticleReport(props: PopupViewProps & { report: PageReport }) {
  const { report } = props;
  const { article } = report;
  const share = opinionShare(report);
  const passages = opinionPassages(report);
  const meta = articleMeta(article);
  const kindKey = KIND_LABELS[article.kind] ?? 'kindOther';
  // Worded from the kind's first signal that has words (as kindReasons[0] was, which the content
  // script no longer words, #8); a report without signals (older) keeps its English reason.
  const signalled = article.kindSignals?.map((signal) => kindReason(article.kind, signal)).find((r) => r !== null) ?? null;
  // A page with no kind marked at all (no article markup, no section) showed a bare "Other" badge.
  const reason = signalled ? sentenceStart(reasonText(signalled)) : article.kindReasons?.[0] ?? (article.kind === 'other' ? t('kindOtherUnmarked') : undefined);
  return (
    <>
      <section class="article-head" aria-label={t('articleSection')}>
        {article.title ? <h1 class="article-title">{article.title}</h1> : null}
        {meta ? <p class="article-meta">{meta}</p> : null}
        <div class={`kind kind-${article.kind}`} data-testid="kind">
          <span class="kind-badge">{t(kindKey)}</span>{' '}
          {reason ? <span class="kind-reason">{reason}</span> : null}
        </div>
        {share.total > 0 ? (
          <div class="share" data-testid="opinion-share">
            <div class="share-text">
              {t('opinionShare', [Math.round(share.share * 100), share.opinion, share.total])}
            </div>
            <div
              class="share-bar"
              role="meter"
              aria-label={t('opinionShareLabel')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(share.share * 100)}
            >
              <span class="share-fill" style={{ width: `${Math.round(share.share * 100)}%` }} />
            </div>
          </div>
        ) : null}
        {report.notes?.length ? (
          <ul class="notes">
            {report.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
      </section>

      <section class="highlight">
        <Switch
          id="highlight-toggle"
          testId="highlight-toggle"
          checked={props.opinionHighlight}
          onChange={props.onHighlightChange}
          label={t('highlightOpinion')}
          hint={
            props.shortcut ? (
              <>
                {t('shortcut')} <kbd>{props.shortcut}</kbd>
              </>
            ) : props.shortcut === '' ? (
              t('noShortcut')
            ) : undefined
          }
        />
        <ul class="legend" aria-label={t('legendLabel')} data-testid="legend">
          <li>
            <span class="swatch swatch-opinion" aria-hidden="true">Aa</span>
            {t('legendOpinion')}
          </li>
          <li>
            <span class="swatch swatch-entity" aria-hidden="true">Aa</span>
            {t('legendEntity')}
          </li>
        </ul>
      </section>

      <EntitiesSection entities={report.entities} onReveal={props.onReveal} />
      <CoverageSection coverage={report.coverage} entities={report.entities} />
      <OpinionSection passages={passages} paragraphs={article.paragraphs} onReveal={props.onReveal} />
    </>
  );
}

function EntitiesSection({ entities, onReveal }: { entities: LinkedEntity[]; onReveal(t: RevealTarget): void }) {
  const groups = groupEntities(entities);
  // For the popup bench (test/bench/browser-popup.bench.ts): the list is in the DOM (the task
  // that inserted it), for loads its own probe was installed too late to see.
  useLayoutEffect(() => void performance.mark?.('popup:entities'), []);
  return (
    <section class="block" aria-labelledby="h-entities">
      <h2 id="h-entities">{t('entitiesHeading')}</h2>
      <div data-testid="entities">
        {groups.length === 0 ? <p class="muted">{t('entitiesNone')}</p> : null}
        {groups.map((g) => (
          <div class="entity-group" key={g.type}>
            <h3>{t(TYPE_HEADINGS[g.type] ?? 'typeOther')}</h3>
            <ul class="entity-list">
              {g.entities.map((e) => {
                const first = firstMention(e);
                const count = e.mentions.length;
                return (
                  <li key={e.id} data-testid="entity" data-entity-id={e.id}>
                    <button
                      type="button"
                      class="entity"
                      title={t('entityButtonTitle')}
                      onClick={() => first && onReveal({ paragraph: first.paragraph, start: first.start, end: first.end })}
                    >
                      <span class="entity-text">
                        <span class="entity-name">{e.name}</span>
                        {e.description ? (
                          <>
                            {' '}
                            <span class="entity-desc" data-testid="entity-description">
                              {e.description}
                            </span>
                          </>
                        ) : null}
                      </span>{' '}
                      <span class="entity-count" data-testid="entity-count">
                        {count}
                      </span>
                      <span class="sr-only"> {tn('mentionsSuffix', count)}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

function CoverageItem({ item }: { item: CoverageHit }) {
  const href = item.url ? safeHref(item.url) : undefined;
  const title = item.title || item.why || item.source;
  // Titles built from facts often end with the outlet already; don't say it twice.
  const source = item.source && !title.includes(item.source) ? item.source : '';
  const meta = [formatDate(item.date), source].filter(Boolean).join(' · ');
  const why = item.why && item.why !== title ? item.why : '';
  // The ranker's why-line for a read from the history opens with "You read this" itself: the tag
  // beside the date would say it twice.
  const historyTag = item.origin === 'history' && !why.startsWith(t('coverageWhyHistory'));
  return (
    <li class="coverage-item" data-testid="coverage-item">
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer" class="coverage-title">
          {title}
        </a>
      ) : (
        <span class="coverage-title">{title}</span>
      )}
      {meta ? (
        <p class="coverage-meta">
          {meta}{' '}
          {historyTag ? <span class="tag">{t('originHistory')}</span> : null}
          {item.origin === 'pack' ? <span class="tag">{t('originPack')}</span> : null}
        </p>
      ) : null}
      {why ? <p class="coverage-why">{why}</p> : null}
    </li>
  );
}

/**
 * Earlier coverage grouped by the page's names (model.ts groupCoverage): each group is a small
 * heading with the name and its items, best first; the best match leads the section. Collapsed, the
 * section shows the first groups whole (up to COVERAGE_SHOWN items, 3 a name); "Show all" adds the rest.
 */
function CoverageSection({ coverage, entities }: { coverage: CoverageHit[]; entities: LinkedEntity[] }) {
  const [all, setAll] = useState(false);
  const groups = groupCoverage(coverage, entities);
  const total = groups.reduce((n, g) => n + g.items.length, 0);
  const shown = all ? groups : firstCoverage(groups, COVERAGE_SHOWN);
  return (
    <section class="block" aria-labelledby="h-coverage">
      <h2 id="h-coverage">{t('coverageHeading')}</h2>
      {total === 0 ? <p class="muted">{t('coverageNone')}</p> : null}
      <div class="coverage-groups" id="coverage-groups" data-testid="coverage">
        {shown.map((g, i) => {
          const headingId = `h-coverage-${i}`;
          return (
            <div class="coverage-group" key={g.entity?.id ?? ''} data-entity-id={g.entity?.id}>
              <h3 id={headingId} class="coverage-group-name">
                {g.entity ? g.entity.name : t('coverageOtherGroup')}
              </h3>
              <ol class="coverage-list" aria-labelledby={headingId}>
                {g.items.map((c) => (
                  <CoverageItem key={c.id} item={c} />
                ))}
              </ol>
            </div>
          );
        })}
      </div>
      {total > COVERAGE_SHOWN ? (
        <button type="button" class="link-button" aria-expanded={all} aria-controls="coverage-groups" onClick={() => setAll(!all)}>
          {all ? t('showFewer') : t('showAll', total)}
        </button>
      ) : null}
    </section>
  );
}

function OpinionSection({
  passages,
  paragraphs,
  onReveal,
}: {
  passages: OpinionFlag[];
  paragraphs: string[];
  onReveal(t: RevealTarget): void;
}) {
  return (
    <section class="block" aria-labelledby="h-opinion">
      <h2 id="h-opinion">{t('opinionHeading')}</h2>
      {passages.length === 0 ? <p class="muted">{t('opinionNone')}</p> : null}
      <ol class="opinion-list" data-testid="opinion">
        {passages.map((p) => (
          <li class="opinion-item" data-testid="opinion-item" key={p.paragraph}>
            <button type="button" class="passage" onClick={() => onReveal({ paragraph: p.paragraph })}>
              <span class="passage-text">“{snippet(paragraphs[p.paragraph] ?? '')}”</span>
            </button>
            {p.reasons.length ? (
              <ul class="reasons" aria-label={t('reasonsLabel')}>
                {p.reasons.map((r, i) => (
                  <li key={i}>{reasonText(r)}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
